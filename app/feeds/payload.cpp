#include "feeds/payload.h"
