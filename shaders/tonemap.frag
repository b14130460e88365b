#version 330 core
// HDR to display: exposure, ACES filmic curve (Narkowicz' fit), sRGB.
#include "common.glsl"
in vec2 vUv;
uniform sampler2D uHdrColor;
uniform float uExposure;
layout(location = 0) out vec4 outColor;

vec3 acesFilm(vec3 x) {
    return clamp((x * (2.51 * x + 0.03)) / (x * (2.43 * x + 0.59) + 0.14), 0.0, 1.0);
}

void main() {
    vec3 hdr = texture(uHdrColor, vUv).rgb * uExposure;
    outColor = vec4(linearToSrgb(acesFilm(hdr)), 1.0);
}
