#include "assets/import_settings.h"

namespace engine {

std::string ImportSettings::cacheKey() const {
    // "r" is the importer's own revision: bump it when the conversion code
    // changes what it produces, so old cache files are not reused.
    constexpr int kImporterRevision = 2;
    return "r=" + std::to_string(kImporterRevision) + ";tex=" + std::to_string(maxTextureSize) +
           ";tri=" + std::to_string(maxTriangles) + ";vtx=" + std::to_string(maxVertices) +
           ";nodes=" + std::to_string(maxNodes) + ";textures=" + std::to_string(maxTextures);
}

}  // namespace engine
