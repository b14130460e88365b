#version 330 core
// Floor overlays: a translucent tint with a pattern that reads without
// colour, and an opaque border. Not lit, and not tone-mapped: the colour is
// only sRGB-encoded, so that an opaque overlay shows exactly the colour the
// application asked for, the one its legend swatch shows.
#include "common.glsl"

in vec2 vPatternPosition;
in vec4 vColour;
in float vFromOutline;
flat in int vKind;

uniform float uBorderWidth;  // metres; never drawn thinner than about 1.5 pixels

layout(location = 0) out vec4 outColor;

const int kSolid = 0;
const int kStripes = 1;
const int kDots = 2;
const int kCrosshatch = 3;
const int kBorder = 4;

// Coverage of lines of half-width `halfWidth` (in periods) centred on the
// integers of `u`, box-filtered over the pixel's footprint `footprint`; where
// lines get thinner than a pixel the coverage fades to its mean, so distant
// patterns turn into an even tint instead of flickering moire.
float lines(float u, float halfWidth, float footprint) {
    float distance = abs(fract(u + 0.5) - 0.5);
    float covered = clamp((halfWidth - distance) / footprint + 0.5, 0.0, 1.0);
    return mix(covered, 2.0 * halfWidth, smoothstep(0.25, 0.6, footprint));
}

float dots(vec2 p, float radius, float footprint) {
    float distance = length(fract(p) - 0.5);
    float covered = clamp((radius - distance) / footprint + 0.5, 0.0, 1.0);
    return mix(covered, PI * radius * radius, smoothstep(0.25, 0.6, footprint));
}

float patternCoverage(int kind, vec2 p) {
    if (kind == kStripes) {
        float u = (p.x + p.y) * 0.70710678;  // 45 degrees, one line a period
        return lines(u, 0.2, fwidth(u));
    }
    if (kind == kDots) return dots(p, 0.25, length(fwidth(p)) * 0.7071);
    if (kind == kCrosshatch) {
        float u = (p.x + p.y) * 0.70710678;
        float v = (p.x - p.y) * 0.70710678;
        float a = lines(u, 0.1, fwidth(u));
        float b = lines(v, 0.1, fwidth(v));
        return a + b - a * b;
    }
    return 0.0;
}

void main() {
    vec3 colour = vColour.rgb;
    float opacity = vColour.a;
    if (vKind == kBorder) {
        float footprint = max(fwidth(vFromOutline), 1e-6);
        float width = max(uBorderWidth, 1.5 * footprint);
        float covered = clamp((width - vFromOutline) / footprint + 0.5, 0.0, 1.0);
        if (covered <= 0.0) discard;
        outColor = vec4(linearToSrgb(colour), covered);
        return;
    }
    // The pattern's ink contrasts in lightness with the tint, whatever the
    // hue: dark on light colours, light on dark ones.
    float luminance = dot(colour, vec3(0.2126, 0.7152, 0.0722));
    vec3 ink = luminance > 0.18 ? colour * 0.25 : mix(colour, vec3(1.0), 0.7);
    float coverage = patternCoverage(vKind, vPatternPosition);
    float alpha = mix(opacity, min(1.0, opacity * 1.7), coverage);
    outColor = vec4(linearToSrgb(mix(colour, ink, coverage)), alpha);
}
