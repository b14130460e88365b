# Runs one golden-image test: renders with twin-tour --screenshot, then
# compares with the approved baseline. Variables: APP, APP_ARGS (;-list),
# NAME, OUT_DIR, GOLDEN_DIR, COMPARE, MAX_DIFF, MEAN_DIFF, CACHE_DIR.
# With the environment variable TWIN_UPDATE_GOLDEN=1 the render replaces the
# baseline instead (look at it before committing).
set(actual "${OUT_DIR}/${NAME}.png")
set(diff "${OUT_DIR}/${NAME}.diff.png")
set(golden "${GOLDEN_DIR}/${NAME}.png")
file(MAKE_DIRECTORY "${OUT_DIR}")
file(REMOVE "${actual}" "${diff}")
set(ENV{TWIN_TOUR_CACHE_DIR} "${CACHE_DIR}")
# The app's local state (quiz results...) starts empty for each run, and
# never touches the home folder of whoever runs the tests.
file(REMOVE_RECURSE "${OUT_DIR}/state/${NAME}")
set(ENV{XDG_STATE_HOME} "${OUT_DIR}/state/${NAME}")
# Clocks on screen are local time: Saint-Étienne's, as a POSIX rule so no
# time zone database is needed.
set(ENV{TZ} "CET-1CEST,M3.5.0,M10.5.0/3")
execute_process(COMMAND "${APP}" ${APP_ARGS} --screenshot "${actual}"
                RESULT_VARIABLE rendered OUTPUT_VARIABLE out ERROR_VARIABLE err)
if(NOT rendered EQUAL 0)
  message(FATAL_ERROR "twin-tour failed (${rendered}):\n${out}${err}")
endif()
if("$ENV{TWIN_UPDATE_GOLDEN}" STREQUAL "1")
  file(COPY_FILE "${actual}" "${golden}")
  message(STATUS "baseline updated: ${golden} (look at it before committing)")
  return()
endif()
if(NOT EXISTS "${golden}")
  message(FATAL_ERROR "no baseline ${golden}; the render is in ${actual}. Look at it, then run with TWIN_UPDATE_GOLDEN=1.")
endif()
execute_process(COMMAND "${COMPARE}" "${actual}" "${golden}" "${diff}" ${MAX_DIFF} ${MEAN_DIFF}
                RESULT_VARIABLE same OUTPUT_VARIABLE out ERROR_VARIABLE err)
message(STATUS "${out}${err}")
if(NOT same EQUAL 0)
  message(FATAL_ERROR "${NAME} differs from its baseline: actual ${actual}, difference ${diff}")
endif()
