#version 330 core
// Depth only; alpha-masked materials (leaves, grilles) cut holes in the shadow.
// PLAIN_CASTER: built without anything, for the casters that are neither
// masked nor cut (the whole building): with no varying and no discard,
// llvmpipe draws the shadow map 30 ms of CPU faster on the Twin scene.
#ifndef PLAIN_CASTER
in vec2 vUv;
in vec3 vWorldPosition;
uniform bool uAlphaMask;
uniform float uAlphaCutoff;
uniform vec4 uBaseColorFactor;
uniform sampler2D uBaseColorTexture;
uniform bool uClipEnabled;  // a section plane: what it cuts away casts no shadow (pbr.frag)
uniform vec4 uClipPlane;
#endif

void main() {
#ifndef PLAIN_CASTER
    if (uClipEnabled && dot(uClipPlane.xyz, vWorldPosition) + uClipPlane.w < 0.0) discard;
    if (uAlphaMask && uBaseColorFactor.a * texture(uBaseColorTexture, vUv).a < uAlphaCutoff) discard;
#endif
}
