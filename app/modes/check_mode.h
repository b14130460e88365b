#pragma once
// --check: validates a scene file and the files it names, without GL.
#include "cli/app_options.h"

namespace twin {

int runCheck(const AppOptions& options);

}  // namespace twin
