//===- CopyLoop.cpp - the bandwidth baseline of the quantizer benchmark ---===//
//
// Part of the lq project: Larq's quantizers as first-class MLIR.
//
//===----------------------------------------------------------------------===//
//
// A plain element-by-element copy, compiled like the kernels it is compared
// against (clang -O3 -march=<LQ_BENCH_MARCH>, see bench/quantizers/
// CMakeLists.txt) and with -fno-builtin so that clang vectorizes the loop
// instead of turning it into a call to libc's memcpy (whose non-temporal
// stores for big copies are not what the generated kernels do).
//
//===----------------------------------------------------------------------===//

#include "lq-bench/Bench.h"

#include <cstdint>

extern "C" void lqBenchCopyF32(const float *__restrict in,
                               float *__restrict out, int64_t n) {
  for (int64_t i = 0; i < n; ++i)
    out[i] = in[i];
}

/// The vector extension this file (and so the kernels: same -march) targets.
extern "C" const char *lqBenchCopyIsa() {
  return lq::bench::compiledVectorIsa();
}
