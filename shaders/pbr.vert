#version 330 core
layout(location = 0) in vec3 aPosition;
layout(location = 1) in vec3 aNormal;
layout(location = 2) in vec4 aTangent;
layout(location = 3) in vec2 aUv;
layout(location = 4) in mat4 aModel;  // per instance, locations 4-7

uniform mat4 uViewProjection;

out vec3 vWorldPosition;
out vec3 vNormal;
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
    vNormal = cofactor * aNormal * handedness;
#ifndef PLAIN_SURFACE
    vTangent = vec4(m * aTangent.xyz, aTangent.w * handedness);
    vUv = aUv;
#endif
    vWorldPosition = world.xyz;
    gl_Position = uViewProjection * world;
}
