#pragma once
// The GL entry points for engine/gfx: glad's GL 3.3 core loader natively,
// OpenGL ES 3.0 (WebGL 2) in the browser, where Emscripten provides them.
// glad's names for the extensions the code asks about exist in both.
#ifdef __EMSCRIPTEN__
#include <GLES3/gl3.h>
#include <GLES2/gl2ext.h>
#ifndef GLAPIENTRY
#define GLAPIENTRY GL_APIENTRY
#endif
namespace engine::gfx {
// Set by loadGl from the context's extension list.
extern bool webAnisotropicFiltering;
}  // namespace engine::gfx
#define GLAD_GL_EXT_texture_filter_anisotropic (::engine::gfx::webAnisotropicFiltering)
#define GLAD_GL_KHR_debug 0
#define GLAD_GL_ARB_texture_storage 1  // glTexStorage2D is core in ES 3.0
#else
#include <glad/gl.h>
#endif
