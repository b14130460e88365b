// The browser build draws no QR codes: the visitor already holds the device
// the link would open on (and Debian's libqrcodegencpp is not built for it).
// Cards then show their link without a code.
#include "view/qr_code.h"

namespace twin {

engine::Result<QrMatrix> encodeQrCode(std::string_view, int) {
    return engine::makeError("QR code: none in the browser");
}

}  // namespace twin
