// How much of the sun a point of a surface sees through the shadow map:
// 0 in shadow, 1 lit. Looked up per pixel (pbr.frag) or per vertex
// (pbr.vert, VERTEX_LIGHT). Needs common.glsl.
//
// Light-space position computed here, not passed from the vertex shader:
// every varying costs llvmpipe memory per binned vertex (measured: the first
// frame of the Twin scene grew resident memory by 94 MiB).
uniform sampler2DShadow uShadowMap;
uniform mat4 uLightViewProjection;
uniform bool uShadowsEnabled;
uniform vec2 uShadowTexel;   // 1 / shadow map size

float sunVisibility(vec3 world, vec3 n) {
    if (!uShadowsEnabled) return 1.0;
    vec4 light = uLightViewProjection * vec4(world, 1.0);
    vec3 p = light.xyz / light.w * 0.5 + 0.5;
    if (p.x <= 0.0 || p.x >= 1.0 || p.y <= 0.0 || p.y >= 1.0 || p.z >= 1.0) return 1.0;
    // Slope-scaled bias in depth, on top of the polygon offset used when the map was drawn.
    float cosTheta = clamp(dot(n, uSunDirection), 0.05, 1.0);
    float bias = 0.0006 * sqrt(1.0 - cosTheta * cosTheta) / cosTheta + 0.0002;
    float z = p.z - min(bias, 0.004);
    return filteredShadow(uShadowMap, p.xy, z, uShadowTexel);
}
