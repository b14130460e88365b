#include "feeds/live_state.h"
