#include "feeds/mqtt_client.h"
