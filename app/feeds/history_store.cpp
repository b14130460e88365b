#include "feeds/history_store.h"
