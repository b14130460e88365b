#pragma once
// A QR code's modules for a text (a link for the visitor's phone), from
// Debian's libqrcodegencpp. The UI draws the squares; this knows no GL and
// no ImGui, so the encoding is tested alone.
#include <cstdint>
#include <string_view>
#include <vector>

#include "core/result.h"

namespace twin {

// The modules of a QR code, row by row, without the quiet zone (the four
// light modules around it are the drawer's).
struct QrMatrix {
    int size = 0;                // modules per side: 21, 25... 177
    std::vector<uint8_t> dark;   // size * size, 1 = dark
    bool at(int x, int y) const { return dark[size_t(y) * size_t(size) + size_t(x)] != 0; }
};

// The light border a reader needs around the code, in modules (ISO 18004).
constexpr int kQrQuietZoneModules = 4;

// Encodes `text` as bytes (UTF-8 as it is) at error correction level M
// (15 %: a phone still reads a card behind a smudged screen), in the
// smallest version up to `maxVersion` (1-40). An error says the text is too
// long for that version, or is empty.
engine::Result<QrMatrix> encodeQrCode(std::string_view text, int maxVersion = 40);

}  // namespace twin
