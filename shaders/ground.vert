#version 330 core
// The ground under the scene: a grid in world space (renderer_ground.cpp).
// LIT_PER_VERTEX: the part no shadow can reach, lit here; the fragment
// shader only writes the colour (on llvmpipe the per-pixel ground cost
// 7 ms of an aerial view's frame at 1280x720).
layout(location = 0) in vec3 aPosition;
uniform mat4 uViewProjection;
#ifdef LIT_PER_VERTEX
#include "common.glsl"
#include "ground_light.glsl"
out vec3 vColour;
#else
uniform mat4 uLightViewProjection;
out vec3 vWorldPosition;
out vec4 vLightPosition;
#endif
void main() {
#ifdef LIT_PER_VERTEX
    vColour = groundColour(aPosition, 1.0);
#else
    vWorldPosition = aPosition;
    vLightPosition = uLightViewProjection * vec4(aPosition, 1.0);
#endif
    gl_Position = uViewProjection * vec4(aPosition, 1.0);
}
