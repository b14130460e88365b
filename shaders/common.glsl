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

vec3 linearToSrgb(vec3 c) {
    c = clamp(c, 0.0, 1.0);
    return mix(c * 12.92, 1.055 * pow(c, vec3(1.0 / 2.4)) - 0.055, step(vec3(0.0031308), c));
}
