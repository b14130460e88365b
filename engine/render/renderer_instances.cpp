// Renderer: the scene's items made into instances, one a placed mesh, and
// what each instance's drawing depends on: its light (baked, per vertex or
// per pixel) and its level of detail.
#include <algorithm>

#include "render/renderer.h"
#include "render/renderer_instance.h"
#include "scene/mesh_lod.h"

namespace engine {

void Renderer::setScene(std::vector<SceneModel> scene) {
    scene_ = std::move(scene);
    movingItems_.clear();
    stillShadowsKept_ = !desc_.shadowCacheDirectory.empty();
    rebuildInstances();
}

void Renderer::setHiddenTopNodes(const GpuModel* model, std::vector<int32_t> hidden) {
    for (SceneModel& item : scene_)
        if (item.model.get() == model) item.hiddenTopNodes = hidden;
    rebuildInstances();
}

void Renderer::setSceneItemLook(size_t item, const SceneItemLook& look) {
    if (item >= scene_.size() || scene_[item].look == look) return;
    // Only its parts moved (a machine's cycle, an explosion in progress):
    // from now on the item is drawn over the cached shadows of the rest,
    // which are drawn once more without it, and then no more while only
    // moving items move.
    SceneItemLook& current = scene_[item].look;
    const bool onlyMoved = current.ghostFade == look.ghostFade && current.clipPlane == look.clipPlane &&
                           current.capColour == look.capColour && current.fullDetail == look.fullDetail;
    const bool newlyMoving = onlyMoved && movingItems_.insert(item).second;
    const bool cacheStillRight = onlyMoved && !newlyMoving && !staticShadowsDirty_;
    current = look;
    rebuildInstances();
    if (cacheStillRight) staticShadowsDirty_ = false;
}

void Renderer::rebuildInstances() {
    instances_.clear();
    sceneBounds_ = Aabb();
    for (size_t itemIndex = 0; itemIndex < scene_.size(); ++itemIndex) {
        const SceneModel& item = scene_[itemIndex];
        if (!item.model || !item.visible) continue;
        const GpuModel& model = *item.model;
        for (size_t p = 0; p < model.placements().size(); ++p) {
            const MeshPlacement& placement = model.placements()[p];
            Instance instance;
            instance.model = &model;
            instance.sceneItem = itemIndex;
            instance.mesh = placement.mesh;
            instance.placement = p;
            instance.ghostFade = std::clamp(item.look.ghostFade, 0.0f, 1.0f);
            instance.clip = item.look.clipPlane;
            instance.fullDetail = item.look.fullDetail;
            instance.moving = movingItems_.count(itemIndex) > 0;
            const glm::mat4 moved =
                p < item.look.placementTransforms.size() ? item.look.placementTransforms[p] : glm::mat4(1.0f);
            instance.world = item.transform * moved * placement.transform;
            const GpuMesh& mesh = model.meshes()[placement.mesh];
            instance.worldBounds = mesh.bounds.transformed(instance.world);
            // Hidden parts still count in the bounds: framing and shadows keep their extent.
            sceneBounds_.expand(instance.worldBounds);
            if (std::find(item.hiddenTopNodes.begin(), item.hiddenTopNodes.end(), placement.topNode) !=
                item.hiddenTopNodes.end())
                continue;
            instance.mirrored = glm::determinant(glm::mat3(instance.world)) < 0.0f;
            instance.blended = model.materials()[mesh.materialIndex].data.alphaMode == AlphaMode::Blend;
            // Baked light holds for the building as it stands: not once a
            // part of it is hidden (its shadows stay), moved, cut or faded.
            instance.bakedLight = mesh.bakedLight && item.hiddenTopNodes.empty() && moved == glm::mat4(1.0f) &&
                                  !instance.clip && instance.ghostFade <= 0.0f;
            // Lit as it stands, wherever it is; a cut or a fade needs the pixels' positions.
            instance.lightPerVertex = mesh.lightPerVertex && !instance.clip && instance.ghostFade <= 0.0f;
            instances_.push_back(instance);
        }
    }
    keepPerPixelLightNearOtherItems();
    shadowsDirty_ = staticShadowsDirty_ = true;
}

// A prop that another item stands on or beside (a machine on its bench) is
// lit per pixel after all: that item's shadow falls on it, with edges its
// few vertices cannot hold. Judged on the items' bounds at rest, so a prop
// does not change its light as a robot's arm swings by.
void Renderer::keepPerPixelLightNearOtherItems() {
    constexpr float kMargin = 0.5f;  // metres: a shadow's reach beside its caster, at the default sun
    std::vector<Aabb> itemBounds;
    for (const SceneModel& item : scene_)
        itemBounds.push_back(item.model && item.visible ? item.model->bounds().transformed(item.transform) : Aabb());
    for (Instance& instance : instances_) {
        if (!instance.lightPerVertex) continue;
        const glm::vec3 low = instance.worldBounds.min - kMargin, high = instance.worldBounds.max + kMargin;
        for (size_t item = 0; item < itemBounds.size() && instance.lightPerVertex; ++item) {
            const Aabb& other = itemBounds[item];
            if (item != instance.sceneItem && !other.empty() && glm::all(glm::lessThanEqual(other.min, high)) &&
                glm::all(glm::lessThanEqual(low, other.max)))
                instance.lightPerVertex = false;
        }
    }
}

Renderer::SurfaceLight Renderer::surfaceLight(const Instance& instance) const {
    const std::optional<glm::vec3>& sun = instance.model->bakedSunDirection();
    if (instance.bakedLight && options_.shadows && sun && glm::distance(*sun, glm::normalize(lighting_.sunDirection)) < 1e-4f)
        return SurfaceLight::Baked;
    return instance.lightPerVertex ? SurfaceLight::PerVertex : SurfaceLight::PerPixel;
}

// A coarser level where it differs from the full mesh by under a pixel of
// the output (not of the scaled-down frame: the choice must not change when
// the camera stops). Measured where the instance's bounds are nearest the eye.
void Renderer::chooseLevelsOfDetail(const Camera& camera, const std::vector<size_t>& instances) {
    const bool perspective = camera.projection[3][3] == 0.0f;
    const float pixelsAtUnitDistance = camera.projection[1][1] * float(outputSize_.y) * 0.5f;
    for (size_t i : instances) {
        Instance& instance = instances_[i];
        const GpuMesh& mesh = instance.model->meshes()[instance.mesh];
        instance.level = 0;
        if (mesh.levelErrors.empty() || !options_.levelsOfDetail || instance.fullDetail) continue;
        const glm::mat3 basis(instance.world);
        const float scale = std::max({glm::length(basis[0]), glm::length(basis[1]), glm::length(basis[2])});
        float distance = 1.0f;
        if (perspective) {
            const Aabb& b = instance.worldBounds;
            distance = glm::length(glm::clamp(camera.position, b.min, b.max) - camera.position);
            if (distance <= 0.0f) continue;
        }
        instance.level = uint32_t(chooseLevelOfDetail(mesh.levelErrors, pixelsAtUnitDistance * scale / distance));
    }
}

}  // namespace engine
