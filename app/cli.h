#pragma once
// Kept so that the files which include "cli.h" need not change; new code
// includes "cli/app_options.h" or "cli/command_line.h".
#include "cli/command_line.h"
