#include "content/scene_link.h"

namespace twin {

std::string linkProblem(std::string_view url) {
    if (url.size() > kMaxLinkBytes)
        return "expected a link of at most " + std::to_string(kMaxLinkBytes) + " characters, found " +
               std::to_string(url.size());
    for (unsigned char c : url)
        if (c <= ' ' || c >= 0x7f)
            return "expected a link without spaces, control or non-ASCII characters (percent-encode them)";
    std::string_view rest;
    if (url.substr(0, 8) == "https://")
        rest = url.substr(8);
    else if (url.substr(0, 7) == "http://")
        rest = url.substr(7);
    else
        return "expected a web link starting with \"https://\" (or \"http://\")";
    const std::string_view host = rest.substr(0, rest.find_first_of("/?#"));
    if (host.empty() || host.front() == '.' || host.front() == ':' || host.find('@') != std::string_view::npos)
        return "expected a host name after \"://\"";
    return {};
}

namespace {
struct KindEntry {
    LinkKind kind;
    const char* name;
    LocalizedText caption;
};
const KindEntry kKinds[] = {
    {LinkKind::Contact, "contact", {"Contacter l'équipe", "Contact the team"}},
    {LinkKind::Training, "training", {"Catalogue des formations", "Training catalogue"}},
    {LinkKind::Booking, "booking", {"Réserver", "Book"}},
};
}  // namespace

std::optional<LinkKind> linkKindFromName(std::string_view name) {
    for (const KindEntry& entry : kKinds)
        if (name == entry.name) return entry.kind;
    return std::nullopt;
}

const char* linkKindName(LinkKind kind) {
    for (const KindEntry& entry : kKinds)
        if (entry.kind == kind) return entry.name;
    return "contact";
}

const LocalizedText& linkCaption(LinkKind kind) {
    for (const KindEntry& entry : kKinds)
        if (entry.kind == kind) return entry.caption;
    return kKinds[0].caption;
}

}  // namespace twin
