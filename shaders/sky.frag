#version 330 core
// Background: the analytic sky with a soft sun disc.
#include "common.glsl"
in vec2 vUv;
uniform mat4 uInverseViewProjection;
layout(location = 0) out vec4 outColor;

void main() {
    vec4 farPoint = uInverseViewProjection * vec4(vUv * 2.0 - 1.0, 1.0, 1.0);
    vec4 nearPoint = uInverseViewProjection * vec4(vUv * 2.0 - 1.0, -1.0, 1.0);
    vec3 d = normalize(farPoint.xyz / farPoint.w - nearPoint.xyz / nearPoint.w);
    vec3 color = skyRadiance(d);
    float sun = smoothstep(0.9994, 0.9998, dot(d, uSunDirection));
    color += uSunColor * sun * 4.0;
    outColor = vec4(toDisplay(color), 1.0);
}
