#include "feeds/replay_week.h"
