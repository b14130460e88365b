#version 330 core
uniform vec4 uColour;  // display values (sRGB), drawn after tone mapping's shaders
layout(location = 0) out vec4 outColor;
void main() { outColor = uColour; }
