#include "assets/texture_path.h"

#include <algorithm>
#include <cctype>
#include <string>
#include <system_error>
#include <vector>

namespace engine {
namespace {

namespace fs = std::filesystem;

bool isRegularFile(const fs::path& p) {
    std::error_code ec;
    return fs::is_regular_file(p, ec);
}

bool equalsIgnoreCase(std::string_view a, std::string_view b) {
    return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
               return std::tolower(static_cast<unsigned char>(x)) == std::tolower(static_cast<unsigned char>(y));
           });
}

std::string percentDecoded(std::string_view s) {
    auto hex = [](char c) -> int {
        if (c >= '0' && c <= '9') return c - '0';
        if (c >= 'a' && c <= 'f') return c - 'a' + 10;
        if (c >= 'A' && c <= 'F') return c - 'A' + 10;
        return -1;
    };
    std::string out;
    out.reserve(s.size());
    for (size_t i = 0; i < s.size(); ++i) {
        if (s[i] == '%' && i + 2 < s.size() && hex(s[i + 1]) >= 0 && hex(s[i + 2]) >= 0) {
            char decoded = char(hex(s[i + 1]) * 16 + hex(s[i + 2]));
            if (decoded != '\0') {
                out += decoded;
                i += 2;
                continue;
            }
        }
        out += s[i];
    }
    return out;
}

// Finds `name` in `folder` ignoring case; scans at most a few thousand
// entries so a huge folder cannot stall the import.
std::optional<fs::path> findIgnoringCase(const fs::path& folder, const std::string& name) {
    constexpr int kMaxEntries = 20000;
    std::error_code ec;
    fs::directory_iterator it(folder, ec);
    if (ec) return std::nullopt;
    int seen = 0;
    for (; it != fs::directory_iterator(); it.increment(ec)) {
        if (ec || ++seen > kMaxEntries) break;
        if (equalsIgnoreCase(it->path().filename().string(), name)) return it->path();
    }
    return std::nullopt;
}

// Walks a relative path one component at a time, taking an exact match
// when there is one and a case-insensitive one otherwise.
std::optional<fs::path> resolveIgnoringCase(const fs::path& folder, const fs::path& relative) {
    fs::path current = folder;
    for (const fs::path& part : relative) {
        const std::string name = part.string();
        if (name.empty() || name == ".") continue;
        if (name == "..") {
            current /= part;
            continue;
        }
        fs::path exact = current / part;
        std::error_code ec;
        if (fs::exists(exact, ec)) {
            current = exact;
            continue;
        }
        std::optional<fs::path> found = findIgnoringCase(current, name);
        if (!found) return std::nullopt;
        current = *found;
    }
    if (isRegularFile(current)) return current;
    return std::nullopt;
}

}  // namespace

std::optional<fs::path> resolveTexturePath(const fs::path& modelFolder, std::string_view reference) {
    if (reference.empty() || reference.size() > 4096 || reference.find('\0') != std::string_view::npos)
        return std::nullopt;
    std::string ref(reference);
    if (ref.rfind("file://", 0) == 0) ref.erase(0, 7);
    // Any other scheme ("http://", "data:") is not a local file; a drive
    // letter ("D:\") is not a scheme.
    const size_t colon = ref.find(':');
    if (colon != std::string::npos && colon > 1 &&
        std::all_of(ref.begin(), ref.begin() + long(colon), [](char c) { return std::isalpha((unsigned char)c); }))
        return std::nullopt;

    const fs::path folder = modelFolder.empty() ? fs::path(".") : modelFolder;
    std::vector<std::string> forms;
    forms.push_back(ref);
    std::string slashes = ref;
    std::replace(slashes.begin(), slashes.end(), '\\', '/');
    forms.push_back(slashes);
    std::string stripped = slashes;
    // "./x", "././x" and ".//x" all mean "x".
    while (stripped.rfind("./", 0) == 0) {
        stripped.erase(0, 2);
        while (!stripped.empty() && stripped[0] == '/') stripped.erase(0, 1);
    }
    forms.push_back(stripped);
    forms.push_back(percentDecoded(stripped));

    for (const std::string& form : forms) {
        if (form.empty()) continue;
        fs::path candidate = folder / fs::path(form);
        if (isRegularFile(candidate)) return candidate.lexically_normal();
    }

    const std::string decoded = percentDecoded(stripped);
    const size_t slash = decoded.find_last_of('/');
    const std::string baseName = slash == std::string::npos ? decoded : decoded.substr(slash + 1);
    if (!baseName.empty() && isRegularFile(folder / baseName)) return (folder / baseName).lexically_normal();

    // Case-insensitive: the relative path as written, then the base name.
    for (const std::string& form : {stripped, decoded}) {
        fs::path relative(form);
        if (form.empty() || relative.is_absolute() || relative.has_root_name()) continue;
        if (auto found = resolveIgnoringCase(folder, relative)) return found->lexically_normal();
    }
    if (!baseName.empty())
        if (auto found = findIgnoringCase(folder, baseName); found && isRegularFile(*found))
            return found->lexically_normal();
    return std::nullopt;
}

}  // namespace engine
