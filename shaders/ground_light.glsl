// The ground's colour at a world position: lit by the sun (scaled by
// sunVisibility, the shadow) and the sky, fading into the sky's colour
// towards the horizon. Evaluated per pixel where a shadow can fall, per
// vertex elsewhere (ground.vert, LIT_PER_VERTEX). Needs common.glsl.
uniform vec3 uGroundCenter;
uniform float uGroundRadius;
uniform vec3 uCameraPosition;
uniform vec3 uGroundAlbedo;
uniform float uAmbientIntensity;

vec3 groundColour(vec3 world, float sunVisibility) {
    vec3 n = vec3(0.0, 1.0, 0.0);
    float nDotL = clamp(uSunDirection.y, 0.0, 1.0);
    vec3 color = uGroundAlbedo / PI * uSunColor * nDotL * sunVisibility +
                 uGroundAlbedo * hemisphereIrradiance(n) * uAmbientIntensity;
    vec3 v = normalize(world - uCameraPosition);
    float distance01 = length(world.xz - uGroundCenter.xz) / uGroundRadius;
    float fade = smoothstep(0.35, 1.0, distance01);
    return toDisplay(mix(color, skyRadiance(v), fade));
}
