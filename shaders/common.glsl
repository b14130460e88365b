// Shared lighting helpers: the analytic sky, sRGB encoding.
const float PI = 3.14159265359;

uniform vec3 uSunDirection;   // towards the sun, normalised
uniform vec3 uSunColor;       // radiance, linear
uniform vec3 uSkyZenith;
uniform vec3 uSkyHorizon;
uniform vec3 uGroundColor;

// Radiance of the sky (and of the ground below the horizon) in direction d.
vec3 skyRadiance(vec3 d) {
    float up = d.y;
    vec3 sky = mix(uSkyHorizon, uSkyZenith, pow(clamp(up, 0.0, 1.0), 0.6));
    return mix(uGroundColor, sky, smoothstep(-0.02, 0.02, up));
}

// Irradiance from the sky/ground hemisphere for a surface facing n
// (a cheap stand-in for an irradiance map).
vec3 hemisphereIrradiance(vec3 n) {
    float t = n.y * 0.5 + 0.5;
    return mix(uGroundColor * 0.8, mix(uSkyHorizon, uSkyZenith, 0.3), t);
}

uniform float uExposure;

vec3 linearToSrgb(vec3 c) {
    c = clamp(c, 0.0, 1.0);
    return mix(c * 12.92, 1.055 * pow(c, vec3(1.0 / 2.4)) - 0.055, step(vec3(0.0031308), c));
}

// Exposure, ACES filmic curve (Narkowicz' fit) and sRGB encoding, applied in
// each shader rather than in a separate pass: on llvmpipe a half-float target
// plus a full-screen tone-mapping pass cost more than the whole scene.
vec3 toDisplay(vec3 hdr) {
    vec3 x = hdr * uExposure;
    x = clamp((x * (2.51 * x + 0.03)) / (x * (2.43 * x + 0.59) + 0.14), 0.0, 1.0);
    return linearToSrgb(x);
}

// Four hardware 2x2 comparisons on a rotated grid: a soft 4x4-texel
// penumbra for four lookups (nine cost too much on llvmpipe).
float filteredShadow(sampler2DShadow map, vec2 uv, float depth, vec2 texel) {
    float sum = texture(map, vec3(uv + vec2(-0.6, -1.4) * texel, depth));
    sum += texture(map, vec3(uv + vec2(1.4, -0.6) * texel, depth));
    sum += texture(map, vec3(uv + vec2(0.6, 1.4) * texel, depth));
    sum += texture(map, vec3(uv + vec2(-1.4, 0.6) * texel, depth));
    return sum * 0.25;
}
