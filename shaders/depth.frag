#version 330 core
// The depth pre-pass: depth only, so the shading pass that follows shades
// each visible pixel once.
void main() {}
