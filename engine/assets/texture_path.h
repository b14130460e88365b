#pragma once
// Finding the texture file a model names. Files written on Windows or by
// other tools name textures loosely: backslashes, "./" prefixes, absolute
// paths of the author's machine, URL escapes, a different letter case.
#include <filesystem>
#include <optional>
#include <string_view>

namespace engine {

// Returns the existing regular file that `reference` (as written in the
// model) means, looking in order for:
//   1. the reference as given, relative to `modelFolder`;
//   2. with backslashes turned into '/';
//   3. with leading "./" dropped;
//   4. with %XX escapes decoded (glTF URIs);
//   5. its base name next to the model (absolute paths such as
//      "D:\projects\x\tex.jpg" from the author's machine);
//   6. a case-insensitive match, component by component, of 2 then 5.
// Returns nullopt when none exists, or for an absurd reference (empty,
// over 4096 bytes, a NUL byte, or a URI with a scheme other than file:).
std::optional<std::filesystem::path> resolveTexturePath(const std::filesystem::path& modelFolder,
                                                        std::string_view reference);

}  // namespace engine
