#version 330 core
// Ground under the model: lit, receives shadows, fades into the horizon.
#include "common.glsl"
in vec3 vWorldPosition;
in vec4 vLightPosition;
uniform sampler2DShadow uShadowMap;
uniform bool uShadowsEnabled;
uniform vec2 uShadowTexel;
uniform vec3 uGroundCenter;
uniform float uGroundRadius;
uniform vec3 uCameraPosition;
uniform vec3 uGroundAlbedo;
uniform float uAmbientIntensity;
layout(location = 0) out vec4 outColor;

float shadowFactor() {
    if (!uShadowsEnabled) return 1.0;
    vec3 p = vLightPosition.xyz / vLightPosition.w * 0.5 + 0.5;
    if (p.x <= 0.0 || p.x >= 1.0 || p.y <= 0.0 || p.y >= 1.0 || p.z >= 1.0) return 1.0;
    return filteredShadow(uShadowMap, p.xy, p.z - 0.0008, uShadowTexel);
}

void main() {
    vec3 n = vec3(0.0, 1.0, 0.0);
    float nDotL = clamp(uSunDirection.y, 0.0, 1.0);
    vec3 color = uGroundAlbedo / PI * uSunColor * nDotL * shadowFactor() +
                 uGroundAlbedo * hemisphereIrradiance(n) * uAmbientIntensity;
    vec3 v = normalize(vWorldPosition - uCameraPosition);
    float distance01 = length(vWorldPosition.xz - uGroundCenter.xz) / uGroundRadius;
    float fade = smoothstep(0.35, 1.0, distance01);
    outColor = vec4(toDisplay(mix(color, skyRadiance(v), fade)), 1.0);
}
