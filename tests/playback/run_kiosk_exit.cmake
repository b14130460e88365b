# The kiosk's only way out: plays a recording that opens the admin panel with
# the right PIN and presses "exit"; the kiosk must exit with status 0 and say
# so before the recording ends (no end state written). Variables: APP,
# APP_ARGS (;-list), OUT_DIR, NAME, CACHE_DIR.
set(actual "${OUT_DIR}/${NAME}.png")
file(MAKE_DIRECTORY "${OUT_DIR}")
file(REMOVE "${actual}")
set(ENV{TWIN_TOUR_CACHE_DIR} "${CACHE_DIR}")
execute_process(COMMAND "${APP}" ${APP_ARGS} --screenshot "${actual}"
                RESULT_VARIABLE code OUTPUT_VARIABLE out ERROR_VARIABLE err TIMEOUT 150)
if(NOT code EQUAL 0)
  message(FATAL_ERROR "the kiosk exited with ${code}, expected 0:\n${out}${err}")
endif()
if(NOT err MATCHES "kiosk: closed from the admin panel")
  message(FATAL_ERROR "the kiosk did not close from the admin panel:\n${out}${err}")
endif()
if(EXISTS "${actual}")
  message(FATAL_ERROR "the recording played to its end: the kiosk did not exit when asked")
endif()
if(err MATCHES "2468")
  message(FATAL_ERROR "the PIN appears in the log")
endif()
