#include "feeds/timestamp.h"
