#include "feeds/state_dump.h"
