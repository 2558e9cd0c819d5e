//===- Peak.h - the binary peak of this CPU ---------------------*- C++ -*-===//
//
// Part of the lq project: Larq's quantizers as first-class MLIR.
//
//===----------------------------------------------------------------------===//
//
// Register loops of xor + popcount + add (no memory traffic) in every form
// this CPU can run, and a dependent-add chain that measures the clock: the
// binary benchmark's "peak" is the best loop, measured in the same run as the
// kernels. Peak.cpp is compiled like the kernels (clang -O3 -march) and with
// OpenMP for the multi-threaded peak.
//
//===----------------------------------------------------------------------===//

#ifndef LQ_BENCH_BINARY_PEAK_H
#define LQ_BENCH_BINARY_PEAK_H

#include <cstdint>
#include <string>
#include <vector>

namespace lqb {

/// One register loop: `run(steps)` executes `steps` steps of `bitsPerStep`
/// binary MACs (xor + popcount + add over that many bits in total).
struct PeakLoop {
  const char *name;
  const char *what;
  double bitsPerStep;
  uint64_t (*run)(int64_t steps);
};

/// The loops this CPU can run (checked at run time: the AVX2, AVX-512BW and
/// AVX-512 VPOPCNTDQ forms only where the CPU has them).
std::vector<PeakLoop> availablePeakLoops();

/// `iterations` x kClockChainLength dependent 1-cycle integer adds (0 on
/// targets without the inline assembly: then the clock is unknown).
uint64_t clockChain(int64_t iterations);
constexpr int kClockChainLength = 100;

/// `run(steps)` on `threads` OpenMP threads at once (each does `steps`).
uint64_t runOnThreads(uint64_t (*run)(int64_t), int64_t steps, int threads);

/// Whether this binary was built with OpenMP (runOnThreads can use > 1).
bool haveOpenMP();

/// Set the OpenMP thread count of the following parallel regions (the lq
/// kernels built with threads=1 use it) and run an empty region of that many
/// threads, so that the workers are awake when a timed call starts.
void useOpenMPThreads(int threads);

/// The x86 feature flags that matter here, as "avx2 popcnt ..." (empty
/// elsewhere).
std::string cpuFeatureSummary();

/// Whether the CPU has `feature` (a __builtin_cpu_supports name; false when
/// not x86).
bool cpuHas(const char *feature);

} // namespace lqb

#endif // LQ_BENCH_BINARY_PEAK_H
