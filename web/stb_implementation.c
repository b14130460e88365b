// The implementations of Debian's stb headers (libstb-dev), for the browser
// build: natively they come from Debian's libstb.so.
#define STB_IMAGE_IMPLEMENTATION
#include <stb_image.h>
#define STB_IMAGE_RESIZE_IMPLEMENTATION
#include <stb_image_resize.h>
