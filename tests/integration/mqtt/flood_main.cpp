// mqtt-test-flood URL COUNT: publishes COUNT bad messages as fast as the
// broker takes them (QoS 1, not retained), then waits for every
// acknowledgement. A separate process, so that its own queue of outgoing
// messages does not count in the memory of the test that measures the
// receiving client. The mix, by message number modulo 4:
//   0: random bytes on a valid topic      1: 20 KiB on a valid topic
//   2: good JSON on a wrong topic          3: JSON with wrong types and ranges
#include <cstdio>
#include <cstdlib>
#include <string>

#include "core/split_mix.h"
#include "feeds/mqtt_client.h"

int main(int argc, char** argv) {
    if (argc != 3) {
        std::fprintf(stderr, "usage: mqtt-test-flood URL COUNT\n");
        return 2;
    }
    auto settings = twin::feeds::parseBrokerUrl(argv[1]);
    const int count = std::atoi(argv[2]);
    if (!settings || count <= 0) {
        std::fprintf(stderr, "mqtt-test-flood: bad URL or count\n");
        return 2;
    }
    auto publisher = twin::feeds::MqttPublisher::connect(*settings, 5);
    if (!publisher) {
        std::fprintf(stderr, "mqtt-test-flood: %s\n", publisher.error().c_str());
        return 1;
    }
    engine::SplitMix64 random(20261125);
    const std::string oversize(20 * 1024, 'x');
    for (int i = 0; i < count; ++i) {
        std::string topic, payload;
        switch (i % 4) {
            case 0:
                topic = "twin/v1/platforms/additive/occupancy";
                payload.resize(1 + random.next() % 200);
                for (char& c : payload) c = char(random.next() & 0xff);
                break;
            case 1:
                topic = "twin/v1/machines/fdm-1/state";
                payload = oversize;
                break;
            case 2:
                topic = "twin/v1/nowhere/" + std::to_string(i) + "/state";
                payload = R"({"state": "running", "ts": "2026-11-25T10:00:00Z"})";
                break;
            default:
                topic = "twin/v1/platforms/digital/occupancy";
                payload = R"({"count": -5, "capacity": "many", "ts": 12})";
                break;
        }
        if (auto sent = (*publisher)->publish(topic, payload, false); !sent) {
            std::fprintf(stderr, "mqtt-test-flood: %s\n", sent.error().c_str());
            return 1;
        }
    }
    if (auto flushed = (*publisher)->flush(60); !flushed) {
        std::fprintf(stderr, "mqtt-test-flood: %s\n", flushed.error().c_str());
        return 1;
    }
    return 0;
}
