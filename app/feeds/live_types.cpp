#include "feeds/live_types.h"
