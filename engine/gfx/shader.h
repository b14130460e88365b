#pragma once
// Shader programs built from GLSL files in the shaders/ folder.
#include <filesystem>
#include <string>
#include <unordered_map>
#include <vector>

#include <glm/glm.hpp>

#include "core/result.h"
#include "gfx/gl_handle.h"

namespace engine::gfx {

struct ShaderDesc {
    std::filesystem::path vertexFile;
    std::filesystem::path fragmentFile;
    std::vector<std::string> defines;  // each becomes "#define X" after #version
};

class ShaderProgram {
public:
    ShaderProgram() = default;
    // Reads, compiles and links. Files may `#include "other.glsl"` (relative
    // to the including file, one file once). Errors name the file and line,
    // e.g. `shaders/pbr.frag:42: error: ...`.
    static Result<ShaderProgram> fromFiles(const ShaderDesc& desc);

    void use() const;
    void set(const char* name, int value) const;
    void set(const char* name, float value) const;
    void set(const char* name, const glm::vec2& value) const;
    void set(const char* name, const glm::vec3& value) const;
    void set(const char* name, const glm::vec4& value) const;
    void set(const char* name, const glm::mat3& value) const;
    void set(const char* name, const glm::mat4& value) const;
    void set(const char* name, const glm::mat4* values, int count) const;

    unsigned int id() const { return handle_.id(); }
    explicit operator bool() const { return bool(handle_); }

private:
    int location(const char* name) const;
    GlHandle<detail::deleteProgram> handle_;
    mutable std::unordered_map<std::string, int> locations_;
};

}  // namespace engine::gfx
