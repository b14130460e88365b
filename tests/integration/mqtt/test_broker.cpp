#include "test_broker.h"

#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <poll.h>
#include <pwd.h>
#include <signal.h>
#include <sys/prctl.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <sstream>
#include <thread>

#ifndef TWIN_MOSQUITTO
#define TWIN_MOSQUITTO "/usr/sbin/mosquitto"
#endif
#ifndef TWIN_MOSQUITTO_PASSWD
#define TWIN_MOSQUITTO_PASSWD "/usr/bin/mosquitto_passwd"
#endif

extern char** environ;

namespace twin::testing {
namespace {

using Steady = std::chrono::steady_clock;

sockaddr_in loopback(int port) {
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_port = htons(uint16_t(port));
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    return address;
}

std::string readWhole(const std::filesystem::path& file) {
    std::ifstream in(file, std::ios::binary);
    std::stringstream text;
    text << in.rdbuf();
    return text.str();
}

// The child side of fork(): only async-signal-safe calls until exec.
[[noreturn]] void execChild(const char* program, char* const* argv, char* const* envp, int out, int err,
                            pid_t parent) {
    // Die with the test: a crashed test must not leave brokers behind.
    prctl(PR_SET_PDEATHSIG, SIGKILL);
    if (getppid() != parent) _exit(127);
    if (out >= 0) dup2(out, STDOUT_FILENO);
    if (err >= 0) dup2(err, STDERR_FILENO);
    int devNull = open("/dev/null", O_RDONLY);
    if (devNull >= 0) dup2(devNull, STDIN_FILENO);
    execve(program, argv, envp);
    _exit(127);
}

std::vector<char*> pointers(std::vector<std::string>& strings) {
    std::vector<char*> result;
    for (std::string& s : strings) result.push_back(s.data());
    result.push_back(nullptr);
    return result;
}

}  // namespace

void pollPause() { std::this_thread::sleep_for(std::chrono::milliseconds(1)); }

int freeLocalPort() {
    int fd = socket(AF_INET, SOCK_STREAM, 0);
    if (fd < 0) return 0;
    sockaddr_in address = loopback(0);
    int port = 0;
    socklen_t length = sizeof address;
    if (bind(fd, reinterpret_cast<sockaddr*>(&address), sizeof address) == 0 &&
        getsockname(fd, reinterpret_cast<sockaddr*>(&address), &length) == 0)
        port = ntohs(address.sin_port);
    close(fd);
    return port;
}

bool acceptsConnections(int port) {
    int fd = socket(AF_INET, SOCK_STREAM, 0);
    if (fd < 0) return false;
    sockaddr_in address = loopback(port);
    const bool accepted = connect(fd, reinterpret_cast<sockaddr*>(&address), sizeof address) == 0;
    close(fd);
    return accepted;
}

ProcessResult runProcess(const std::filesystem::path& program, const std::vector<std::string>& arguments,
                         std::chrono::milliseconds timeout, const std::vector<std::string>& environment) {
    ProcessResult result;
    std::vector<std::string> argStrings{program.string()};
    argStrings.insert(argStrings.end(), arguments.begin(), arguments.end());
    std::vector<std::string> envStrings;
    for (char** e = environ; e && *e; ++e) envStrings.emplace_back(*e);
    envStrings.insert(envStrings.end(), environment.begin(), environment.end());
    std::vector<char*> argv = pointers(argStrings);
    std::vector<char*> envp = pointers(envStrings);

    int outPipe[2], errPipe[2];
    if (pipe2(outPipe, O_CLOEXEC) != 0) return result;
    if (pipe2(errPipe, O_CLOEXEC) != 0) {
        close(outPipe[0]);
        close(outPipe[1]);
        return result;
    }
    const auto start = Steady::now();
    const pid_t parent = getpid();
    const pid_t pid = fork();
    if (pid == 0) execChild(argStrings[0].c_str(), argv.data(), envp.data(), outPipe[1], errPipe[1], parent);
    close(outPipe[1]);
    close(errPipe[1]);
    if (pid < 0) {
        close(outPipe[0]);
        close(errPipe[0]);
        result.err = std::string("fork failed: ") + std::strerror(errno);
        return result;
    }

    pollfd fds[2] = {{outPipe[0], POLLIN, 0}, {errPipe[0], POLLIN, 0}};
    std::string* sinks[2] = {&result.out, &result.err};
    int openPipes = 2;
    const auto deadline = start + timeout;
    while (openPipes > 0) {
        const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - Steady::now()).count();
        if (left <= 0) {
            result.timedOut = true;
            ::kill(pid, SIGKILL);
            break;
        }
        if (poll(fds, 2, int(left)) < 0 && errno != EINTR) break;
        for (int i = 0; i < 2; ++i) {
            if (fds[i].fd < 0 || !(fds[i].revents & (POLLIN | POLLHUP | POLLERR))) continue;
            char buffer[4096];
            const ssize_t n = read(fds[i].fd, buffer, sizeof buffer);
            if (n > 0) {
                sinks[i]->append(buffer, size_t(n));
            } else if (n == 0 || errno != EINTR) {
                close(fds[i].fd);
                fds[i].fd = -1;
                --openPipes;
            }
        }
    }
    for (pollfd& fd : fds)
        if (fd.fd >= 0) close(fd.fd);
    int status = 0;
    while (waitpid(pid, &status, 0) < 0 && errno == EINTR) {
    }
    result.seconds = std::chrono::duration<double>(Steady::now() - start).count();
    result.exitCode = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    return result;
}

// ---------------------------------------------------------------------------

TestBroker::TestBroker(TestBrokerDesc desc) : desc_(std::move(desc)) {
    std::string pattern = (std::filesystem::temp_directory_path() / "twin-broker-XXXXXX").string();
    if (!mkdtemp(pattern.data())) {
        error_ = std::string("cannot create a temporary folder: ") + std::strerror(errno);
        return;
    }
    folder_ = pattern;
    // A port found free may be taken before the broker binds it: try again
    // with another one.
    for (int attempt = 0; attempt < 5; ++attempt) {
        port_ = freeLocalPort();
        if (port_ == 0) {
            error_ = "no free TCP port on 127.0.0.1";
            return;
        }
        if (!writeConfig()) return;
        if (launch(std::chrono::seconds(10))) return;
    }
}

TestBroker::~TestBroker() {
    kill();
    if (!folder_.empty()) {
        std::error_code ec;
        std::filesystem::remove_all(folder_, ec);
    }
}

std::string TestBroker::url() const { return "mqtt://127.0.0.1:" + std::to_string(port_); }

std::string TestBroker::log() const { return readWhole(folder_ / "broker.log"); }

bool TestBroker::writeConfig() {
    std::ofstream config(folder_ / "mosquitto.conf", std::ios::trunc);
    config << "listener " << port_ << " 127.0.0.1\n"
           << "persistence false\n"
           << "log_dest stderr\n"
           << "log_type error\nlog_type warning\nlog_type notice\nlog_type information\n";
    // Run as whoever runs the tests: as root, mosquitto would otherwise drop
    // to the user "mosquitto", who cannot read our temporary folder.
    if (const passwd* user = getpwuid(getuid()); user && user->pw_name) config << "user " << user->pw_name << "\n";
    if (desc_.users.empty()) {
        config << "allow_anonymous true\n";
    } else {
        const std::filesystem::path passwords = folder_ / "passwords";
        std::ofstream(passwords, std::ios::trunc).close();
        for (const auto& [user, password] : desc_.users) {
            ProcessResult made = runProcess(TWIN_MOSQUITTO_PASSWD, {"-b", passwords.string(), user, password},
                                            std::chrono::seconds(10));
            if (made.exitCode != 0) {
                error_ = std::string(TWIN_MOSQUITTO_PASSWD) + " failed for user \"" + user + "\": " + made.err + made.out;
                return false;
            }
        }
        config << "allow_anonymous false\npassword_file " << passwords.string() << "\n";
    }
    for (const std::string& line : desc_.extraConfig) config << line << "\n";
    config.close();
    if (!config) {
        error_ = "cannot write " + (folder_ / "mosquitto.conf").string();
        return false;
    }
    return true;
}

bool TestBroker::launch(std::chrono::milliseconds timeout) {
    std::vector<std::string> argStrings{TWIN_MOSQUITTO, "-c", (folder_ / "mosquitto.conf").string()};
    std::vector<std::string> envStrings;
    for (char** e = environ; e && *e; ++e) envStrings.emplace_back(*e);
    std::vector<char*> argv = pointers(argStrings);
    std::vector<char*> envp = pointers(envStrings);
    const int logFd = ::open((folder_ / "broker.log").c_str(), O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0600);
    if (logFd < 0) {
        error_ = "cannot open " + (folder_ / "broker.log").string() + ": " + std::strerror(errno);
        return false;
    }
    const pid_t parent = getpid();
    const pid_t pid = fork();
    if (pid == 0) execChild(argStrings[0].c_str(), argv.data(), envp.data(), logFd, logFd, parent);
    close(logFd);
    if (pid < 0) {
        error_ = std::string("fork failed: ") + std::strerror(errno);
        return false;
    }
    pid_ = pid;
    bool exited = false;
    const bool up = waitFor(
        [&] {
            int status = 0;
            if (waitpid(pid_, &status, WNOHANG) == pid_) {
                exited = true;
                return true;
            }
            return acceptsConnections(port_);
        },
        timeout);
    if (up && !exited) {
        error_.clear();
        return true;
    }
    if (exited) {
        pid_ = -1;
        error_ = "mosquitto exited at start on port " + std::to_string(port_) + ":\n" + log();
    } else {
        kill();
        error_ = "mosquitto did not accept connections on port " + std::to_string(port_) + " within " +
                 std::to_string(timeout.count()) + " ms:\n" + log();
    }
    return false;
}

void TestBroker::kill() {
    if (pid_ <= 0) return;
    ::kill(pid_, SIGKILL);
    int status = 0;
    while (waitpid(pid_, &status, 0) < 0 && errno == EINTR) {
    }
    pid_ = -1;
}

bool TestBroker::restart(std::chrono::milliseconds timeout) {
    kill();
    if (folder_.empty() || port_ == 0) return false;
    return launch(timeout);
}

}  // namespace twin::testing
