#version 330 core
// One triangle that covers the screen, from gl_VertexID alone. It lies on
// the far plane, so with a depth test it only shades what nothing covers.
out vec2 vUv;
void main() {
    vec2 p = vec2((gl_VertexID << 1) & 2, gl_VertexID & 2);
    vUv = p;
    gl_Position = vec4(p * 2.0 - 1.0, 1.0, 1.0);
}
