#version 330 core
// Fast approximate anti-aliasing on the tone-mapped image: finds edges from
// luma contrast and blurs along them. Cheap enough for llvmpipe, unlike MSAA.
in vec2 vUv;
uniform sampler2D uLdrColor;
uniform vec2 uTexel;
layout(location = 0) out vec4 outColor;

float luma(vec3 c) { return dot(c, vec3(0.299, 0.587, 0.114)); }

void main() {
    // Unfiltered fetches for the edge test that most pixels stop at: llvmpipe
    // runs them much faster than filtered samples.
    ivec2 p = ivec2(gl_FragCoord.xy);
    ivec2 last = textureSize(uLdrColor, 0) - 1;
    vec3 center = texelFetch(uLdrColor, p, 0).rgb;
    float lumaNW = luma(texelFetch(uLdrColor, clamp(p + ivec2(-1, -1), ivec2(0), last), 0).rgb);
    float lumaNE = luma(texelFetch(uLdrColor, clamp(p + ivec2(1, -1), ivec2(0), last), 0).rgb);
    float lumaSW = luma(texelFetch(uLdrColor, clamp(p + ivec2(-1, 1), ivec2(0), last), 0).rgb);
    float lumaSE = luma(texelFetch(uLdrColor, clamp(p + ivec2(1, 1), ivec2(0), last), 0).rgb);
    float lumaM = luma(center);
    float lumaMin = min(lumaM, min(min(lumaNW, lumaNE), min(lumaSW, lumaSE)));
    float lumaMax = max(lumaM, max(max(lumaNW, lumaNE), max(lumaSW, lumaSE)));
    if (lumaMax - lumaMin < max(0.0312, lumaMax * 0.125)) {
        outColor = vec4(center, 1.0);
        return;
    }
    vec2 dir = vec2(-((lumaNW + lumaNE) - (lumaSW + lumaSE)), (lumaNW + lumaSW) - (lumaNE + lumaSE));
    float reduce = max((lumaNW + lumaNE + lumaSW + lumaSE) * 0.25 * 0.125, 1.0 / 128.0);
    float scale = 1.0 / (min(abs(dir.x), abs(dir.y)) + reduce);
    dir = clamp(dir * scale, vec2(-8.0), vec2(8.0)) * uTexel;
    vec3 nearPair = 0.5 * (texture(uLdrColor, vUv + dir * (1.0 / 3.0 - 0.5)).rgb +
                           texture(uLdrColor, vUv + dir * (2.0 / 3.0 - 0.5)).rgb);
    vec3 farPair = nearPair * 0.5 + 0.25 * (texture(uLdrColor, vUv + dir * -0.5).rgb +
                                            texture(uLdrColor, vUv + dir * 0.5).rgb);
    float lumaFar = luma(farPair);
    outColor = vec4((lumaFar < lumaMin || lumaFar > lumaMax) ? nearPair : farPair, 1.0);
}
