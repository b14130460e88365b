#include "feeds/mqtt_client.h"

#include <mosquitto.h>
#include <netdb.h>

#include <algorithm>
#include <cerrno>
#include <charconv>
#include <chrono>
#include <condition_variable>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <mutex>
#include <thread>

namespace twin::feeds {
namespace {

using Steady = std::chrono::steady_clock;

// Reconnection back-off: 1 s after a lost connection, doubling after each
// failed attempt, never more than 30 s.
constexpr std::chrono::seconds kFirstRetry{1};
constexpr std::chrono::seconds kLongestRetry{30};
// How long one mosquitto_loop call may wait for the socket. Incoming data
// and our own publish/disconnect wake it at once; this only bounds how late
// the thread notices that it must stop.
constexpr int kLoopTimeoutMs = 100;
// Topics of the contract are short; a longer one cannot be valid, so it is
// cut to kMaxTopicBytes (message_source.h) and flagged oversize instead of
// being kept whole in the queue.

void initLibraryOnce() {
    static std::once_flag once;
    std::call_once(once, [] {
        mosquitto_lib_init();
        // Never cleaned up: other threads may still hold clients at exit.
    });
}

std::string errnoText(int error) { return error ? std::string(std::strerror(error)) : std::string("unknown error"); }

// Lower-case, so "connection refused" reads well after a colon.
std::string lowerFirst(std::string text) {
    if (!text.empty() && text[0] >= 'A' && text[0] <= 'Z') text[0] = char(text[0] - 'A' + 'a');
    while (!text.empty() && text.back() == '.') text.pop_back();
    return text;
}

// What a libmosquitto error code means for people; `error` is errno right
// after the call, which libmosquitto documents as meaningful for ERRNO and
// sets to getaddrinfo's code for EAI.
std::string describe(int rc, int error, const std::string& host = "") {
    switch (rc) {
        case MOSQ_ERR_ERRNO: return lowerFirst(errnoText(error));
        case MOSQ_ERR_EAI: return "cannot resolve the host name \"" + host + "\" (" + lowerFirst(gai_strerror(error)) + ")";
        case MOSQ_ERR_CONN_LOST: return "connection lost";
        case MOSQ_ERR_NO_CONN: return "not connected";
        case MOSQ_ERR_KEEPALIVE: return "the broker stopped answering (keep-alive timeout)";
        case MOSQ_ERR_TLS: return "TLS error (certificate or handshake)";
        default: return lowerFirst(mosquitto_strerror(rc));
    }
}

// CONNACK return codes of MQTT 3.1.1, section 3.2.2.3.
std::string describeConnack(int code) {
    switch (code) {
        case 1: return "the broker refused the connection: unacceptable protocol version";
        case 2: return "the broker refused the connection: client identifier rejected";
        case 3: return "the broker refused the connection: server unavailable";
        case 4: return "the broker refused the connection: bad user name or password";
        case 5: return "the broker refused the connection: not authorised";
        default: return "the broker refused the connection (code " + std::to_string(code) + ")";
    }
}

}  // namespace

// One connection to a broker and the thread that serves it. We run our own
// loop around mosquitto_loop() rather than mosquitto_loop_start(): the
// latter reconnects with a blocking connect() that can hang for minutes on an
// unreachable host (so a destructor could not stop it promptly), it gives no
// word when a reconnection attempt fails, and it ends the thread for good on
// some errors (TLS, DNS) where a kiosk should keep trying.
struct BrokerSession {
    explicit BrokerSession(MqttSettings settings) : settings_(std::move(settings)) {}
    BrokerSession(const BrokerSession&) = delete;
    BrokerSession& operator=(const BrokerSession&) = delete;
    ~BrokerSession() { stop(); }

    // Creates the libmosquitto client and starts connecting. Errors only for
    // what retrying cannot fix: bad settings, a missing CA file, a host name
    // the resolver says does not exist.
    engine::Status begin(std::string subscription) {
        initLibraryOnce();
        subscription_ = std::move(subscription);
        const std::string& id = settings_.clientId;
        mosq_ = mosquitto_new(id.empty() ? nullptr : id.c_str(), true, this);
        if (!mosq_) return engine::makeError("cannot create an MQTT client: " + errnoText(errno));
        mosquitto_int_option(mosq_, MOSQ_OPT_PROTOCOL_VERSION, MQTT_PROTOCOL_V311);
        mosquitto_int_option(mosq_, MOSQ_OPT_TCP_NODELAY, 1);  // small messages, sent at once
        // Publishing from the main thread then only queues and wakes our
        // loop, which does all the socket work.
        mosquitto_threaded_set(mosq_, true);
        mosquitto_connect_callback_set(mosq_, &BrokerSession::onConnect);
        mosquitto_disconnect_callback_set(mosq_, &BrokerSession::onDisconnect);
        mosquitto_message_callback_set(mosq_, &BrokerSession::onMessage);
        mosquitto_publish_callback_set(mosq_, &BrokerSession::onPublish);
        mosquitto_log_callback_set(mosq_, &BrokerSession::onLog);
        if (!settings_.username.empty()) {
            int rc = mosquitto_username_pw_set(mosq_, settings_.username.c_str(),
                                               settings_.password.empty() ? nullptr : settings_.password.c_str());
            if (rc != MOSQ_ERR_SUCCESS) return engine::makeError("cannot use the MQTT user name: " + describe(rc, errno));
        }
        if (settings_.tls) {
            std::error_code ec;
            if (!settings_.caFile.empty() && !std::filesystem::is_regular_file(settings_.caFile, ec))
                return engine::makeError("the CA file \"" + settings_.caFile + "\" does not exist");
            int rc = settings_.caFile.empty() ? mosquitto_tls_set(mosq_, nullptr, "/etc/ssl/certs", nullptr, nullptr, nullptr)
                                              : mosquitto_tls_set(mosq_, settings_.caFile.c_str(), nullptr, nullptr, nullptr, nullptr);
            if (rc != MOSQ_ERR_SUCCESS)
                return engine::makeError("cannot set up TLS with " +
                                         (settings_.caFile.empty() ? std::string("/etc/ssl/certs") : "\"" + settings_.caFile + "\"") +
                                         ": " + describe(rc, errno));
        }

        if (!settings_.willTopic.empty()) {
            // Retained, QoS 1: whoever subscribes later still learns it died.
            int rc = mosquitto_will_set(mosq_, settings_.willTopic.c_str(), int(settings_.willPayload.size()),
                                        settings_.willPayload.data(), 1, true);
            if (rc != MOSQ_ERR_SUCCESS)
                return engine::makeError("cannot set the MQTT Last Will on " + settings_.willTopic + ": " + describe(rc, errno));
        }

        setConnecting();
        // A dead broker (no RST, e.g. a pulled cable) is noticed after 1.5 keep-alives.
        int rc = mosquitto_connect_async(mosq_, settings_.host.c_str(), settings_.port,
                                         std::clamp(settings_.keepAliveSeconds, 5, 3600));
        const int error = errno;
        bool connectLater = false;
        if (rc == MOSQ_ERR_EAI && error != EAI_AGAIN) return engine::makeError(describe(rc, error, settings_.host));
        if (rc == MOSQ_ERR_INVAL) return engine::makeError("invalid broker address " + address());
        if (rc != MOSQ_ERR_SUCCESS) {
            // Refused at once (nothing listens yet) or a resolver that is not
            // ready: not an error, the thread keeps trying.
            attemptFailed(explain(rc, error));
            connectLater = true;
        }
        thread_ = std::thread([this, connectLater] { run(connectLater); });
        return {};
    }

    void stop() {
        if (!mosq_) return;
        // A clean goodbye (at most 0.5 s): DISCONNECT queued, then sent by the loop, which
        // reports it through onDisconnect. Stopping the loop before it is
        // on the wire would look like a crash to the broker, which would
        // then publish our Last Will (a kiosk's "online": false).
        if (connection() == Connection::Connected && mosquitto_disconnect(mosq_) == MOSQ_ERR_SUCCESS) {
            std::unique_lock lock(mutex_);
            wake_.wait_for(lock, std::chrono::milliseconds(500), [&] { return connection_ != Connection::Connected; });
        }
        {
            std::lock_guard lock(mutex_);
            stopping_ = true;
        }
        wake_.notify_all();
        // Wakes the loop's select() (if it still runs a connection), so the
        // thread sees stopping_ within one loop turn.
        mosquitto_disconnect(mosq_);
        if (thread_.joinable()) thread_.join();
        mosquitto_destroy(mosq_);
        mosq_ = nullptr;
    }

    std::string address() const {
        const bool ipv6 = settings_.host.find(':') != std::string::npos;
        return (ipv6 ? "[" + settings_.host + "]" : settings_.host) + ":" + std::to_string(settings_.port);
    }

    // --- connection state, read by the main thread ---
    Connection connection() const {
        std::lock_guard lock(mutex_);
        return connection_;
    }
    std::string lastError() const {
        std::lock_guard lock(mutex_);
        return lastError_;
    }
    // Waits until connected, an attempt failed, or the time is up.
    Connection waitForOutcome(double timeoutSeconds) {
        std::unique_lock lock(mutex_);
        wake_.wait_for(lock, std::chrono::duration<double>(std::max(0.0, timeoutSeconds)),
                       [&] { return connection_ != Connection::Connecting; });
        return connection_;
    }

    // describe(), plus what OpenSSL said for TLS errors: "certificate verify
    // failed" tells an administrator more than "TLS error".
    std::string explain(int rc, int error) {
        std::string text = describe(rc, error, settings_.host);
        if (rc == MOSQ_ERR_TLS) {
            std::lock_guard lock(mutex_);
            if (!tlsDetail_.empty()) text += ": " + tlsDetail_;
        }
        return text;
    }

    // --- the network thread ---
    void run(bool connectFirst) {
        bool needConnect = connectFirst;
        for (;;) {
            if (needConnect) {
                if (!waitBeforeRetry()) return;
                setConnecting();
                int rc = mosquitto_reconnect_async(mosq_);
                if (rc != MOSQ_ERR_SUCCESS) {
                    attemptFailed(explain(rc, errno));
                    continue;
                }
                needConnect = false;
            }
            int rc = mosquitto_loop(mosq_, kLoopTimeoutMs, 1);
            const int error = errno;
            {
                std::lock_guard lock(mutex_);
                if (stopping_) return;
            }
            if (rc != MOSQ_ERR_SUCCESS) {
                // Usually onDisconnect has said why already; if not (the socket
                // was closed without a callback), say it here.
                attemptFailed(explain(rc, error));
                needConnect = true;
            }
        }
    }

    // Sleeps the back-off delay, or less if asked to stop; false: stop.
    bool waitBeforeRetry() {
        std::unique_lock lock(mutex_);
        const auto delay = retryDelay_;
        retryDelay_ = std::min(retryDelay_ * 2, std::chrono::duration_cast<std::chrono::milliseconds>(kLongestRetry));
        return !wake_.wait_for(lock, delay, [&] { return stopping_; });
    }

    void setConnecting() {
        std::lock_guard lock(mutex_);
        connection_ = Connection::Connecting;
        tlsDetail_.clear();
    }

    // An attempt or a connection ended: Offline with the reason, unless a
    // callback already gave a more precise one for this attempt.
    void attemptFailed(const std::string& reason) {
        {
            std::lock_guard lock(mutex_);
            if (connection_ == Connection::Offline) return;
            connection_ = Connection::Offline;
            const bool saysLost = reason.find("connection lost") != std::string::npos;
            lastError_ = wasConnected_ && !saysLost ? "connection lost: " + reason : reason;
            wasConnected_ = false;
        }
        wake_.notify_all();
    }

    static void onConnect(mosquitto* mosq, void* self, int code) {
        auto* s = static_cast<BrokerSession*>(self);
        if (code != 0) {
            // The loop then reports the closed socket; keep this reason.
            s->attemptFailed(describeConnack(code));
            return;
        }
        {
            std::lock_guard lock(s->mutex_);
            s->connection_ = Connection::Connected;
            s->lastError_.clear();
            s->wasConnected_ = true;
            s->retryDelay_ = kFirstRetry;
            ++s->connections_;
        }
        s->wake_.notify_all();
        // Clean sessions: the broker forgets subscriptions, so every
        // (re)connection subscribes again, and retained values come again.
        if (!s->subscription_.empty()) mosquitto_subscribe(mosq, nullptr, s->subscription_.c_str(), 1);
    }

    static void onDisconnect(mosquitto*, void* self, int rc) {
        auto* s = static_cast<BrokerSession*>(self);
        const int error = errno;
        {
            std::lock_guard lock(s->mutex_);
            if (s->stopping_) return;
        }
        s->attemptFailed(rc == MOSQ_ERR_SUCCESS ? std::string("disconnected") : s->explain(rc, error));
    }

    static void onMessage(mosquitto*, void* self, const mosquitto_message* message) {
        auto* s = static_cast<BrokerSession*>(self);
        if (!message || !message->topic) return;
        std::lock_guard lock(s->mutex_);
        if (s->queue_.size() >= s->settings_.maxQueued) {
            ++s->dropped_;  // the newest goes: the main thread is behind
            return;
        }
        MqttMessage queued;
        const size_t topicLength = std::strlen(message->topic);
        queued.topic.assign(message->topic, std::min(topicLength, kMaxTopicBytes));
        queued.oversize = topicLength > kMaxTopicBytes || message->payloadlen < 0 ||
                          size_t(message->payloadlen) > s->settings_.maxPayloadBytes;
        if (!queued.oversize && message->payloadlen > 0)
            queued.payload.assign(static_cast<const char*>(message->payload), size_t(message->payloadlen));
        s->queue_.push_back(std::move(queued));
    }

    // libmosquitto reports OpenSSL's reasons only through its log.
    static void onLog(mosquitto*, void* self, int level, const char* text) {
        if (level != MOSQ_LOG_ERR || !text) return;
        std::string_view line = text;
        if (!line.starts_with("OpenSSL Error")) return;
        if (size_t colon = line.find(": "); colon != std::string_view::npos) line.remove_prefix(colon + 2);
        auto* s = static_cast<BrokerSession*>(self);
        std::lock_guard lock(s->mutex_);
        s->tlsDetail_ = std::string(line.substr(0, 300));
    }

    static void onPublish(mosquitto*, void* self, int) {
        auto* s = static_cast<BrokerSession*>(self);
        {
            std::lock_guard lock(s->mutex_);
            ++s->acknowledged_;
        }
        s->wake_.notify_all();
    }

    MqttSettings settings_;
    std::string subscription_;
    mosquitto* mosq_ = nullptr;
    std::thread thread_;

    mutable std::mutex mutex_;  // guards everything below
    std::condition_variable wake_;
    bool stopping_ = false;
    Connection connection_ = Connection::Connecting;
    std::string lastError_;
    bool wasConnected_ = false;
    std::chrono::milliseconds retryDelay_ = kFirstRetry;
    std::string tlsDetail_;  // OpenSSL's last error, from the library's log
    std::vector<MqttMessage> queue_;
    uint64_t dropped_ = 0;
    uint64_t connections_ = 0;   // successful connections so far
    uint64_t published_ = 0;     // publisher: QoS 1 messages handed to libmosquitto
    uint64_t acknowledged_ = 0;  // publisher: PUBACKs received
};

// ---------------------------------------------------------------------------

engine::Result<MqttSettings> parseBrokerUrl(std::string_view url) {
    const std::string shown = "\"" + std::string(url) + "\"";
    auto expected = [&](const std::string& why) {
        return engine::makeError("expected mqtt://HOST[:PORT] or mqtts://HOST[:PORT]" +
                                 (why.empty() ? std::string() : " (" + why + ")") + ", found " + shown);
    };
    MqttSettings settings;
    std::string_view rest;
    if (url.starts_with("mqtt://")) {
        rest = url.substr(7);
    } else if (url.starts_with("mqtts://")) {
        rest = url.substr(8);
        settings.tls = true;
        settings.port = 8883;
    } else {
        return expected("");
    }
    if (rest.ends_with('/')) rest.remove_suffix(1);  // "mqtt://host/" as the scene file allows
    if (rest.find_first_of("/?#@") != std::string_view::npos)
        return expected("no path, query or user name: credentials come from the scene's feeds section");

    std::string_view host, port;
    if (rest.starts_with('[')) {
        const size_t close = rest.find(']');
        if (close == std::string_view::npos) return expected("an IPv6 address needs its closing ']'");
        host = rest.substr(1, close - 1);
        std::string_view after = rest.substr(close + 1);
        if (!after.empty() && !after.starts_with(':')) return expected("only :PORT may follow an IPv6 address");
        if (!after.empty()) port = after.substr(1);
        if (host.empty() || host.find_first_not_of("0123456789abcdefABCDEF:.") != std::string_view::npos)
            return expected("\"" + std::string(host) + "\" is not an IPv6 address");
    } else {
        if (std::count(rest.begin(), rest.end(), ':') > 1)
            return expected("a host name or address; IPv6 goes in brackets, e.g. mqtt://[::1]:1883");
        const size_t colon = rest.find(':');
        host = rest.substr(0, colon);
        if (colon != std::string_view::npos) {
            port = rest.substr(colon + 1);
            if (port.empty()) return expected("a port number after ':'");
        }
        if (host.find_first_not_of("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789.-_") !=
            std::string_view::npos)
            return expected("a host name or address; IPv6 goes in brackets");
    }
    if (host.empty()) return expected("no host");
    settings.host = std::string(host);
    if (!port.empty() || rest.ends_with(':')) {
        int value = 0;
        auto [end, ec] = std::from_chars(port.data(), port.data() + port.size(), value);
        if (port.empty() || ec != std::errc() || end != port.data() + port.size() || value < 1 || value > 65535)
            return expected("the port must be a number from 1 to 65535");
        settings.port = value;
    }
    return settings;
}

engine::Status readCredentials(const Feeds& feeds, MqttSettings& settings) {
    settings.username = feeds.username;
    settings.password.clear();
    const bool fromEnvironment = !feeds.credentialsEnvironment.empty();
    const bool fromFile = !feeds.credentialsFile.empty();
    if (!fromEnvironment && !fromFile) return {};  // anonymous, or a user name without password

    std::string secret;
    const char* value = fromEnvironment ? std::getenv(feeds.credentialsEnvironment.c_str()) : nullptr;
    if (value) {
        secret = value;
    } else if (fromFile) {
        std::ifstream in(feeds.credentialsFile, std::ios::binary);
        if (!in)
            return engine::makeError("MQTT credentials: cannot read the file \"" + feeds.credentialsFile.string() +
                                     "\" named in feeds.mqtt.credentials.file" +
                                     (fromEnvironment ? " (and the environment variable " +
                                                            feeds.credentialsEnvironment + " is not set)"
                                                      : std::string()));
        // First line only; a password file may end with a newline (or CRLF).
        // Bounded read: a secret is short, whatever the file holds.
        char buffer[4096];
        in.getline(buffer, sizeof buffer);
        if (in.bad() || (in.fail() && !in.eof()))
            return engine::makeError("MQTT credentials: the first line of \"" + feeds.credentialsFile.string() +
                                     "\" is not a password (unreadable or over 4 KiB)");
        secret = buffer;
        if (!secret.empty() && secret.back() == '\r') secret.pop_back();
    } else {
        return engine::makeError("MQTT credentials: the environment variable " + feeds.credentialsEnvironment +
                                 " named in feeds.mqtt.credentials.environment is not set");
    }
    if (secret.empty())
        return engine::makeError(std::string("MQTT credentials: the password in ") +
                                 (value ? "the environment variable " + feeds.credentialsEnvironment
                                        : "the file \"" + feeds.credentialsFile.string() + "\"") +
                                 " is empty");
    if (settings.username.empty())
        return engine::makeError("MQTT credentials: a password is given but feeds.mqtt.username is empty "
                                 "(MQTT 3.1.1 needs a user name with a password)");
    settings.password = std::move(secret);
    return {};
}

// ---------------------------------------------------------------------------

struct MqttClient::Impl : BrokerSession {
    using BrokerSession::BrokerSession;
};

MqttClient::MqttClient(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
MqttClient::~MqttClient() = default;

engine::Result<std::unique_ptr<MqttClient>> MqttClient::start(const MqttSettings& settings) {
    if (settings.maxQueued == 0) return engine::makeError("MQTT settings: maxQueued must be at least 1");
    auto impl = std::make_unique<Impl>(settings);
    std::string prefix = settings.topicPrefix;
    while (!prefix.empty() && prefix.back() == '/') prefix.pop_back();
    if (auto begun = impl->begin(prefix.empty() ? "#" : prefix + "/#"); !begun) return engine::makeError(begun.error());
    return std::unique_ptr<MqttClient>(new MqttClient(std::move(impl)));
}

engine::Result<std::unique_ptr<MessageSource>> openBroker(std::string_view url, const Feeds& feeds,
                                                          std::string_view topicPrefix) {
    const std::string shown = "MQTT broker \"" + std::string(url) + "\": ";
    auto settings = parseBrokerUrl(url);
    if (!settings) return engine::makeError(shown + settings.error());
    settings->topicPrefix = std::string(topicPrefix);
    if (auto credentials = readCredentials(feeds, *settings); !credentials) return engine::makeError(credentials.error());
    auto client = MqttClient::start(*settings);
    if (!client) return engine::makeError(shown + client.error());
    return std::unique_ptr<MessageSource>(std::move(client.value()));
}

Connection MqttClient::connection() const { return impl_->connection(); }

std::vector<MqttMessage> MqttClient::takeMessages() {
    std::vector<MqttMessage> taken;
    std::lock_guard lock(impl_->mutex_);
    taken.swap(impl_->queue_);
    return taken;
}

uint64_t MqttClient::dropped() const {
    std::lock_guard lock(impl_->mutex_);
    return impl_->dropped_;
}

std::string MqttClient::lastError() const { return impl_->lastError(); }

// ---------------------------------------------------------------------------

struct MqttPublisher::Impl : BrokerSession {
    using BrokerSession::BrokerSession;
};

MqttPublisher::MqttPublisher(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
MqttPublisher::~MqttPublisher() = default;

engine::Result<std::unique_ptr<MqttPublisher>> MqttPublisher::connect(const MqttSettings& settings,
                                                                     double timeoutSeconds) {
    auto impl = std::make_unique<Impl>(settings);
    if (auto begun = impl->begin(""); !begun) return engine::makeError(begun.error());
    switch (impl->waitForOutcome(timeoutSeconds)) {
        case Connection::Connected: return std::unique_ptr<MqttPublisher>(new MqttPublisher(std::move(impl)));
        case Connection::Offline:
            return engine::makeError("cannot connect to the MQTT broker " + impl->address() + ": " + impl->lastError());
        default: {
            char seconds[32];
            std::snprintf(seconds, sizeof seconds, "%g", timeoutSeconds);
            return engine::makeError("no answer from the MQTT broker " + impl->address() + " within " + seconds + " s");
        }
    }
}

engine::Result<std::unique_ptr<MqttPublisher>> MqttPublisher::start(const MqttSettings& settings) {
    auto impl = std::make_unique<Impl>(settings);
    if (auto begun = impl->begin(""); !begun) return engine::makeError(begun.error());
    return std::unique_ptr<MqttPublisher>(new MqttPublisher(std::move(impl)));
}

Connection MqttPublisher::connection() const { return impl_->connection(); }

uint64_t MqttPublisher::connections() const {
    std::lock_guard lock(impl_->mutex_);
    return impl_->connections_;
}

std::string MqttPublisher::lastError() const { return impl_->lastError(); }

engine::Status MqttPublisher::publish(const std::string& topic, const std::string& payload, bool retain) {
    if (payload.size() > size_t(256 * 1024 * 1024 - 1))
        return engine::makeError("MQTT publish on " + topic + ": payload too large");
    {
        // Counted before the call: the PUBACK may arrive on the network
        // thread before mosquitto_publish returns.
        std::lock_guard lock(impl_->mutex_);
        ++impl_->published_;
    }
    int rc = mosquitto_publish(impl_->mosq_, nullptr, topic.c_str(), int(payload.size()), payload.data(), 1, retain);
    if (rc != MOSQ_ERR_SUCCESS) {
        const int error = errno;
        std::lock_guard lock(impl_->mutex_);
        --impl_->published_;
        return engine::makeError("MQTT publish on " + topic + ": " + describe(rc, error));
    }
    return {};
}

engine::Status MqttPublisher::flush(double timeoutSeconds) {
    std::unique_lock lock(impl_->mutex_);
    const bool done = impl_->wake_.wait_for(lock, std::chrono::duration<double>(std::max(0.0, timeoutSeconds)),
                                            [&] { return impl_->acknowledged_ >= impl_->published_; });
    if (done) return {};
    const uint64_t waiting = impl_->published_ - impl_->acknowledged_;
    char seconds[32];
    std::snprintf(seconds, sizeof seconds, "%g", timeoutSeconds);
    return engine::makeError("the MQTT broker " + impl_->address() + " did not acknowledge " + std::to_string(waiting) +
                             " message(s) within " + seconds + " s" +
                             (impl_->lastError_.empty() ? std::string() : " (" + impl_->lastError_ + ")"));
}

}  // namespace twin::feeds
