// MqttClient and MqttPublisher against a real mosquitto broker on
// 127.0.0.1, plus parseBrokerUrl and readCredentials. Every wait polls with
// a deadline; the only fixed figure is the contract's 200 ms.
#include <gtest/gtest.h>

#include <sys/socket.h>
#include <netinet/in.h>
#include <arpa/inet.h>
#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <optional>
#include <set>

#include "core/process_stats.h"
#include "feeds/mqtt_client.h"
#include "test_broker.h"

namespace twin::feeds {
namespace {

// Memory bounds assume no sanitizer. AddressSanitizer keeps freed blocks in
// its quarantine before reusing them (16 MiB: scripts/test.sh --sanitize sets
// quarantine_size_mb=16), adds redzones and per-thread caches: under it a
// bound gets this many MiB more (measured with the flood: +23 MiB here, +25
// MiB in LiveApp's; +155 MiB with ASan's default 256 MiB quarantine).
#ifdef TWIN_SANITIZED
constexpr double kSanitizerExtraMiB = 24.0;
#else
constexpr double kSanitizerExtraMiB = 0.0;
#endif

using namespace std::chrono_literals;
using testing::TestBroker;
using testing::TestBrokerDesc;
using testing::waitFor;
using Steady = std::chrono::steady_clock;

double millisecondsSince(Steady::time_point start) {
    return std::chrono::duration<double, std::milli>(Steady::now() - start).count();
}

MqttSettings settingsFor(const TestBroker& broker) {
    auto settings = parseBrokerUrl(broker.url());
    EXPECT_TRUE(settings.ok()) << settings.error();
    return settings.ok() ? settings.value() : MqttSettings{};
}

std::unique_ptr<MqttClient> startClient(const MqttSettings& settings) {
    auto client = MqttClient::start(settings);
    EXPECT_TRUE(client.ok()) << client.error();
    return client.ok() ? std::move(client.value()) : nullptr;
}

std::unique_ptr<MqttPublisher> connectPublisher(const MqttSettings& settings) {
    auto publisher = MqttPublisher::connect(settings, 5);
    EXPECT_TRUE(publisher.ok()) << publisher.error();
    return publisher.ok() ? std::move(publisher.value()) : nullptr;
}

bool becomes(const MqttClient& client, Connection wanted, std::chrono::milliseconds timeout) {
    return waitFor([&] { return client.connection() == wanted; }, timeout);
}

// Polls takeMessages until one on `topic` arrives; keeps the others in `seen`.
std::optional<MqttMessage> waitForTopic(MqttClient& client, const std::string& topic,
                                        std::chrono::milliseconds timeout, std::vector<MqttMessage>* seen = nullptr) {
    std::optional<MqttMessage> found;
    waitFor(
        [&] {
            for (MqttMessage& m : client.takeMessages()) {
                if (!found && m.topic == topic) found = m;
                if (seen) seen->push_back(std::move(m));
            }
            return found.has_value();
        },
        timeout);
    return found;
}

// Subscriptions are made after CONNACK, so "Connected" does not yet mean
// that non-retained messages reach the client: publish probes until one does.
bool waitUntilSubscribed(MqttClient& client, MqttPublisher& publisher, const std::string& prefix) {
    const std::string probe = prefix + "/probe";
    const bool ok = waitFor(
        [&] {
            publisher.publish(probe, "probe", false);
            return waitForTopic(client, probe, 50ms).has_value();
        },
        5s);
    client.takeMessages();
    return ok;
}

// --- parseBrokerUrl --------------------------------------------------------

TEST(MqttBrokerUrl, AcceptsHostsPortsAndSchemes) {
    struct Case {
        const char* url;
        const char* host;
        int port;
        bool tls;
    };
    const Case cases[] = {
        {"mqtt://127.0.0.1", "127.0.0.1", 1883, false},
        {"mqtt://broker.twin.example:1884", "broker.twin.example", 1884, false},
        {"mqtt://localhost/", "localhost", 1883, false},
        {"mqtts://mqtt.mines-stetienne.example", "mqtt.mines-stetienne.example", 8883, true},
        {"mqtts://10.0.0.2:443", "10.0.0.2", 443, true},
        {"mqtt://[::1]:1885", "::1", 1885, false},
        {"mqtts://[fe80::1]", "fe80::1", 8883, true},
        {"mqtt://h:65535", "h", 65535, false},
    };
    for (const Case& c : cases) {
        auto settings = parseBrokerUrl(c.url);
        ASSERT_TRUE(settings.ok()) << c.url << ": " << settings.error();
        EXPECT_EQ(settings->host, c.host) << c.url;
        EXPECT_EQ(settings->port, c.port) << c.url;
        EXPECT_EQ(settings->tls, c.tls) << c.url;
        EXPECT_EQ(settings->topicPrefix, "twin/v1") << c.url;
    }
}

TEST(MqttBrokerUrl, RejectsWhatIsNotABrokerUrlAndSaysWhatWasExpected) {
    struct Case {
        const char* url;
        const char* why;  // part of the message
    };
    const Case cases[] = {
        {"", "expected mqtt://HOST[:PORT]"},
        {"http://broker:1883", "expected mqtt://HOST[:PORT]"},
        {"127.0.0.1:1883", "expected mqtt://HOST[:PORT]"},
        {"mqtt://", "no host"},
        {"mqtt://:1883", "no host"},
        {"mqtt://host:", "port"},
        {"mqtt://host:0", "from 1 to 65535"},
        {"mqtt://host:65536", "from 1 to 65535"},
        {"mqtt://host:18x3", "from 1 to 65535"},
        {"mqtt://host:-1", "from 1 to 65535"},
        {"mqtt://user:secret@host", "no path, query or user name"},
        {"mqtt://host/twin/v1", "no path, query or user name"},
        {"mqtt://[::1", "closing ']'"},
        {"mqtt://[::1]x", "only :PORT"},
        {"mqtt://[]:1883", "IPv6"},
        {"mqtt://::1:1883", "IPv6 goes in brackets"},
        {"mqtt://bro ker", "host name"},
    };
    for (const Case& c : cases) {
        auto settings = parseBrokerUrl(c.url);
        ASSERT_FALSE(settings.ok()) << "accepted \"" << c.url << "\"";
        EXPECT_NE(settings.error().find(c.why), std::string::npos) << c.url << ": " << settings.error();
        EXPECT_NE(settings.error().find("\"" + std::string(c.url) + "\""), std::string::npos)
            << "the message should quote the URL: " << settings.error();
    }
}

// --- readCredentials -------------------------------------------------------

class MqttCredentials : public ::testing::Test {
protected:
    void SetUp() override {
        char pattern[] = "/tmp/twin-credentials-XXXXXX";
        ASSERT_NE(mkdtemp(pattern), nullptr);
        folder_ = pattern;
        unsetenv(kVariable);
    }
    void TearDown() override {
        unsetenv(kVariable);
        std::error_code ec;
        std::filesystem::remove_all(folder_, ec);
    }
    std::filesystem::path writeFile(const std::string& name, const std::string& text) {
        std::ofstream(folder_ / name, std::ios::binary) << text;
        return folder_ / name;
    }

    static constexpr const char* kVariable = "TWIN_TEST_MQTT_SECRET";
    std::filesystem::path folder_;
};

TEST_F(MqttCredentials, AnonymousWhenTheSceneNamesNoSecret) {
    Feeds feeds;
    MqttSettings settings;
    settings.password = "left over";
    ASSERT_TRUE(readCredentials(feeds, settings).ok());
    EXPECT_EQ(settings.username, "");
    EXPECT_EQ(settings.password, "");
    feeds.username = "viewer";  // a user name alone is allowed
    ASSERT_TRUE(readCredentials(feeds, settings).ok());
    EXPECT_EQ(settings.username, "viewer");
    EXPECT_EQ(settings.password, "");
}

TEST_F(MqttCredentials, PasswordFromTheEnvironment) {
    Feeds feeds;
    feeds.username = "kiosk";
    feeds.credentialsEnvironment = kVariable;
    setenv(kVariable, "s3cret with spaces", 1);
    MqttSettings settings;
    auto status = readCredentials(feeds, settings);
    ASSERT_TRUE(status.ok()) << status.error();
    EXPECT_EQ(settings.username, "kiosk");
    EXPECT_EQ(settings.password, "s3cret with spaces");
}

TEST_F(MqttCredentials, PasswordFromTheFirstLineOfAFile) {
    Feeds feeds;
    feeds.username = "kiosk";
    feeds.credentialsFile = writeFile("secret", "s3cret\nsecond line ignored\n");
    MqttSettings settings;
    auto status = readCredentials(feeds, settings);
    ASSERT_TRUE(status.ok()) << status.error();
    EXPECT_EQ(settings.password, "s3cret");

    feeds.credentialsFile = writeFile("crlf", "windows\r\n");
    ASSERT_TRUE(readCredentials(feeds, settings).ok());
    EXPECT_EQ(settings.password, "windows");

    feeds.credentialsFile = writeFile("no_newline", "bare");
    ASSERT_TRUE(readCredentials(feeds, settings).ok());
    EXPECT_EQ(settings.password, "bare");
}

TEST_F(MqttCredentials, TheEnvironmentComesFirstThenTheFile) {
    Feeds feeds;
    feeds.username = "kiosk";
    feeds.credentialsEnvironment = kVariable;
    feeds.credentialsFile = writeFile("secret", "from-file\n");
    MqttSettings settings;
    ASSERT_TRUE(readCredentials(feeds, settings).ok());
    EXPECT_EQ(settings.password, "from-file");
    setenv(kVariable, "from-environment", 1);
    ASSERT_TRUE(readCredentials(feeds, settings).ok());
    EXPECT_EQ(settings.password, "from-environment");
}

TEST_F(MqttCredentials, ErrorsNameTheMissingVariableOrFileButNeverTheSecret) {
    MqttSettings settings;
    Feeds feeds;
    feeds.username = "kiosk";
    feeds.credentialsEnvironment = kVariable;
    auto status = readCredentials(feeds, settings);
    ASSERT_FALSE(status.ok());
    EXPECT_NE(status.error().find(kVariable), std::string::npos) << status.error();
    EXPECT_NE(status.error().find("not set"), std::string::npos) << status.error();

    feeds.credentialsEnvironment.clear();
    feeds.credentialsFile = folder_ / "missing";
    status = readCredentials(feeds, settings);
    ASSERT_FALSE(status.ok());
    EXPECT_NE(status.error().find((folder_ / "missing").string()), std::string::npos) << status.error();

    feeds.credentialsFile = writeFile("empty", "\n");
    status = readCredentials(feeds, settings);
    ASSERT_FALSE(status.ok());
    EXPECT_NE(status.error().find("empty"), std::string::npos) << status.error();

    // A password without a user name cannot be sent with MQTT 3.1.1.
    feeds.username.clear();
    feeds.credentialsFile = writeFile("secret", "TopSecret42\n");
    status = readCredentials(feeds, settings);
    ASSERT_FALSE(status.ok());
    EXPECT_NE(status.error().find("username"), std::string::npos) << status.error();
    EXPECT_EQ(status.error().find("TopSecret42"), std::string::npos) << "the secret leaked into: " << status.error();
}

// --- the client against a real broker ----------------------------------------

TEST(MqttClientBroker, RetainedValueReachesTakeMessagesWithin200ms) {
    TestBroker broker;
    ASSERT_TRUE(broker.running()) << broker.error();
    auto client = startClient(settingsFor(broker));
    ASSERT_TRUE(client);
    ASSERT_TRUE(becomes(*client, Connection::Connected, 5s)) << client->lastError();
    auto publisher = connectPublisher(settingsFor(broker));
    ASSERT_TRUE(publisher);

    // Published while the client is subscribed: from publish() to takeMessages().
    double worst = 0;
    for (int i = 0; i < 5; ++i) {
        const std::string topic = "twin/v1/machines/fdm-" + std::to_string(i + 1) + "/state";
        const std::string payload = R"({"state": "running", "ts": "2026-11-25T10:0)" + std::to_string(i) + R"(:00Z"})";
        const auto sent = Steady::now();
        ASSERT_TRUE(publisher->publish(topic, payload).ok());
        auto message = waitForTopic(*client, topic, 2s);
        const double latency = millisecondsSince(sent);
        ASSERT_TRUE(message) << "nothing on " << topic << " within 2 s";
        EXPECT_EQ(message->payload, payload);
        EXPECT_FALSE(message->oversize);
        worst = std::max(worst, latency);
    }
    EXPECT_LT(worst, 200.0) << "the contract: a value reaches the client within 200 ms";
    ASSERT_TRUE(publisher->flush().ok());

    // Retained: a client that subscribes later gets the value too, within
    // 200 ms of its connection.
    auto late = startClient(settingsFor(broker));
    ASSERT_TRUE(late);
    ASSERT_TRUE(becomes(*late, Connection::Connected, 5s)) << late->lastError();
    const auto connected = Steady::now();
    auto retained = waitForTopic(*late, "twin/v1/machines/fdm-5/state", 2s);
    const double retainedLatency = millisecondsSince(connected);
    ASSERT_TRUE(retained);
    EXPECT_LT(retainedLatency, 200.0);
    std::printf("[ figures ] publish -> takeMessages: worst %.1f ms of 5; retained after connection: %.1f ms\n", worst,
                retainedLatency);
}

TEST(MqttClientBroker, GoesOfflineWhenTheBrokerDiesAndResubscribesWhenItReturns) {
    TestBroker broker;
    ASSERT_TRUE(broker.running()) << broker.error();
    auto client = startClient(settingsFor(broker));
    ASSERT_TRUE(client);
    ASSERT_TRUE(becomes(*client, Connection::Connected, 5s)) << client->lastError();
    EXPECT_EQ(client->lastError(), "");

    broker.kill();
    ASSERT_TRUE(becomes(*client, Connection::Offline, 5s)) << "still " << toString(client->connection());
    EXPECT_NE(client->lastError(), "");

    ASSERT_TRUE(broker.restart()) << broker.error();
    // Back-off starts at 1 s after a lost connection.
    ASSERT_TRUE(becomes(*client, Connection::Connected, 10s))
        << toString(client->connection()) << ": " << client->lastError();
    EXPECT_EQ(client->lastError(), "");

    // The restarted broker has no session: only a new subscription brings this.
    auto publisher = connectPublisher(settingsFor(broker));
    ASSERT_TRUE(publisher);
    const std::string topic = "twin/v1/platforms/additive/occupancy";
    ASSERT_TRUE(publisher->publish(topic, R"({"count": 3, "ts": "2026-11-25T10:00:00Z"})", false).ok());
    auto message = waitForTopic(*client, topic, 5s);
    ASSERT_TRUE(message) << "not resubscribed after the restart";
    EXPECT_EQ(message->payload, R"({"count": 3, "ts": "2026-11-25T10:00:00Z"})");
}

TEST(MqttClientBroker, StartDoesNotWaitForAMissingBrokerAndConnectsWhenItComes) {
    TestBroker broker;
    ASSERT_TRUE(broker.running()) << broker.error();
    broker.kill();

    const auto started = Steady::now();
    auto client = startClient(settingsFor(broker));
    const double startMs = millisecondsSince(started);
    ASSERT_TRUE(client);
    EXPECT_LT(startMs, 500.0) << "start must not block on a missing broker";
    ASSERT_TRUE(becomes(*client, Connection::Offline, 5s)) << toString(client->connection());
    EXPECT_NE(client->lastError().find("connection refused"), std::string::npos) << client->lastError();

    ASSERT_TRUE(broker.restart()) << broker.error();
    ASSERT_TRUE(becomes(*client, Connection::Connected, 10s)) << client->lastError();
}

TEST(MqttClientBroker, AnUnknownHostIsAnErrorFromStart) {
    MqttSettings settings;
    settings.host = "no-such-host.invalid";  // RFC 2606: never resolves
    auto client = MqttClient::start(settings);
    // Either the resolver says so at once (an error), or it is not sure yet
    // and the client keeps trying, Offline with the reason.
    if (client.ok()) {
        ASSERT_TRUE(becomes(*client.value(), Connection::Offline, 10s));
        EXPECT_NE(client.value()->lastError().find("resolve"), std::string::npos) << client.value()->lastError();
    } else {
        EXPECT_NE(client.error().find("resolve"), std::string::npos) << client.error();
    }
}

TEST(MqttClientBroker, DestructorStopsPromptlyInEveryState) {
    TestBroker broker;
    ASSERT_TRUE(broker.running()) << broker.error();
    auto timeToDestroy = [](std::unique_ptr<MqttClient> client) {
        const auto start = Steady::now();
        client.reset();
        return millisecondsSince(start);
    };

    auto connected = startClient(settingsFor(broker));
    ASSERT_TRUE(connected);
    ASSERT_TRUE(becomes(*connected, Connection::Connected, 5s));
    EXPECT_LT(timeToDestroy(std::move(connected)), 1000.0) << "connected";

    // A listener that never answers: the TCP connection is made by the
    // kernel, the CONNACK never comes.
    int silent = socket(AF_INET, SOCK_STREAM, 0);
    ASSERT_GE(silent, 0);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    socklen_t length = sizeof address;
    ASSERT_EQ(bind(silent, reinterpret_cast<sockaddr*>(&address), sizeof address), 0);
    ASSERT_EQ(listen(silent, 4), 0);
    ASSERT_EQ(getsockname(silent, reinterpret_cast<sockaddr*>(&address), &length), 0);
    MqttSettings hanging;
    hanging.port = ntohs(address.sin_port);
    auto waiting = startClient(hanging);
    ASSERT_TRUE(waiting);
    EXPECT_FALSE(becomes(*waiting, Connection::Connected, 300ms));
    EXPECT_EQ(waiting->connection(), Connection::Connecting);
    EXPECT_LT(timeToDestroy(std::move(waiting)), 1000.0) << "connecting to a silent listener";
    close(silent);

    broker.kill();
    auto retrying = startClient(settingsFor(broker));
    ASSERT_TRUE(retrying);
    ASSERT_TRUE(becomes(*retrying, Connection::Offline, 5s));
    EXPECT_LT(timeToDestroy(std::move(retrying)), 1000.0) << "waiting to retry";
}

TEST(MqttClientBroker, AFloodOfBadMessagesStaysBounded) {
    // No per-client limit in the broker: every message must reach the client,
    // so that what is kept and what is dropped add up exactly.
    TestBroker broker(TestBrokerDesc{{}, {"max_queued_messages 0"}});
    ASSERT_TRUE(broker.running()) << broker.error();
    MqttSettings settings = settingsFor(broker);
    settings.maxQueued = 256;
    auto client = startClient(settings);
    ASSERT_TRUE(client);
    ASSERT_TRUE(becomes(*client, Connection::Connected, 5s)) << client->lastError();
    {
        auto prober = connectPublisher(settingsFor(broker));
        ASSERT_TRUE(prober);
        ASSERT_TRUE(waitUntilSubscribed(*client, *prober, "twin/v1"));
    }
    const size_t residentBefore = engine::residentBytes();

    // 10,000 messages from another process: a quarter of them 20 KiB.
    constexpr int kCount = 10000;
    const auto floodStart = Steady::now();
    testing::ProcessResult flood = testing::runProcess(TWIN_FLOOD_EXE, {broker.url(), std::to_string(kCount)}, 60s);
    ASSERT_EQ(flood.exitCode, 0) << flood.err;
    // The main thread takes nothing meanwhile: the queue fills, then drops.
    const uint64_t expectDropped = kCount - settings.maxQueued;
    ASSERT_TRUE(waitFor([&] { return client->dropped() >= expectDropped; }, 30s))
        << "dropped " << client->dropped() << " of the expected " << expectDropped;
    const double floodMs = millisecondsSince(floodStart);

    std::vector<MqttMessage> messages = client->takeMessages();
    EXPECT_EQ(client->dropped(), expectDropped);
    EXPECT_EQ(messages.size(), settings.maxQueued);
    size_t oversize = 0;
    for (const MqttMessage& m : messages) {
        if (m.oversize) {
            ++oversize;
            EXPECT_EQ(m.payload.size(), 0u) << "an oversize payload was copied";
            EXPECT_EQ(m.topic, "twin/v1/machines/fdm-1/state");
        } else {
            EXPECT_LE(m.payload.size(), settings.maxPayloadBytes);
            EXPECT_NE(m.topic, "twin/v1/machines/fdm-1/state");
        }
    }
    EXPECT_EQ(oversize, settings.maxQueued / 4);  // every fourth message is 20 KiB
    EXPECT_EQ(client->connection(), Connection::Connected);

    const size_t residentAfter = engine::residentBytes();
    const double grownMiB = (double(residentAfter) - double(residentBefore)) / (1024.0 * 1024.0);
    std::printf("[ figures ] %d bad messages in %.0f ms: kept %zu, dropped %llu, resident memory grew %.2f MiB\n",
                kCount, floodMs, messages.size(), static_cast<unsigned long long>(client->dropped()), grownMiB);
    EXPECT_LT(grownMiB, 4.0 + kSanitizerExtraMiB) << "a flood must not grow memory";

    // Still working after the flood.
    auto publisher = connectPublisher(settingsFor(broker));
    ASSERT_TRUE(publisher);
    ASSERT_TRUE(publisher->publish("twin/v1/platforms/additive/occupancy", R"({"count": 1})", false).ok());
    EXPECT_TRUE(waitForTopic(*client, "twin/v1/platforms/additive/occupancy", 2s));
}

TEST(MqttClientBroker, PasswordBrokerAcceptsTheRightPasswordOnly) {
    TestBroker broker(TestBrokerDesc{{{"kiosk", "s3cret"}}, {}});
    ASSERT_TRUE(broker.running()) << broker.error();

    MqttSettings right = settingsFor(broker);
    right.username = "kiosk";
    right.password = "s3cret";
    auto good = startClient(right);
    ASSERT_TRUE(good);
    EXPECT_TRUE(becomes(*good, Connection::Connected, 5s)) << good->lastError();

    MqttSettings wrong = right;
    wrong.password = "guess";
    auto bad = startClient(wrong);
    ASSERT_TRUE(bad);
    ASSERT_TRUE(becomes(*bad, Connection::Offline, 5s)) << toString(bad->connection());
    EXPECT_NE(bad->lastError().find("not authorised"), std::string::npos) << bad->lastError();
    // It keeps trying, and stays refused.
    EXPECT_FALSE(becomes(*bad, Connection::Connected, 1500ms));

    auto anonymous = startClient(settingsFor(broker));
    ASSERT_TRUE(anonymous);
    ASSERT_TRUE(becomes(*anonymous, Connection::Offline, 5s));
    EXPECT_NE(anonymous->lastError().find("not authorised"), std::string::npos) << anonymous->lastError();

    auto publisher = MqttPublisher::connect(wrong, 5);
    ASSERT_FALSE(publisher.ok());
    EXPECT_NE(publisher.error().find("not authorised"), std::string::npos) << publisher.error();
}

TEST(MqttClientBroker, CredentialsFromAFileOpenThePasswordBroker) {
    TestBroker broker(TestBrokerDesc{{{"kiosk", "from the file"}}, {}});
    ASSERT_TRUE(broker.running()) << broker.error();
    const std::filesystem::path secret = broker.folder() / "kiosk.secret";
    std::ofstream(secret) << "from the file\n";
    Feeds feeds;
    feeds.username = "kiosk";
    feeds.credentialsFile = secret;
    MqttSettings settings = settingsFor(broker);
    ASSERT_TRUE(readCredentials(feeds, settings).ok());
    auto client = startClient(settings);
    ASSERT_TRUE(client);
    EXPECT_TRUE(becomes(*client, Connection::Connected, 5s)) << client->lastError();
}

// A certificate authority and a server certificate for 127.0.0.1, made with
// the openssl command; false when it is not installed.
bool makeCertificates(const std::filesystem::path& folder, const std::string& caName) {
    const std::filesystem::path openssl = "/usr/bin/openssl";
    if (!std::filesystem::exists(openssl)) return false;
    std::ofstream(folder / "san.ext") << "subjectAltName=IP:127.0.0.1\n";
    auto run = [&](std::vector<std::string> arguments) {
        testing::ProcessResult r = testing::runProcess(openssl, arguments, 30s);
        EXPECT_EQ(r.exitCode, 0) << r.err;
        return r.exitCode == 0;
    };
    const std::string f = folder.string() + "/";
    const std::vector<std::string> ec = {"-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes"};
    auto with = [](std::vector<std::string> a, const std::vector<std::string>& b) {
        a.insert(a.end(), b.begin(), b.end());
        return a;
    };
    return run(with({"req", "-x509", "-days", "2", "-subj", "/CN=" + caName, "-keyout", f + caName + ".key", "-out",
                     f + caName + ".crt"},
                    ec)) &&
           run(with({"req", "-subj", "/CN=127.0.0.1", "-keyout", f + "server.key", "-out", f + "server.csr"}, ec)) &&
           run({"x509", "-req", "-days", "2", "-in", f + "server.csr", "-CA", f + caName + ".crt", "-CAkey",
                f + caName + ".key", "-CAcreateserial", "-extfile", f + "san.ext", "-out", f + "server.crt"});
}

TEST(MqttClientBroker, TlsWithTheRightCertificateAuthorityOnly) {
    char pattern[] = "/tmp/twin-tls-XXXXXX";
    ASSERT_NE(mkdtemp(pattern), nullptr);
    const std::filesystem::path folder = pattern;
    std::filesystem::create_directory(folder / "other");
    if (!makeCertificates(folder, "twin-test-ca") || !makeCertificates(folder / "other", "twin-other-ca")) {
        std::filesystem::remove_all(folder);
        GTEST_SKIP() << "the openssl command is needed to make test certificates (apt install openssl)";
    }
    TestBroker broker(TestBrokerDesc{{}, {"cafile " + (folder / "twin-test-ca.crt").string(),
                                          "certfile " + (folder / "server.crt").string(),
                                          "keyfile " + (folder / "server.key").string()}});
    ASSERT_TRUE(broker.running()) << broker.error();
    auto settings = parseBrokerUrl("mqtts://127.0.0.1:" + std::to_string(broker.port()));
    ASSERT_TRUE(settings.ok());
    settings->caFile = (folder / "twin-test-ca.crt").string();

    auto publisher = connectPublisher(*settings);
    ASSERT_TRUE(publisher);
    ASSERT_TRUE(publisher->publish("twin/v1/machines/cnc-1/state", R"({"state": "idle"})").ok());
    ASSERT_TRUE(publisher->flush().ok());
    auto client = startClient(*settings);
    ASSERT_TRUE(client);
    ASSERT_TRUE(becomes(*client, Connection::Connected, 5s)) << client->lastError();
    auto message = waitForTopic(*client, "twin/v1/machines/cnc-1/state", 2s);
    ASSERT_TRUE(message);
    EXPECT_EQ(message->payload, R"({"state": "idle"})");

    // A server certificate from another authority: refused, and said so.
    MqttSettings other = *settings;
    other.caFile = (folder / "other" / "twin-other-ca.crt").string();
    auto stranger = startClient(other);
    ASSERT_TRUE(stranger);
    ASSERT_TRUE(becomes(*stranger, Connection::Offline, 5s)) << toString(stranger->connection());
    EXPECT_NE(stranger->lastError().find("TLS"), std::string::npos) << stranger->lastError();
    EXPECT_NE(stranger->lastError().find("certificate verify failed"), std::string::npos) << stranger->lastError();
    EXPECT_FALSE(becomes(*stranger, Connection::Connected, 1500ms));

    // A CA file that is not there: an error from start, naming it.
    other.caFile = (folder / "missing.crt").string();
    auto missing = MqttClient::start(other);
    ASSERT_FALSE(missing.ok());
    EXPECT_NE(missing.error().find("missing.crt"), std::string::npos) << missing.error();

    std::filesystem::remove_all(folder);
}

TEST(MqttPublisherBroker, FlushWaitsForEveryAcknowledgementAndValuesAreRetained) {
    TestBroker broker;
    ASSERT_TRUE(broker.running()) << broker.error();
    {
        auto publisher = connectPublisher(settingsFor(broker));
        ASSERT_TRUE(publisher);
        for (int i = 0; i < 500; ++i)
            ASSERT_TRUE(publisher->publish("twin/v1/test/" + std::to_string(i), std::to_string(i)).ok());
        auto flushed = publisher->flush(10);
        ASSERT_TRUE(flushed.ok()) << flushed.error();
    }  // disconnected: only the broker holds the values now
    auto client = startClient(settingsFor(broker));
    ASSERT_TRUE(client);
    std::set<std::string> topics;
    ASSERT_TRUE(waitFor(
        [&] {
            for (const MqttMessage& m : client->takeMessages()) topics.insert(m.topic);
            return topics.size() == 500;
        },
        5s))
        << topics.size() << " of 500 retained values";
}

TEST(MqttPublisherBroker, ConnectFailsQuicklyWithoutBroker) {
    MqttSettings settings;
    settings.port = testing::freeLocalPort();
    const auto start = Steady::now();
    auto publisher = MqttPublisher::connect(settings, 5);
    ASSERT_FALSE(publisher.ok());
    EXPECT_LT(millisecondsSince(start), 2000.0);
    EXPECT_NE(publisher.error().find("127.0.0.1:" + std::to_string(settings.port)), std::string::npos)
        << publisher.error();
    EXPECT_NE(publisher.error().find("connection refused"), std::string::npos) << publisher.error();
}

}  // namespace
}  // namespace twin::feeds
