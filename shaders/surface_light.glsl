// Light leaving a surface towards the eye (linear, before exposure and
// emission): GGX specular and Lambert diffuse from the sun, hemisphere
// ambient and an analytic sky reflection. Evaluated per pixel (pbr.frag),
// or per vertex for meshes with baked light (pbr.vert, BAKED_LIGHT).
// Needs common.glsl.

uniform float uAmbientIntensity;

// Karis' analytic fit of the split-sum environment BRDF (mobile shading).
vec2 environmentBrdf(float roughness, float nDotV) {
    const vec4 c0 = vec4(-1.0, -0.0275, -0.572, 0.022);
    const vec4 c1 = vec4(1.0, 0.0425, 1.04, -0.04);
    vec4 r = roughness * c0 + c1;
    float a004 = min(r.x * r.x, exp2(-9.28 * nDotV)) * r.x + r.y;
    return vec2(-1.04, 1.04) * a004 + r.zw;
}

// n, v: unit normal and direction to the eye; sunVisibility 0-1 (shadow),
// occlusion 0-1 of the ambient light.
vec3 surfaceLight(vec3 baseColor, float metallic, float roughness, vec3 n, vec3 v, float sunVisibility,
                  float occlusion) {
    vec3 l = uSunDirection;
    vec3 h = normalize(v + l);
    float nDotL = clamp(dot(n, l), 0.0, 1.0);
    float nDotV = clamp(abs(dot(n, v)), 1e-4, 1.0);
    float nDotH = clamp(dot(n, h), 0.0, 1.0);
    float vDotH = clamp(dot(v, h), 0.0, 1.0);

    vec3 f0 = mix(vec3(0.04), baseColor, metallic);
    vec3 diffuseColor = baseColor * (1.0 - metallic);

    float a = roughness * roughness;
    float a2 = a * a;
    float d = nDotH * nDotH * (a2 - 1.0) + 1.0;
    float distribution = a2 / (PI * d * d);
    float visibility = 0.5 / (nDotL * sqrt(nDotV * nDotV * (1.0 - a2) + a2) + nDotV * sqrt(nDotL * nDotL * (1.0 - a2) + a2) + 1e-5);
    // (1 - vDotH)^5 by products: pow() is an exp2 and a log2 per pixel on llvmpipe.
    float m = 1.0 - vDotH, m2 = m * m;
    vec3 fresnel = f0 + (1.0 - f0) * (m2 * m2 * m);
    vec3 specular = distribution * visibility * fresnel;
    vec3 diffuse = (1.0 - fresnel) * diffuseColor / PI;
    vec3 direct = (diffuse + specular) * uSunColor * nDotL * sunVisibility;

    // Ambient: hemisphere light for diffuse, the sky blurred by roughness for specular.
    vec3 r = reflect(-v, n);
    vec3 environment = mix(skyRadiance(r), hemisphereIrradiance(r), clamp(roughness * 1.2, 0.0, 1.0));
    vec2 brdf = environmentBrdf(roughness, nDotV);
    vec3 ambient = (diffuseColor * hemisphereIrradiance(n) + environment * (f0 * brdf.x + brdf.y)) *
                   occlusion * uAmbientIntensity;
    return direct + ambient;
}
