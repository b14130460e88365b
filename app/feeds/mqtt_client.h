#pragma once
// Live data over MQTT through libmosquitto: connects in the background,
// subscribes to PREFIX/# (again after every reconnect), reconnects with
// back-off, and queues what arrives for the main thread. The queue is
// bounded, and oversized payloads are never copied, so a flood cannot grow
// memory. No GL, no ImGui.
#include <atomic>
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "core/result.h"
#include "feeds/live_state.h"
#include "feeds/message_source.h"

namespace twin::feeds {

struct MqttSettings {
    std::string host = "127.0.0.1";
    int port = 1883;
    bool tls = false;          // mqtts://
    std::string caFile;        // TLS: empty means the system's CA folder
    std::string topicPrefix = "twin/v1";
    std::string username;      // empty: anonymous
    std::string password;      // read from the environment or a file, never from the scene
    std::string clientId;      // empty: generated
    size_t maxPayloadBytes = 16 * 1024;
    size_t maxQueued = 4096;   // messages waiting for the main thread
    // A dead client is noticed by the broker after 1.5 keep-alives; then it
    // publishes the Last Will (retained, QoS 1) if one is set.
    int keepAliveSeconds = 30; // 5 to 3600 (libmosquitto refuses less than 5)
    std::string willTopic;     // empty: no Last Will
    std::string willPayload;
};

// "mqtt://HOST[:PORT]" (1883) or "mqtts://HOST[:PORT]" (8883).
engine::Result<MqttSettings> parseBrokerUrl(std::string_view url);

// Fills username/password from the scene's feeds section: the secret comes
// from the named environment variable or file; the error names which.
engine::Status readCredentials(const Feeds& feeds, MqttSettings& settings);

// MqttMessage (message_source.h): its payload is marked oversize over maxPayloadBytes.
class MqttClient final : public MessageSource {
public:
    static engine::Result<std::unique_ptr<MqttClient>> start(const MqttSettings& settings);
    ~MqttClient() override;

    Connection connection() const override;
    std::vector<MqttMessage> takeMessages() override;  // oldest first
    uint64_t dropped() const override;                 // messages lost because the queue was full
    std::string lastError() const;            // why the last connection failed, "" if none

    struct Impl;

private:
    explicit MqttClient(std::unique_ptr<Impl> impl);
    std::unique_ptr<Impl> impl_;
};

// Publishes retained QoS 1 messages, for twin-tour-publish and the tests.
class MqttPublisher {
public:
    static engine::Result<std::unique_ptr<MqttPublisher>> connect(const MqttSettings& settings, double timeoutSeconds = 5);
    // Starts connecting in the background and keeps reconnecting (a kiosk's
    // status): errors only for settings that retrying cannot fix.
    static engine::Result<std::unique_ptr<MqttPublisher>> start(const MqttSettings& settings);
    ~MqttPublisher();
    Connection connection() const;
    uint64_t connections() const;  // successful connections so far: a change means "just (re)connected"
    std::string lastError() const;
    engine::Status publish(const std::string& topic, const std::string& payload, bool retain = true);
    engine::Status flush(double timeoutSeconds = 5);  // waits until every message is acknowledged

    struct Impl;

private:
    explicit MqttPublisher(std::unique_ptr<Impl> impl);
    std::unique_ptr<Impl> impl_;
};

}  // namespace twin::feeds
