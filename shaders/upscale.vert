#version 330 core
// A screen-covering quad (two triangles, from gl_VertexID alone) that reads
// the lower-left `uUvScale` part of the scene colour: the upscale of frames
// shaded at a lower resolution. Texture coordinates vary linearly and the
// fragment shader only samples, so llvmpipe can take its fast path.
uniform vec2 uUvScale;
out vec2 vUv;
void main() {
    const vec2 corners[6] = vec2[6](vec2(0, 0), vec2(1, 0), vec2(1, 1), vec2(0, 0), vec2(1, 1), vec2(0, 1));
    vec2 p = corners[gl_VertexID];
    vUv = p * uUvScale;
    gl_Position = vec4(p * 2.0 - 1.0, 0.0, 1.0);
}
