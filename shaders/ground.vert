#version 330 core
// A large square under the scene; uses the pbr attribute locations.
layout(location = 0) in vec3 aPosition;
uniform mat4 uViewProjection;
uniform mat4 uLightViewProjection;
uniform vec3 uGroundCenter;
uniform float uGroundRadius;
out vec3 vWorldPosition;
out vec4 vLightPosition;
void main() {
    vec3 world = uGroundCenter + vec3(aPosition.x, 0.0, aPosition.z) * uGroundRadius;
    vWorldPosition = world;
    vLightPosition = uLightViewProjection * vec4(world, 1.0);
    gl_Position = uViewProjection * vec4(world, 1.0);
}
