#version 330 core
// Profiling only (RenderOptions::flatShading): one constant colour, so a
// frame costs its rasterisation and little else; the floor other passes are
// measured against.
layout(location = 0) out vec4 outColor;

void main() { outColor = vec4(0.6, 0.6, 0.6, 1.0); }
