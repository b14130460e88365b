#include "gfx/gl_handle.h"

#include "gfx/gl_api.h"

namespace engine::gfx::detail {
void deleteBuffer(unsigned int id) { glDeleteBuffers(1, &id); }
void deleteVertexArray(unsigned int id) { glDeleteVertexArrays(1, &id); }
void deleteTexture(unsigned int id) { glDeleteTextures(1, &id); }
void deleteFramebuffer(unsigned int id) { glDeleteFramebuffers(1, &id); }
void deleteRenderbuffer(unsigned int id) { glDeleteRenderbuffers(1, &id); }
void deleteProgram(unsigned int id) { glDeleteProgram(id); }
void deleteShader(unsigned int id) { glDeleteShader(id); }
void deleteQuery(unsigned int id) { glDeleteQueries(1, &id); }
}  // namespace engine::gfx::detail
