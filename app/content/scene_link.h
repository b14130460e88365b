#pragma once
// The link a platform or machine gives a visitor's phone (its QR code): a
// web address and what kind of page it is. Plain data and its validation;
// no GL, no ImGui.
#include <optional>
#include <string>
#include <string_view>

#include "i18n/localized_text.h"

namespace twin {

// What the page behind a link is for: the caption under the QR code.
enum class LinkKind { Contact, Training, Booking };

struct SceneLink {
    std::string url;
    LinkKind kind = LinkKind::Contact;
    bool operator==(const SceneLink&) const = default;
};

// Longest address a link may have: a QR code a phone reads at arm's length
// stays small (at most version 6, 41x41 modules, at error correction M).
constexpr size_t kMaxLinkBytes = 100;

// Empty when `url` is an acceptable link: "https://" or "http://", then a
// host, at most kMaxLinkBytes, printable ASCII without spaces or control
// characters (a QR code carries the bytes as they are: IRIs must be
// percent-encoded). Else what is wrong and what was expected.
std::string linkProblem(std::string_view url);

// "contact", "training", "booking" (scene files); nullopt for anything else.
std::optional<LinkKind> linkKindFromName(std::string_view name);
const char* linkKindName(LinkKind kind);
// The caption under the code, in both languages ("Contact", "Formations"...).
const LocalizedText& linkCaption(LinkKind kind);

}  // namespace twin
