# Generates the GL 3.3 core loader with Debian's python3-glad at build time.
# --reproducible keeps glad from fetching the latest spec over the network.
# Generating for 3.3 makes any 4.x call a compile error, even though Mesa
# hands out a 4.5 context.
find_program(SYSTEM_PYTHON3 NAMES python3 PATHS /usr/bin NO_DEFAULT_PATH REQUIRED)
set(GLAD_OUT ${CMAKE_BINARY_DIR}/glad)
add_custom_command(
  OUTPUT ${GLAD_OUT}/src/gl.c ${GLAD_OUT}/include/glad/gl.h
  COMMAND ${SYSTEM_PYTHON3} -m glad --quiet --reproducible --api gl:core=3.3
          --extensions GL_KHR_debug,GL_EXT_texture_filter_anisotropic,GL_ARB_texture_storage --out-path ${GLAD_OUT} c
  COMMENT "Generating the GL 3.3 core loader with glad"
  VERBATIM)
add_library(glad STATIC ${GLAD_OUT}/src/gl.c ${GLAD_OUT}/include/glad/gl.h)
target_include_directories(glad PUBLIC ${GLAD_OUT}/include)
set_target_properties(glad PROPERTIES POSITION_INDEPENDENT_CODE ON)
