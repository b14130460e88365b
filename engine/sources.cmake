# The sources of the engine's modules that the browser build (web/) takes
# whole, listed once for both builds; paths relative to engine/. The other
# modules (core, assets, platform) differ in the browser and keep their
# lists in their own CMakeLists.txt and in web/CMakeLists.txt.
set(ENGINE_SCENE_SOURCES
  scene/animation.cpp scene/bvh_file.cpp scene/camera.cpp scene/light_bake.cpp scene/mesh_lod.cpp scene/model.cpp
  scene/model_layout.cpp scene/polygon.cpp scene/triangle_bvh.cpp scene/triangle_bvh_build.cpp)
set(ENGINE_NAV_SOURCES nav/orbit_camera.cpp nav/walk_controller.cpp)
set(ENGINE_GFX_SOURCES
  gfx/gl_handle.cpp gfx/buffer.cpp gfx/vertex_array.cpp gfx/texture.cpp gfx/framebuffer.cpp gfx/shader.cpp
  gfx/device.cpp gfx/gui_renderer.cpp)
set(ENGINE_RENDER_SOURCES
  render/adaptive_resolution.cpp render/frustum.cpp render/gpu_model.cpp render/ground_grid.cpp render/renderer.cpp
  render/renderer_ground.cpp render/renderer_instances.cpp render/renderer_overlays.cpp render/renderer_shadows.cpp
  render/shadow_map_file.cpp)
