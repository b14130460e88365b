#include "gfx/shader.h"

#include <regex>
#include <sstream>

#include "gfx/gl_api.h"
#include <glm/gtc/type_ptr.hpp>

#include "core/file_util.h"

namespace engine::gfx {
namespace {

// Expands #include lines; every file gets a source-string number so the
// driver's messages ("2:14(5): error") can be mapped back to file:line.
struct Source {
    std::string text;
    std::vector<std::filesystem::path> files;
};

Status expand(const std::filesystem::path& file, Source& out, int depth) {
    if (depth > 8) return makeError(file.string() + ": #include nested too deeply");
    for (const auto& seen : out.files)
        if (seen == file) return {};
    Result<std::string> text = readTextFile(file);
    if (!text) return makeError(text.error());
    int index = int(out.files.size());
    out.files.push_back(file);
    std::istringstream lines(text.value());
    std::string line;
    int number = 0;
    out.text += "#line 1 " + std::to_string(index) + "\n";
    static const std::regex includeLine(R"(^\s*#\s*include\s+\"([^\"]+)\"\s*$)");
    while (std::getline(lines, line)) {
        ++number;
        std::smatch match;
        if (line.rfind("#version", 0) == 0) {
            out.text += "\n";  // the program's #version comes first, once
            continue;
        }
        if (std::regex_match(line, match, includeLine)) {
            Status included = expand(file.parent_path() / match[1].str(), out, depth + 1);
            if (!included) return makeError(file.string() + ":" + std::to_string(number) + ": " + included.error());
            out.text += "#line " + std::to_string(number + 1) + " " + std::to_string(index) + "\n";
            continue;
        }
        out.text += line + "\n";
    }
    return {};
}

std::string mapLog(const std::string& log, const std::vector<std::filesystem::path>& files) {
    // Mesa writes "0:12(3): error: ..."; other drivers "ERROR: 0:12: ...".
    static const std::regex mesa(R"((\d+):(\d+)\((\d+)\):\s*(.*))");
    static const std::regex other(R"(ERROR:\s*(\d+):(\d+):\s*(.*))");
    std::istringstream in(log);
    std::string line, out;
    while (std::getline(in, line)) {
        std::smatch m;
        size_t fileIndex = 0;
        std::string lineNumber, message;
        if (std::regex_search(line, m, mesa)) {
            fileIndex = std::stoul(m[1]);
            lineNumber = m[2];
            message = m[4];
        } else if (std::regex_search(line, m, other)) {
            fileIndex = std::stoul(m[1]);
            lineNumber = m[2];
            message = m[3];
        } else {
            if (!line.empty()) out += line + "\n";
            continue;
        }
        std::string name = fileIndex < files.size() ? files[fileIndex].string() : "?";
        out += name + ":" + lineNumber + ": " + message + "\n";
    }
    if (!out.empty() && out.back() == '\n') out.pop_back();
    return out;
}

// The same files serve GLSL 3.30 core and, in the browser, GLSL ES 3.00,
// which has no default float precision in fragment shaders: high precision
// everywhere keeps the browser's frame the native one.
#ifdef __EMSCRIPTEN__
constexpr const char* kVersionPrelude =
    "#version 300 es\n"
    "precision highp float;\nprecision highp int;\n"
    "precision highp sampler2D;\nprecision highp sampler2DShadow;\n";
#else
constexpr const char* kVersionPrelude = "#version 330 core\n";
#endif

Result<GLuint> compile(GLenum stage, const std::filesystem::path& file, const std::vector<std::string>& defines) {
    Source source;
    Status ok = expand(file, source, 0);
    if (!ok) return makeError(ok.error());
    std::string header = kVersionPrelude;
    for (const std::string& define : defines) header += "#define " + define + "\n";
    std::string full = header + source.text;
    GLuint shader = glCreateShader(stage);
    const char* text = full.c_str();
    glShaderSource(shader, 1, &text, nullptr);
    glCompileShader(shader);
    GLint compiled = 0;
    glGetShaderiv(shader, GL_COMPILE_STATUS, &compiled);
    if (!compiled) {
        GLint length = 0;
        glGetShaderiv(shader, GL_INFO_LOG_LENGTH, &length);
        std::string log(size_t(std::max(length, 1)), '\0');
        glGetShaderInfoLog(shader, length, nullptr, log.data());
        glDeleteShader(shader);
        return makeError("shader compilation failed:\n" + mapLog(log.c_str(), source.files));
    }
    return shader;
}

}  // namespace

Result<ShaderProgram> ShaderProgram::fromFiles(const ShaderDesc& desc) {
    Result<GLuint> vertex = compile(GL_VERTEX_SHADER, desc.vertexFile, desc.defines);
    if (!vertex) return makeError(vertex.error());
    GlHandle<detail::deleteShader> vertexShader(vertex.value());
    Result<GLuint> fragment = compile(GL_FRAGMENT_SHADER, desc.fragmentFile, desc.defines);
    if (!fragment) return makeError(fragment.error());
    GlHandle<detail::deleteShader> fragmentShader(fragment.value());

    ShaderProgram program;
    program.handle_ = GlHandle<detail::deleteProgram>(glCreateProgram());
    GLuint id = program.handle_.id();
    glAttachShader(id, vertexShader.id());
    glAttachShader(id, fragmentShader.id());
    glLinkProgram(id);
    GLint linked = 0;
    glGetProgramiv(id, GL_LINK_STATUS, &linked);
    glDetachShader(id, vertexShader.id());
    glDetachShader(id, fragmentShader.id());
    if (!linked) {
        GLint length = 0;
        glGetProgramiv(id, GL_INFO_LOG_LENGTH, &length);
        std::string log(size_t(std::max(length, 1)), '\0');
        glGetProgramInfoLog(id, length, nullptr, log.data());
        return makeError("linking " + desc.vertexFile.string() + " + " + desc.fragmentFile.string() +
                         " failed: " + std::string(log.c_str()));
    }
    return program;
}

void ShaderProgram::use() const { glUseProgram(handle_.id()); }

int ShaderProgram::location(const char* name) const {
    auto it = locations_.find(name);
    if (it != locations_.end()) return it->second;
    int loc = glGetUniformLocation(handle_.id(), name);
    locations_.emplace(name, loc);
    return loc;
}

void ShaderProgram::set(const char* name, int value) const { glUniform1i(location(name), value); }
void ShaderProgram::set(const char* name, float value) const { glUniform1f(location(name), value); }
void ShaderProgram::set(const char* name, const glm::vec2& v) const { glUniform2fv(location(name), 1, glm::value_ptr(v)); }
void ShaderProgram::set(const char* name, const glm::vec3& v) const { glUniform3fv(location(name), 1, glm::value_ptr(v)); }
void ShaderProgram::set(const char* name, const glm::vec4& v) const { glUniform4fv(location(name), 1, glm::value_ptr(v)); }
void ShaderProgram::set(const char* name, const glm::mat3& v) const {
    glUniformMatrix3fv(location(name), 1, GL_FALSE, glm::value_ptr(v));
}
void ShaderProgram::set(const char* name, const glm::mat4& v) const {
    glUniformMatrix4fv(location(name), 1, GL_FALSE, glm::value_ptr(v));
}
void ShaderProgram::set(const char* name, const glm::mat4* values, int count) const {
    glUniformMatrix4fv(location(name), count, GL_FALSE, glm::value_ptr(values[0]));
}

}  // namespace engine::gfx
