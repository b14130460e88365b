#version 330 core
// Ground under the model: lit, receives shadows, fades into the horizon.
layout(location = 0) out vec4 outColor;
#ifdef LIT_PER_VERTEX
in vec3 vColour;
void main() { outColor = vec4(vColour, 1.0); }
#else
#include "common.glsl"
#include "ground_light.glsl"
in vec3 vWorldPosition;
in vec4 vLightPosition;
uniform sampler2DShadow uShadowMap;
uniform bool uShadowsEnabled;
uniform vec2 uShadowTexel;

float shadowFactor() {
    if (!uShadowsEnabled) return 1.0;
    vec3 p = vLightPosition.xyz / vLightPosition.w * 0.5 + 0.5;
    if (p.x <= 0.0 || p.x >= 1.0 || p.y <= 0.0 || p.y >= 1.0 || p.z >= 1.0) return 1.0;
    return filteredShadow(uShadowMap, p.xy, p.z - 0.0008, uShadowTexel);
}

void main() { outColor = vec4(groundColour(vWorldPosition, shadowFactor()), 1.0); }
#endif
