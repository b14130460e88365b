#version 330 core
// Selection outline: the mesh's back faces pushed outwards along their
// normals by a constant number of pixels (an "inverted hull").
layout(location = 0) in vec3 aPosition;
layout(location = 1) in vec3 aNormal;
layout(location = 4) in mat4 aModel;

uniform mat4 uViewProjection;
uniform vec2 uViewport;       // pixels
uniform float uWidthPixels;

void main() {
    vec4 clip = uViewProjection * aModel * vec4(aPosition, 1.0);
    mat3 m = mat3(aModel);
    vec3 normal = normalize(mat3(cross(m[1], m[2]), cross(m[2], m[0]), cross(m[0], m[1])) * aNormal);
    vec2 direction = (uViewProjection * vec4(normal, 0.0)).xy;
    if (dot(direction, direction) > 1e-12) clip.xy += normalize(direction) * uWidthPixels * 2.0 / uViewport * clip.w;
    gl_Position = clip;
}
