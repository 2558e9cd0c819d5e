#!/usr/bin/env bash
#===- scripts/lib.sh - shared set-up for the lq scripts --------------------===#
#
# Sourced by the user-facing scripts. Installs the Debian packages lq needs
# when they are missing (and does nothing when they are present), configures
# the build directory with CMake + Ninja + clang-22 and builds.
#
#===------------------------------------------------------------------------===#
set -euo pipefail

LQ_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
LQ_BUILD_DIR="${LQ_BUILD_DIR:-$LQ_ROOT/build}"
LLVM_PREFIX=/usr/lib/llvm-22

# Packages the build, the tests and the benchmarks need (libclang-rt: the
# sanitizer and fuzzer runtimes of -DLQ_ENABLE_SANITIZERS / LQ_BUILD_FUZZERS).
LQ_PACKAGES=(llvm-22-dev libmlir-22-dev mlir-22-tools llvm-22-tools clang-22
             lld-22 libomp-22-dev libclang-rt-22-dev cmake ninja-build
             libopenblas-dev python3)

lq_log() { printf '\033[1m[lq]\033[0m %s\n' "$*" >&2; }

# Install whatever is missing from LQ_PACKAGES (apt-get, as root or via sudo).
lq_ensure_packages() {
  local missing=()
  for pkg in "${LQ_PACKAGES[@]}"; do
    if ! dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null |
        grep -q "install ok installed"; then
      missing+=("$pkg")
    fi
  done
  if ((${#missing[@]} == 0)); then
    return 0
  fi
  lq_log "installing missing packages: ${missing[*]}"
  local sudo=()
  if [[ $(id -u) -ne 0 ]]; then sudo=(sudo); fi
  "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update -qq
  "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive \
    apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
}

# Configure (once) and build the given targets (default: all).
lq_build() {
  lq_ensure_packages
  if [[ ! -f "$LQ_BUILD_DIR/build.ninja" ]]; then
    lq_log "configuring $LQ_BUILD_DIR"
    cmake -S "$LQ_ROOT" -B "$LQ_BUILD_DIR" -G Ninja \
      -DCMAKE_BUILD_TYPE=Release \
      -DCMAKE_C_COMPILER="$LLVM_PREFIX/bin/clang" \
      -DCMAKE_CXX_COMPILER="$LLVM_PREFIX/bin/clang++" \
      -DLLVM_USE_LINKER=lld \
      -DMLIR_DIR="$LLVM_PREFIX/lib/cmake/mlir" \
      -DLLVM_EXTERNAL_LIT="$LLVM_PREFIX/bin/lit" \
      ${LQ_CMAKE_ARGS:-} >/dev/null
  fi
  lq_log "building ${*:-all}"
  cmake --build "$LQ_BUILD_DIR" -- "$@"
}
