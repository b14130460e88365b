#pragma once
// A real mosquitto broker for integration tests: started on a free port of
// 127.0.0.1 with a generated configuration, waited for until it accepts
// connections, and killed (SIGKILL) and restarted on the same port at will.
// The broker dies with the test process (PR_SET_PDEATHSIG), so a crashed
// test leaves none behind. Linux only, like the rest of the test suite.
//
//   TestBroker broker;                       // anonymous
//   ASSERT_TRUE(broker.running()) << broker.error();
//   ... connect to broker.url() ...
//   broker.kill(); broker.restart();
#include <sys/types.h>

#include <chrono>
#include <cstdint>
#include <filesystem>
#include <string>
#include <utility>
#include <vector>

namespace twin::testing {

struct TestBrokerDesc {
    // Non-empty: anonymous clients are refused and these user/password pairs
    // are the only ones accepted (a password_file made by mosquitto_passwd).
    std::vector<std::pair<std::string, std::string>> users;
    // Extra lines for the broker's configuration file.
    std::vector<std::string> extraConfig;
};

class TestBroker {
public:
    // Starts the broker and waits (up to 10 s) until it accepts connections.
    // On failure running() is false and error() says why (with the broker's log).
    explicit TestBroker(TestBrokerDesc desc = {});
    ~TestBroker();  // kills the broker and removes its temporary folder
    TestBroker(const TestBroker&) = delete;
    TestBroker& operator=(const TestBroker&) = delete;

    bool running() const { return pid_ > 0; }
    const std::string& error() const { return error_; }
    int port() const { return port_; }
    std::string url() const;  // "mqtt://127.0.0.1:PORT"

    // SIGKILL, as a crash would: no goodbye to the clients. Waits until the
    // process is gone.
    void kill();
    // Starts the broker again on the same port; false (and error()) when it
    // does not accept connections within the time.
    bool restart(std::chrono::milliseconds timeout = std::chrono::seconds(10));

    std::string log() const;  // what the broker printed
    const std::filesystem::path& folder() const { return folder_; }

private:
    bool launch(std::chrono::milliseconds timeout);
    bool writeConfig();

    TestBrokerDesc desc_;
    std::filesystem::path folder_;
    int port_ = 0;
    pid_t pid_ = -1;
    std::string error_;
};

// A TCP port of 127.0.0.1 that nothing listens on right now.
int freeLocalPort();

// True when something accepts TCP connections on 127.0.0.1:port.
bool acceptsConnections(int port);

void pollPause();  // one millisecond

// Polls `condition` every millisecond until it is true or `timeout` has
// passed; returns its last value.
template <typename Condition>
bool waitFor(Condition condition, std::chrono::milliseconds timeout) {
    const auto deadline = std::chrono::steady_clock::now() + timeout;
    for (;;) {
        if (condition()) return true;
        if (std::chrono::steady_clock::now() >= deadline) return condition();
        pollPause();
    }
}

// A program run to its end, for tests of the command-line tools.
struct ProcessResult {
    int exitCode = -1;        // -1: killed (by the timeout or a signal)
    bool timedOut = false;
    std::string out;          // stdout
    std::string err;          // stderr
    double seconds = 0;       // wall time
};

// Runs `program` with `arguments` (no shell), extra environment entries
// "NAME=value" added to this process's, and kills it after `timeout`.
ProcessResult runProcess(const std::filesystem::path& program, const std::vector<std::string>& arguments,
                         std::chrono::milliseconds timeout, const std::vector<std::string>& environment = {});

}  // namespace twin::testing
