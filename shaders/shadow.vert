#version 330 core
layout(location = 0) in vec3 aPosition;
layout(location = 3) in vec2 aUv;
layout(location = 4) in mat4 aModel;

uniform mat4 uLightViewProjection;
#ifndef PLAIN_CASTER  // see shadow.frag
out vec2 vUv;
out vec3 vWorldPosition;
#endif

void main() {
    vec4 world = aModel * vec4(aPosition, 1.0);
#ifndef PLAIN_CASTER
    vUv = aUv;
    vWorldPosition = world.xyz;
#endif
    gl_Position = uLightViewProjection * world;
}
