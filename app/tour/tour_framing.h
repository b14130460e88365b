#pragma once
// Automatic framing for tour stops that give no camera: a visitor's view of a
// room (a platform's footprint) or a 3/4 view of a machine. Pure math, no GL.
// Axes as in scene files: metres, +Y up, footprints in (x, z). The polygon
// geometry (area, centroid, inside, distance to edges) is engine/scene/polygon.h.
#include <optional>
#include <vector>

#include <glm/glm.hpp>

#include "content/scene_file.h"

namespace twin {

struct RoomFramingDesc {
    std::vector<glm::vec2> footprint;  // (x, z) polygon, either winding, at least 3 points
    float floorElevation = 0.0f;       // top of the slab
    float ceilingHeight = 3.0f;        // floor to ceiling
    float eyeHeight = 1.65f;           // a standing visitor's eyes, above the floor
    float lookHeight = 1.0f;           // the point looked at, above the floor
    float wallMargin = 0.6f;           // the eye keeps this far from every edge
    // Where the visitor comes from (a door, the previous stop): among the
    // good corners, the one nearest to it is chosen. Absent: the corner
    // farthest from the room's centre, the first one on a tie.
    std::optional<glm::vec2> approachFrom;
};

// Eye-level view from a corner or an edge of the footprint, inside it by
// wallMargin, looking across the room's centre (the area centroid, or the
// most inland point when the centroid falls outside a concave footprint).
// The eye stays 0.3 m under the ceiling. When no point of the room is
// wallMargin from the walls, the eye stands at the centre looking along the
// room's longest side. Fewer than 3 points or no area: a view of the points'
// mean from 5 m towards +Z.
CameraViewpoint frameRoom(const RoomFramingDesc& desc);

struct MachineFramingDesc {
    glm::vec3 boundsMin{-0.5f};  // the machine's world bounds
    glm::vec3 boundsMax{0.5f};
    float yawDegrees = 0.0f;    // the machine's rotation around +Y; its front faces its local +Z
    // The floor it stands on; absent: the bottom of its bounds.
    std::optional<float> floorElevation;
    float fovYDegrees = 45.0f;  // of the camera that will show the view
    float aspect = 16.0f / 9.0f;
    float sideDegrees = 30.0f;      // 3/4 view: turned from the front towards the machine's local +X
    float downDegrees = 25.0f;      // preferred look-down angle, before the eye height is clamped
    float minEyeHeight = 1.5f;      // above the floor
    float maxEyeHeight = 2.5f;
    float fill = 0.85f;             // the bounds fill at most this fraction of the view, each way
};

// A 3/4 front view of the machine's bounds: looks at their centre, from the
// side given by sideDegrees, at the smallest distance where all 8 corners are
// inside fill x the view (fovYDegrees, aspect) with the eye 1.5-2.5 m above
// the floor. Empty or inverted bounds are treated as a 1 m box at their centre.
CameraViewpoint frameMachine(const MachineFramingDesc& desc);

}  // namespace twin
