#include "web/deep_link.h"

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <cmath>

namespace twin::web {
namespace {

constexpr size_t kMaxLength = 2048;  // a link longer than this is not one of ours
constexpr double kMaxTourTime = 24.0 * 3600.0;

int hexValue(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

// "%20" and '+' decoded; a bad escape is kept as it is.
std::string decode(std::string_view text) {
    std::string out;
    for (size_t i = 0; i < text.size(); ++i) {
        if (text[i] == '%' && i + 2 < text.size()) {
            const int high = hexValue(text[i + 1]), low = hexValue(text[i + 2]);
            if (high >= 0 && low >= 0) {
                out += char(high * 16 + low);
                i += 2;
                continue;
            }
        }
        out += text[i] == '+' ? ' ' : text[i];
    }
    return out;
}

// An id as scenes write them: letters, digits, '-', '_', '.', at most 64.
bool plausibleId(std::string_view id) {
    return !id.empty() && id.size() <= 64 && std::all_of(id.begin(), id.end(), [](unsigned char c) {
        return std::isalnum(c) || c == '-' || c == '_' || c == '.';
    });
}

// Shown to the visitor: the value cut short if long, in each language's quotes.
std::string cut(std::string_view value) {
    std::string shown(value.substr(0, 40));
    if (value.size() > 40) shown += "…";
    return shown;
}
std::string fr(std::string_view value) { return "« " + cut(value) + " »"; }
std::string en(std::string_view value) { return "“" + cut(value) + "”"; }

LocalizedText problem(const std::string& fr, const std::string& en) { return {fr, en}; }

}  // namespace

ParsedDeepLink parseDeepLink(std::string_view hash) {
    ParsedDeepLink parsed;
    if (hash.starts_with('#')) hash.remove_prefix(1);
    if (hash.empty()) return parsed;
    if (hash.size() > kMaxLength) {
        parsed.problems.push_back(problem("Le lien est trop long : vue par défaut.", "The link is too long: default view."));
        return parsed;
    }
    std::string timeText;
    size_t start = 0;
    while (start <= hash.size()) {
        size_t end = hash.find('&', start);
        if (end == std::string_view::npos) end = hash.size();
        const std::string_view pair = hash.substr(start, end - start);
        start = end + 1;
        if (pair.empty()) continue;
        const size_t equals = pair.find('=');
        const std::string key = decode(pair.substr(0, equals));
        const std::string value = equals == std::string_view::npos ? std::string() : decode(pair.substr(equals + 1));
        if (key == "machine" || key == "platform" || key == "tour") {
            if (!plausibleId(value)) {
                parsed.problems.push_back(problem("Lien : " + key + "=" + fr(value) + " n’est pas un identifiant.",
                                                  "Link: " + key + "=" + en(value) + " is not an id."));
                continue;
            }
            (key == "machine" ? parsed.link.machine : key == "platform" ? parsed.link.platform : parsed.link.tour) = value;
        } else if (key == "t") {
            timeText = value;
        } else if (key == "lang") {
            if (value == "fr") parsed.link.language = Language::French;
            else if (value == "en") parsed.link.language = Language::English;
            else
                parsed.problems.push_back(problem("Lien : langue " + fr(value) + " inconnue (fr ou en).",
                                                  "Link: unknown language " + en(value) + " (fr or en)."));
        } else {
            parsed.problems.push_back(problem("Lien : " + fr(key) + " est ignoré.", "Link: " + en(key) + " is ignored."));
        }
    }
    if (!timeText.empty()) {
        // strtod: the browser's libc++ has no from_chars for double. Digits
        // and one point only (no "inf", hexadecimal, exponent or sign).
        const bool digits = timeText.find_first_not_of("0123456789.") == std::string::npos &&
                            std::count(timeText.begin(), timeText.end(), '.') <= 1 && timeText != ".";
        char* end = nullptr;
        const double seconds = digits ? std::strtod(timeText.c_str(), &end) : -1.0;
        const bool number = digits && end == timeText.c_str() + timeText.size() && std::isfinite(seconds);
        if (parsed.link.tour.empty()) {
            parsed.problems.push_back(problem("Lien : t= ne vaut qu’avec tour=.", "Link: t= only goes with tour=."));
        } else if (!number || seconds < 0.0 || seconds > kMaxTourTime) {
            parsed.problems.push_back(problem("Lien : t=" + fr(timeText) + " n’est pas un temps en secondes.",
                                              "Link: t=" + en(timeText) + " is not a time in seconds."));
        } else {
            parsed.link.tourTime = seconds;
        }
    }
    if (!parsed.link.machine.empty() && !parsed.link.platform.empty()) {
        parsed.problems.push_back(problem("Lien : une machine ou une plateforme, pas les deux ; la machine est montrée.",
                                          "Link: a machine or a platform, not both; the machine is shown."));
        parsed.link.platform.clear();
    }
    return parsed;
}

void checkAgainstScene(ParsedDeepLink& parsed, const SceneDescription& scene) {
    DeepLink& link = parsed.link;
    auto has = [](const auto& items, const std::string& id) {
        return std::any_of(items.begin(), items.end(), [&](const auto& item) { return item.id == id; });
    };
    if (!link.machine.empty() && !has(scene.machines, link.machine)) {
        parsed.problems.push_back(problem("Aucune machine " + fr(link.machine) + " à Twin : vue par défaut.",
                                          "No machine " + en(link.machine) + " at Twin: default view."));
        link.machine.clear();
    }
    if (!link.platform.empty() && !has(scene.platforms, link.platform)) {
        parsed.problems.push_back(problem("Aucune plateforme " + fr(link.platform) + " à Twin : vue par défaut.",
                                          "No platform " + en(link.platform) + " at Twin: default view."));
        link.platform.clear();
    }
    if (!link.tour.empty() && !has(scene.tours, link.tour)) {
        parsed.problems.push_back(problem("Aucune visite guidée " + fr(link.tour) + " : vue par défaut.",
                                          "No guided tour " + en(link.tour) + ": default view."));
        link.tour.clear();
        link.tourTime.reset();
    }
}

}  // namespace twin::web
