#include "platform/headless_context.h"

#include <EGL/egl.h>
#include <EGL/eglext.h>

#include <cstdio>
#include <string>

#include "platform/gl_driver_pin.h"

namespace engine {
namespace {
std::string eglErrorText() {
    char code[32];
    std::snprintf(code, sizeof code, "EGL error 0x%04X", eglGetError());
    return code;
}
}  // namespace

Result<std::unique_ptr<HeadlessContext>> HeadlessContext::create(bool anyVersion) {
    auto getPlatformDisplay =
        reinterpret_cast<PFNEGLGETPLATFORMDISPLAYEXTPROC>(eglGetProcAddress("eglGetPlatformDisplayEXT"));
    EGLDisplay display = EGL_NO_DISPLAY;
    if (getPlatformDisplay) display = getPlatformDisplay(EGL_PLATFORM_SURFACELESS_MESA, EGL_DEFAULT_DISPLAY, nullptr);
    if (display == EGL_NO_DISPLAY)
        return makeError("headless rendering needs EGL with EGL_MESA_platform_surfaceless (Mesa's libegl-mesa0)");
    EGLint major = 0, minor = 0;
    if (!eglInitialize(display, &major, &minor))
        return makeError("cannot initialise EGL for headless rendering: " + eglErrorText());
    keepGlDriverLoaded();  // eglInitialize loaded it; eglTerminate would unload it
    if (!eglBindAPI(EGL_OPENGL_API)) {
        eglTerminate(display);
        return makeError("EGL offers no desktop OpenGL: " + eglErrorText());
    }
    // Surfaceless has no window surfaces: the default EGL_WINDOW_BIT would match nothing.
    const EGLint configAttributes[] = {EGL_SURFACE_TYPE, EGL_PBUFFER_BIT, EGL_RENDERABLE_TYPE, EGL_OPENGL_BIT, EGL_NONE};
    EGLConfig config = nullptr;
    EGLint configCount = 0;
    if (!eglChooseConfig(display, configAttributes, &config, 1, &configCount) || configCount == 0) {
        eglTerminate(display);
        return makeError("EGL found no OpenGL configuration: " + eglErrorText());
    }
    const EGLint contextAttributes[] = {EGL_CONTEXT_MAJOR_VERSION, 3, EGL_CONTEXT_MINOR_VERSION, 3,
                                        EGL_CONTEXT_OPENGL_PROFILE_MASK, EGL_CONTEXT_OPENGL_CORE_PROFILE_BIT,
                                        EGL_NONE};
    const EGLint anyAttributes[] = {EGL_NONE};
    EGLContext context = eglCreateContext(display, config, EGL_NO_CONTEXT, anyVersion ? anyAttributes : contextAttributes);
    if (context == EGL_NO_CONTEXT) {
        eglTerminate(display);
        return makeError("cannot create an OpenGL 3.3 core context: " + eglErrorText());
    }
    if (!eglMakeCurrent(display, EGL_NO_SURFACE, EGL_NO_SURFACE, context)) {
        eglDestroyContext(display, context);
        eglTerminate(display);
        return makeError("cannot make the headless context current: " + eglErrorText());
    }
    std::unique_ptr<HeadlessContext> result(new HeadlessContext());
    result->display_ = display;
    result->context_ = context;
    return result;
}

HeadlessContext::~HeadlessContext() {
    eglMakeCurrent(display_, EGL_NO_SURFACE, EGL_NO_SURFACE, EGL_NO_CONTEXT);
    eglDestroyContext(display_, context_);
    eglTerminate(display_);
}

void* HeadlessContext::getProcAddress(const char* name) { return reinterpret_cast<void*>(eglGetProcAddress(name)); }

}  // namespace engine
