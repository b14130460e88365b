#pragma once
// A card's hand-off to the visitor's phone: the QR code of the scene's link
// for that platform or machine, with what the page is for under it. Drawn
// as ImGui rectangles on whole pixels, so a phone reads it at any UI scale.
// ImGui only; the modules come from view/qr_code.h.
#include "content/scene_link.h"
#include "i18n/strings.h"

namespace twin {

// Inside a card's window. On a touch-first shell (a kiosk:
// minimumTouchHeight() > 0) the code is always shown (about 140 x `scale` pixels,
// >= 200 px on a 1920x1080 kiosk) near the top, with a line saying to
// scan it; elsewhere it waits behind a "Sur votre téléphone" header.
// A link that cannot be encoded shows nothing (the scene's validation keeps
// links short enough).
void buildLinkCode(const SceneLink& link, Language language, float scale);

}  // namespace twin
