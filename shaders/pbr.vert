#version 330 core
layout(location = 0) in vec3 aPosition;
layout(location = 1) in vec3 aNormal;
layout(location = 2) in vec4 aTangent;
layout(location = 3) in vec2 aUv;
layout(location = 4) in mat4 aModel;  // per instance, locations 4-7

uniform mat4 uViewProjection;

// Lit here, per vertex, and the fragment shader only writes the colour: on
// llvmpipe per-pixel lighting and the shadow map's lookups cost three times
// the rasterisation (docs/performance.md). Always without textures.
// BAKED_LIGHT: meshes whose light was baked into their vertices (aUv: the
// sun's and the sky's visibility, see engine/scene/light_bake.h).
// VERTEX_LIGHT: small props placed many times (MeshData::lightPerVertex):
// the sun's visibility looked up in the shadow map at each vertex.
#if defined(BAKED_LIGHT) || defined(VERTEX_LIGHT)
#define LIT_IN_VERTICES
#include "common.glsl"
#include "surface_light.glsl"
#ifdef VERTEX_LIGHT
#include "sun_shadow.glsl"
#endif
uniform vec4 uBaseColorFactor;
uniform float uMetallicFactor;
uniform float uRoughnessFactor;
uniform vec3 uEmissiveFactor;
uniform int uAlphaMode;      // 0 opaque, 2 blend (glass)
uniform bool uDoubleSided;
uniform vec3 uCameraPosition;
out vec4 vColour;
#else
out vec3 vWorldPosition;
out vec3 vNormal;
#endif
// PLAIN_SURFACE: materials without any texture (the whole Twin building)
// need no UV or tangent. llvmpipe stores every varying of every binned
// triangle, so dropping these two saves memory and interpolation.
#ifndef PLAIN_SURFACE
out vec4 vTangent;
out vec2 vUv;
#endif
// The depth pre-pass runs this shader too: both passes must find the same depth.
invariant gl_Position;

void main() {
    vec4 world = aModel * vec4(aPosition, 1.0);
    mat3 m = mat3(aModel);
    // Cofactor matrix = det * inverse-transpose: right for non-uniform scale;
    // the determinant's sign keeps mirrored instances' normals outwards.
    mat3 cofactor = mat3(cross(m[1], m[2]), cross(m[2], m[0]), cross(m[0], m[1]));
    float handedness = dot(cross(m[0], m[1]), m[2]) < 0.0 ? -1.0 : 1.0;
#ifdef LIT_IN_VERTICES
    vec3 n = normalize(cofactor * aNormal * handedness);
    vec3 v = normalize(uCameraPosition - world.xyz);
    if (uDoubleSided && dot(n, v) < 0.0) n = -n;  // the side seen (glass)
    float metallic = clamp(uMetallicFactor, 0.0, 1.0);
    float roughness = clamp(uRoughnessFactor, 0.045, 1.0);
#ifdef BAKED_LIGHT
    vec3 light = surfaceLight(uBaseColorFactor.rgb, metallic, roughness, n, v, aUv.x, aUv.y);
#else
    vec3 light = surfaceLight(uBaseColorFactor.rgb, metallic, roughness, n, v, sunVisibility(world.xyz, n), 1.0);
#endif
    vColour = vec4(toDisplay(light + uEmissiveFactor), uAlphaMode == 2 ? uBaseColorFactor.a : 1.0);
#else
    vNormal = cofactor * aNormal * handedness;
    vWorldPosition = world.xyz;
#endif
#ifndef PLAIN_SURFACE
    vTangent = vec4(m * aTangent.xyz, aTangent.w * handedness);
    vUv = aUv;
#endif
    gl_Position = uViewProjection * world;
}
