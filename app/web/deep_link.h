#pragma once
// Deep links of the browser version (the kiosk's QR codes can point to
// them): the page's location.hash, e.g. "#machine=fdm-1",
// "#platform=additive", "#tour=discovery&t=40", "#lang=en", combinable
// with '&'. Parsed and checked against the scene here; no browser API, so it
// is tested natively. What is unknown or malformed becomes a message for the
// visitor (both languages) and is left out: the default view shows instead.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "content/scene_file.h"
#include "i18n/localized_text.h"

namespace twin::web {

struct DeepLink {
    std::string machine;   // a machine's id: its card opens
    std::string platform;  // a platform's id: its card opens
    std::string tour;      // a tour's id: it plays...
    std::optional<double> tourTime;  // ...from this many seconds in
    std::optional<Language> language;
    bool empty() const { return machine.empty() && platform.empty() && tour.empty() && !language; }
    bool operator==(const DeepLink&) const = default;
};

struct ParsedDeepLink {
    DeepLink link;
    std::vector<LocalizedText> problems;  // one per key left out
};

// Parses a location.hash ("#" optional; "%XX" decoded). Keys: machine,
// platform, tour, t (seconds, with tour), lang (fr or en).
ParsedDeepLink parseDeepLink(std::string_view hash);

// Leaves out the ids the scene does not have, each with a problem.
void checkAgainstScene(ParsedDeepLink& parsed, const SceneDescription& scene);

}  // namespace twin::web
