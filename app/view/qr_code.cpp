#include "view/qr_code.h"

#include <algorithm>
#include <string>

#include <qrcodegen.hpp>

namespace twin {

engine::Result<QrMatrix> encodeQrCode(std::string_view text, int maxVersion) {
    if (text.empty()) return engine::makeError("QR code: nothing to encode");
    maxVersion = std::clamp(maxVersion, qrcodegen::QrCode::MIN_VERSION, qrcodegen::QrCode::MAX_VERSION);
    const std::vector<uint8_t> bytes(text.begin(), text.end());
    try {
        // Byte mode: a link's lower-case letters would not fit alphanumeric mode anyway.
        const qrcodegen::QrCode code = qrcodegen::QrCode::encodeSegments(
            {qrcodegen::QrSegment::makeBytes(bytes)}, qrcodegen::QrCode::Ecc::MEDIUM, qrcodegen::QrCode::MIN_VERSION,
            maxVersion, -1, /*boostEcl=*/false);
        QrMatrix matrix;
        matrix.size = code.getSize();
        matrix.dark.resize(size_t(matrix.size) * size_t(matrix.size));
        for (int y = 0; y < matrix.size; ++y)
            for (int x = 0; x < matrix.size; ++x)
                matrix.dark[size_t(y) * size_t(matrix.size) + size_t(x)] = code.getModule(x, y) ? 1 : 0;
        return matrix;
    } catch (const qrcodegen::data_too_long&) {
        return engine::makeError("QR code: " + std::to_string(text.size()) + " bytes do not fit a version " +
                                 std::to_string(maxVersion) + " code at error correction M");
    }
}

}  // namespace twin
