#include "feeds/replay_clock.h"
