# Runs twin-tour with ARGS (;-list) and checks its exit code and stderr.
# Variables: APP, ARGS, EXPECT_EXIT, EXPECT_STDERR (regex, optional),
# EXPECT_ONE_LINE (ON: stderr's last line alone must match), CACHE_DIR.
# EXTRA_ENV: one NAME=VALUE set for the run (e.g. to make Mesa offer an old GL).
if(EXTRA_ENV)
  string(REGEX MATCH "^([^=]+)=(.*)$" _ "${EXTRA_ENV}")
  set(ENV{${CMAKE_MATCH_1}} "${CMAKE_MATCH_2}")
endif()
if(CACHE_DIR)
  set(ENV{TWIN_TOUR_CACHE_DIR} "${CACHE_DIR}")
endif()
execute_process(COMMAND "${APP}" ${ARGS} RESULT_VARIABLE code OUTPUT_VARIABLE out ERROR_VARIABLE err
                TIMEOUT 120)
message(STATUS "exit ${code}\nstdout:\n${out}\nstderr:\n${err}")
if(NOT "${code}" STREQUAL "${EXPECT_EXIT}")
  message(FATAL_ERROR "expected exit ${EXPECT_EXIT}, got ${code}")
endif()
if(EXPECT_STDERR AND NOT err MATCHES "${EXPECT_STDERR}")
  message(FATAL_ERROR "stderr does not match '${EXPECT_STDERR}'")
endif()
if(EXPECT_ONE_LINE)
  string(STRIP "${err}" stripped)
  string(REGEX MATCHALL "\n" newlines "${stripped}")
  list(LENGTH newlines count)
  if(count GREATER 0)
    message(FATAL_ERROR "expected a one-line reason on stderr, got ${count}+1 lines")
  endif()
endif()
