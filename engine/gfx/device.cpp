#include "gfx/device.h"

#include <cstdio>

#include "gfx/gl_api.h"

#include "core/log.h"

namespace engine::gfx {
namespace {
std::string glString(GLenum name) {
    const GLubyte* s = glGetString(name);
    return s ? reinterpret_cast<const char*>(s) : "";
}

#ifndef __EMSCRIPTEN__
void GLAPIENTRY onDebugMessage(GLenum, GLenum type, GLuint, GLenum severity, GLsizei, const GLchar* message,
                               const void*) {
    if (severity == GL_DEBUG_SEVERITY_NOTIFICATION) return;
    if (type == GL_DEBUG_TYPE_ERROR)
        log::error(std::string("GL: ") + message);
    else
        log::debug(std::string("GL: ") + message);
}
#endif
}  // namespace

#ifdef __EMSCRIPTEN__
bool webAnisotropicFiltering = false;

// WebGL 2 is OpenGL ES 3.0: every entry point is there once the context is.
Result<DeviceInfo> loadGl(GetProcAddress) {
    DeviceInfo info;
    info.major = 3;
    info.version = glString(GL_VERSION);
    info.renderer = glString(GL_RENDERER);
    info.vendor = glString(GL_VENDOR);
    if (info.version.empty()) return makeError("WebGL 2 is needed, but there is no WebGL 2 context");
    info.minor = 3;  // what the rest of the engine checks: the 3.3 core features it uses are all in ES 3.0
    webAnisotropicFiltering = glString(GL_EXTENSIONS).find("texture_filter_anisotropic") != std::string::npos;
    return info;
}
#else
Result<DeviceInfo> loadGl(GetProcAddress getProcAddress) {
    int version = gladLoadGL(reinterpret_cast<GLADloadfunc>(getProcAddress));
    DeviceInfo info;
    if (version == 0) return makeError("OpenGL 3.3 core is needed, but no OpenGL functions could be loaded");
    info.major = GLAD_VERSION_MAJOR(version);
    info.minor = GLAD_VERSION_MINOR(version);
    info.version = glString(GL_VERSION);
    info.renderer = glString(GL_RENDERER);
    info.vendor = glString(GL_VENDOR);
    if (info.major < 3 || (info.major == 3 && info.minor < 3))
        return makeError("OpenGL 3.3 core is needed, but this system offers " + info.version + " (" + info.renderer +
                         ")");
    return info;
}
#endif

std::string deviceName() { return glString(GL_RENDERER) + " / " + glString(GL_VERSION); }

void enableDebugOutput() {
#ifndef __EMSCRIPTEN__
    if (!GLAD_GL_KHR_debug) return;
    glEnable(GL_DEBUG_OUTPUT);
    glDebugMessageCallback(onDebugMessage, nullptr);
#endif
}

void applyState(const RenderState& s) {
    if (s.depthTest == DepthTest::Off) {
        glDisable(GL_DEPTH_TEST);
    } else {
        glEnable(GL_DEPTH_TEST);
        glDepthFunc(s.depthTest == DepthTest::Less ? GL_LESS : GL_LEQUAL);
    }
    glDepthMask(s.depthWrite ? GL_TRUE : GL_FALSE);
    if (s.cull == CullMode::None) {
        glDisable(GL_CULL_FACE);
    } else {
        glEnable(GL_CULL_FACE);
        glCullFace(GL_BACK);
    }
    glFrontFace(s.frontFaceClockwise ? GL_CW : GL_CCW);
    switch (s.blend) {
        case BlendMode::Opaque: glDisable(GL_BLEND); break;
        case BlendMode::Alpha:
            glEnable(GL_BLEND);
            glBlendFuncSeparate(GL_SRC_ALPHA, GL_ONE_MINUS_SRC_ALPHA, GL_ONE, GL_ONE_MINUS_SRC_ALPHA);
            break;
        case BlendMode::Premultiplied:
            glEnable(GL_BLEND);
            glBlendFunc(GL_ONE, GL_ONE_MINUS_SRC_ALPHA);
            break;
    }
    GLboolean c = s.colorWrite ? GL_TRUE : GL_FALSE;
    glColorMask(c, c, c, c);
    if (s.polygonOffsetFactor != 0.0f || s.polygonOffsetUnits != 0.0f) {
        glEnable(GL_POLYGON_OFFSET_FILL);
        glPolygonOffset(s.polygonOffsetFactor, s.polygonOffsetUnits);
    } else {
        glDisable(GL_POLYGON_OFFSET_FILL);
    }
    glDisable(GL_SCISSOR_TEST);
#ifndef __EMSCRIPTEN__
    glDisable(GL_FRAMEBUFFER_SRGB);  // shaders write encoded values themselves (WebGL never converts)
#endif
}

void clear(const glm::vec4& color, bool clearColor, bool clearDepth) {
    GLbitfield mask = 0;
    if (clearColor) {
        glColorMask(GL_TRUE, GL_TRUE, GL_TRUE, GL_TRUE);
        glClearColor(color.r, color.g, color.b, color.a);
        mask |= GL_COLOR_BUFFER_BIT;
    }
    if (clearDepth) {
        glDepthMask(GL_TRUE);
        mask |= GL_DEPTH_BUFFER_BIT;
    }
    glClear(mask);
}

void setViewport(int x, int y, int width, int height) { glViewport(x, y, width, height); }

void drawIndexed(const VertexArray& vao, size_t indexCount, int instances, size_t firstIndex) {
    glBindVertexArray(vao.id());
    const void* offset = reinterpret_cast<const void*>(firstIndex * sizeof(uint32_t));
    if (instances == 1)
        glDrawElements(GL_TRIANGLES, GLsizei(indexCount), GL_UNSIGNED_INT, offset);
    else
        glDrawElementsInstanced(GL_TRIANGLES, GLsizei(indexCount), GL_UNSIGNED_INT, offset, instances);
}

void drawTriangles(const VertexArray& vao, int vertexCount) {
    glBindVertexArray(vao.id());
    glDrawArrays(GL_TRIANGLES, 0, vertexCount);
}

void finish() { glFinish(); }
void flush() { glFlush(); }

std::string takeErrors() {
    std::string errors;
    for (int i = 0; i < 16; ++i) {
        GLenum e = glGetError();
        if (e == GL_NO_ERROR) break;
        char code[16];
        std::snprintf(code, sizeof code, "0x%04X", e);
        if (!errors.empty()) errors += ", ";
        errors += code;
    }
    return errors;
}

}  // namespace engine::gfx
