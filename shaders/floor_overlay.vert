#version 330 core
// Floor overlays: flat areas just above a floor, already in world space.
layout(location = 0) in vec3 aPosition;
layout(location = 1) in vec4 aColour;   // linear RGB, opacity
layout(location = 2) in vec3 aPattern;  // x: what (0-3 the patterns, 4 the border),
                                        // y: metres between pattern lines,
                                        // z: metres in from the outline (border only)
uniform mat4 uViewProjection;

out vec2 vPatternPosition;  // world x/z in pattern periods: the pattern stays put on the floor
out vec4 vColour;
out float vFromOutline;
flat out int vKind;

void main() {
    vPatternPosition = aPosition.xz / aPattern.y;
    vColour = aColour;
    vFromOutline = aPattern.z;
    vKind = int(aPattern.x + 0.5);
    gl_Position = uViewProjection * vec4(aPosition, 1.0);
}
