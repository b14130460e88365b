#version 330 core
// Metallic-roughness PBR: GGX specular, Lambert diffuse, a sun with a
// filtered shadow map, hemisphere ambient and an analytic sky reflection.
#if defined(BAKED_LIGHT) || defined(VERTEX_LIGHT)
#define LIT_IN_VERTICES
#endif
#include "common.glsl"
#include "surface_light.glsl"
#ifndef LIT_IN_VERTICES
#include "sun_shadow.glsl"
#endif

#ifdef LIT_IN_VERTICES  // lit per vertex (see pbr.vert)
in vec4 vColour;
#else
in vec3 vWorldPosition;
in vec3 vNormal;
#endif
#ifndef PLAIN_SURFACE  // built without, for materials with no texture (see pbr.vert)
in vec4 vTangent;
in vec2 vUv;
#endif

uniform vec4 uBaseColorFactor;
uniform float uMetallicFactor;
uniform float uRoughnessFactor;
uniform vec3 uEmissiveFactor;
uniform float uNormalScale;
uniform float uOcclusionStrength;
uniform float uAlphaCutoff;
uniform int uAlphaMode;      // 0 opaque, 1 mask, 2 blend
uniform bool uHasNormalMap;
// Which textures the material has: llvmpipe skips a branch whose uniform
// condition is false, and sampling default white textures cost more than the
// rest of the shader on untextured scenes.
uniform bool uHasBaseColorTexture;
uniform bool uHasMetallicRoughnessTexture;
uniform bool uHasOcclusionTexture;
uniform bool uHasEmissiveTexture;
uniform bool uDoubleSided;

uniform sampler2D uBaseColorTexture;
uniform sampler2D uMetallicRoughnessTexture;
uniform sampler2D uNormalTexture;
uniform sampler2D uOcclusionTexture;
uniform sampler2D uEmissiveTexture;

uniform vec3 uCameraPosition;
// The machine explorer. A ghost (the building around a focused machine) is
// faded by uGhostFade (0: as is). A section plane cuts its item: the side
// where dot(plane.xyz, p) + plane.w < 0 is cut away, and the inside seen
// through the cut (back faces) is painted flat in uCapColour, as a cap.
uniform float uGhostFade;
uniform bool uClipEnabled;
uniform vec4 uClipPlane;
uniform vec3 uCapColour;

layout(location = 0) out vec4 outColor;

#ifdef LIT_IN_VERTICES
void main() { outColor = vColour; }
#else
void main() {
    if (uClipEnabled) {
        if (dot(uClipPlane.xyz, vWorldPosition) + uClipPlane.w < 0.0) discard;
        if (!gl_FrontFacing) {
            outColor = vec4(uCapColour, 1.0);
            return;
        }
    }
    vec4 baseColor = uBaseColorFactor;
#ifndef PLAIN_SURFACE
    if (uHasBaseColorTexture) baseColor *= texture(uBaseColorTexture, vUv);
#endif
    if (uAlphaMode == 1 && baseColor.a < uAlphaCutoff) discard;

    vec3 n = normalize(vNormal);
    if (uDoubleSided && !gl_FrontFacing) n = -n;
#ifndef PLAIN_SURFACE
    if (uHasNormalMap) {
        vec3 t = vTangent.xyz - n * dot(n, vTangent.xyz);
        if (dot(t, t) > 1e-10) {
            t = normalize(t);
            vec3 b = cross(n, t) * (vTangent.w < 0.0 ? -1.0 : 1.0);
            if (uDoubleSided && !gl_FrontFacing) b = -b;
            vec3 tn = texture(uNormalTexture, vUv).xyz * 2.0 - 1.0;
            tn.xy *= uNormalScale;
            n = normalize(mat3(t, b, n) * tn);
        }
    }
#endif

    vec2 metallicRoughness = vec2(uMetallicFactor, uRoughnessFactor);
#ifndef PLAIN_SURFACE
    if (uHasMetallicRoughnessTexture) metallicRoughness *= texture(uMetallicRoughnessTexture, vUv).bg;
#endif
    float metallic = clamp(metallicRoughness.x, 0.0, 1.0);
    float roughness = clamp(metallicRoughness.y, 0.045, 1.0);
    float occlusion = 1.0;
#ifndef PLAIN_SURFACE
    if (uHasOcclusionTexture) occlusion = mix(1.0, texture(uOcclusionTexture, vUv).r, uOcclusionStrength);
#endif

    vec3 v = normalize(uCameraPosition - vWorldPosition);
    vec3 light = surfaceLight(baseColor.rgb, metallic, roughness, n, v, sunVisibility(vWorldPosition, n), occlusion);

    vec3 emissive = uEmissiveFactor;
#ifndef PLAIN_SURFACE
    if (uHasEmissiveTexture) emissive *= texture(uEmissiveTexture, vUv).rgb;
#endif
    float alpha = uAlphaMode == 2 ? baseColor.a : 1.0;
    outColor = vec4(toDisplay(light + emissive), alpha * (1.0 - uGhostFade));
}
#endif
