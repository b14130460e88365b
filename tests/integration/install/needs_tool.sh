#!/usr/bin/env bash
# needs_tool.sh TOOL COMMAND...: runs COMMAND, or skips (exit 77, CTest's
# SKIP_RETURN_CODE) when TOOL is not installed (scripts/deps.sh --test has it).
tool=$1; shift
if ! command -v "$tool" >/dev/null 2>&1; then
  echo "skipped: $tool is not installed (scripts/deps.sh --test installs it)"
  exit 77
fi
exec "$@"
