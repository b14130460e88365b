#pragma once
// Line numbers of the values of a JSON text, by JSON pointer ("/machines/3/id"),
// so that validation errors can say where a problem is. nlohmann::json keeps
// no positions, so this second, iterative scan finds them. No GL.
#include <string>
#include <string_view>
#include <unordered_map>

namespace twin {

class JsonLocations {
public:
    // Scans `text`, which should already be valid JSON (parse it first);
    // on malformed text it keeps what it found so far.
    explicit JsonLocations(std::string_view text);

    // 1-based line of the value at `pointer`; for a missing member, the line
    // of the closest existing parent; 1 when nothing matches.
    int line(const std::string& pointer) const;

private:
    std::unordered_map<std::string, int> lines_;
};

// Escapes a member name for a JSON pointer ("~" -> "~0", "/" -> "~1").
std::string jsonPointerToken(std::string_view name);

}  // namespace twin
