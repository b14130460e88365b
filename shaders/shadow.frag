#version 330 core
// Depth only; alpha-masked materials (leaves, grilles) cut holes in the shadow.
in vec2 vUv;
uniform bool uAlphaMask;
uniform float uAlphaCutoff;
uniform vec4 uBaseColorFactor;
uniform sampler2D uBaseColorTexture;

void main() {
    if (uAlphaMask && uBaseColorFactor.a * texture(uBaseColorTexture, vUv).a < uAlphaCutoff) discard;
}
