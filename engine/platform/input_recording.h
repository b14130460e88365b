#pragma once
// Input recordings: every input event with its time, one event a line, so a
// session can be replayed (tests of the real window path, bug reports).
//
//   # comment
//   <seconds> move <x> <y>
//   <seconds> down|up left|right|middle <x> <y> [<modifiers>]
//   <seconds> scroll <dx> <dy> <x> <y>
//   <seconds> key-down|key-up <key> [<modifiers>]
//   <seconds> char <code point>
//   <seconds> touch-down|touch-move|touch-up|touch-cancel <finger> <x> <y>
//   <seconds> close
//
// Seconds count from the moment the visit is ready (its content loaded) and
// never decrease; x and y are window pixels from the top left; keys are
// named as engine::keyName writes them ("escape", "a", "page-up");
// modifiers are joined with '+' ("shift+control"). A finger's lines run
// touch-down, touch-move..., then touch-up or touch-cancel; its id may be
// used again after. Recordings without touch lines (the first version of
// the format) read as before. No GL, no window.
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.h"
#include "platform/input.h"

namespace engine {

// One line of a recording (without the newline).
std::string formatInputEvent(const InputEvent& event);

// Parses a whole recording. `source` names it in errors, which say the line
// and what was expected there.
Result<std::vector<InputEvent>> parseInputRecording(std::string_view text, const std::string& source);

// Reads and parses a recording file (at most 16 MiB).
Result<std::vector<InputEvent>> readInputRecording(const std::filesystem::path& file);

}  // namespace engine
