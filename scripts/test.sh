#!/usr/bin/env bash
#===- scripts/test.sh - set up, build and run every lq test ---------------===#
#
# Usage: scripts/test.sh [extra lit arguments]
# Installs missing packages, configures, builds and runs check-lq (lit: the
# dialect, conversion, pass and execution suites). Exit status = lit's.
#
#===------------------------------------------------------------------------===#
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

lq_build
lq_log "running check-lq"
LIT_OPTS="${LIT_OPTS:-} $*" cmake --build "$LQ_BUILD_DIR" --target check-lq
