//===- Peak.cpp - register loops of xor + popcount + add ------------------===//
//
// Part of the lq project: Larq's quantizers as first-class MLIR.
//
//===----------------------------------------------------------------------===//
//
// Compiled with the kernels' flags (clang -O3 -march=<LQ_BENCH_MARCH>) plus
// OpenMP. Every loop keeps R rows x U weight vectors of accumulators in
// registers, like the lq microkernel, and hides the weights from the
// optimizer once per step (an empty asm that "modifies" them), so that xor +
// popcount + add is executed every step instead of being hoisted. The loops
// needing a CPU feature are compiled with a target attribute and only run
// when the CPU has the feature.
//
//===----------------------------------------------------------------------===//

#include "Peak.h"

#include <cstring>

#ifdef _OPENMP
#include <omp.h>
#endif
#if defined(__x86_64__)
#include <immintrin.h>
#define LQB_X86 1
#else
#define LQB_X86 0
#endif

using namespace lqb;

namespace {

typedef uint64_t V4 __attribute__((vector_size(32)));

/// Makes `value` unknown to the optimizer at this point, without code.
template <typename T>
inline __attribute__((always_inline)) void opaque(T &value) {
#if LQB_X86 && defined(__AVX__)
  asm volatile("" : "+x"(value));
#else
  asm volatile("" : "+m"(value));
#endif
}

//===----------------------------------------------------------------------===//
// LLVM's expansion of ctpop on <4 x i64> for the kernels' -march
//===----------------------------------------------------------------------===//

/// 4 rows x 2 vectors of <4 x i64>: the AVX2 tile shape, with whatever
/// code LLVM emits for a 64-bit-lane vector popcount on this -march (on AVX2:
/// pshufb nibble lookups + psadbw every step; with VPOPCNTDQ: vpopcntq ymm).
uint64_t ctpopV4(int64_t steps) {
  V4 w0 = {0x0123456789abcdefull, 0xfedcba9876543210ull, 0x5555aaaa5555aaaaull,
           0x0f0f0f0ff0f0f0f0ull};
  V4 w1 = w0 * 3 + 1;
  V4 a[4] = {w0 * 5, w0 * 7 + 2, w0 * 11 + 3, w0 * 13 + 4};
  V4 acc[8] = {};
  for (int64_t s = 0; s < steps; ++s) {
    opaque(w0);
    opaque(w1);
    for (int r = 0; r < 4; ++r) {
      acc[2 * r] += __builtin_elementwise_popcount(a[r] ^ w0);
      acc[2 * r + 1] += __builtin_elementwise_popcount(a[r] ^ w1);
    }
  }
  V4 total = {};
  for (const V4 &x : acc)
    total += x;
  return total[0] + total[1] + total[2] + total[3];
}

#if LQB_X86
//===----------------------------------------------------------------------===//
// Byte popcount (pshufb nibble table) into byte accumulators
//===----------------------------------------------------------------------===//

/// The popcount of every nibble 0..15, twice (one per 128-bit lane).
#define LQB_NIBBLE_COUNTS                                                      \
  0, 1, 1, 2, 1, 2, 2, 3, 1, 2, 2, 3, 2, 3, 3, 4, 0, 1, 1, 2, 1, 2, 2, 3, 1,   \
      2, 2, 3, 2, 3, 3, 4

/// The byte accumulators may take 31 steps (31 x 8 < 256) before psadbw.
constexpr int64_t kFlush = 31;

/// One scalar step: count += popcount(a ^ w), in registers.
#define LQB_SCALAR_STEP(a, w, count)                                           \
  do {                                                                         \
    uint64_t x_ = (a);                                                         \
    asm("xor %2, %0\n\tpopcnt %0, %0\n\tadd %0, %1"                            \
        : "+&r"(x_), "+r"(count)                                               \
        : "r"(w));                                                             \
  } while (0)

/// 4 x 2 tile of 256-bit byte popcounts, and optionally `Scalar` 64-bit
/// popcnt steps per step on the integer pipes at the same time.
template <int Scalar>
__attribute__((target("avx2,popcnt"))) uint64_t pshufbAvx2(int64_t steps) {
  const __m256i table = _mm256_setr_epi8(LQB_NIBBLE_COUNTS);
  const __m256i low = _mm256_set1_epi8(0x0f);
  __m256i w0 = _mm256_set1_epi64x(0x0123456789abcdefll);
  __m256i w1 = _mm256_set1_epi64x(0x7edcba9876543210ll);
  __m256i a[4] = {_mm256_set1_epi64x(0x5555aaaa5555aaaall),
                  _mm256_set1_epi64x(0x0f0f0f0ff0f0f0f0ll),
                  _mm256_set1_epi64x(0x3333cccc3333ccccll),
                  _mm256_set1_epi64x(0x00ff00ffff00ff00ll)};
  __m256i total[8], acc[8];
  for (__m256i &t : total)
    t = _mm256_setzero_si256();
  uint64_t sw = 0x123456789ull, sa[4] = {1, 22, 333, 4444}, sc[4] = {};
  for (int64_t done = 0; done < steps;) {
    int64_t chunk = steps - done < kFlush ? steps - done : kFlush;
    for (__m256i &x : acc)
      x = _mm256_setzero_si256();
    for (int64_t i = 0; i < chunk; ++i) {
      opaque(w0);
      opaque(w1);
      for (int r = 0; r < 4; ++r) {
        const __m256i ws[2] = {w0, w1};
        for (int u = 0; u < 2; ++u) {
          __m256i x = _mm256_xor_si256(a[r], ws[u]);
          __m256i lo = _mm256_and_si256(x, low);
          __m256i hi = _mm256_and_si256(_mm256_srli_epi16(x, 4), low);
          acc[2 * r + u] = _mm256_add_epi8(
              acc[2 * r + u], _mm256_add_epi8(_mm256_shuffle_epi8(table, lo),
                                              _mm256_shuffle_epi8(table, hi)));
        }
      }
      if constexpr (Scalar > 0) {
        asm volatile("" : "+r"(sw));
        for (int j = 0; j < Scalar; ++j)
          LQB_SCALAR_STEP(sa[j % 4], sw, sc[j % 4]);
      }
    }
    done += chunk;
    for (int j = 0; j < 8; ++j)
      total[j] = _mm256_add_epi64(
          total[j], _mm256_sad_epu8(acc[j], _mm256_setzero_si256()));
  }
  __m256i sum = total[0];
  for (int j = 1; j < 8; ++j)
    sum = _mm256_add_epi64(sum, total[j]);
  return _mm256_extract_epi64(sum, 0) + _mm256_extract_epi64(sum, 1) +
         _mm256_extract_epi64(sum, 2) + _mm256_extract_epi64(sum, 3) + sc[0] +
         sc[1] + sc[2] + sc[3];
}

/// The same with 512-bit vectors (AVX-512BW), 4 x 4: the byte-popcount tile
/// of a 32-register machine without VPOPCNTDQ.
__attribute__((target("avx512f,avx512bw"))) uint64_t
pshufbAvx512(int64_t steps) {
  const __m512i table = _mm512_broadcast_i32x4(
      _mm_setr_epi8(0, 1, 1, 2, 1, 2, 2, 3, 1, 2, 2, 3, 2, 3, 3, 4));
  const __m512i low = _mm512_set1_epi8(0x0f);
  __m512i w[4] = {_mm512_set1_epi64(0x0123456789abcdefll),
                  _mm512_set1_epi64(0x7edcba9876543210ll),
                  _mm512_set1_epi64(0x1111222233334444ll),
                  _mm512_set1_epi64(0x5555666677778888ll)};
  __m512i a[4] = {_mm512_set1_epi64(0x5555aaaa5555aaaall),
                  _mm512_set1_epi64(0x0f0f0f0ff0f0f0f0ll),
                  _mm512_set1_epi64(0x3333cccc3333ccccll),
                  _mm512_set1_epi64(0x00ff00ffff00ff00ll)};
  __m512i total[16], acc[16];
  for (__m512i &t : total)
    t = _mm512_setzero_si512();
  for (int64_t done = 0; done < steps;) {
    int64_t chunk = steps - done < kFlush ? steps - done : kFlush;
    for (__m512i &x : acc)
      x = _mm512_setzero_si512();
    for (int64_t i = 0; i < chunk; ++i) {
      for (__m512i &x : w)
        asm volatile("" : "+v"(x));
      for (int r = 0; r < 4; ++r)
        for (int u = 0; u < 4; ++u) {
          __m512i x = _mm512_xor_si512(a[r], w[u]);
          __m512i lo = _mm512_and_si512(x, low);
          __m512i hi = _mm512_and_si512(_mm512_srli_epi16(x, 4), low);
          acc[4 * r + u] = _mm512_add_epi8(
              acc[4 * r + u], _mm512_add_epi8(_mm512_shuffle_epi8(table, lo),
                                              _mm512_shuffle_epi8(table, hi)));
        }
    }
    done += chunk;
    for (int j = 0; j < 16; ++j)
      total[j] = _mm512_add_epi64(
          total[j], _mm512_sad_epu8(acc[j], _mm512_setzero_si512()));
  }
  __m512i sum = total[0];
  for (int j = 1; j < 16; ++j)
    sum = _mm512_add_epi64(sum, total[j]);
  return _mm512_reduce_add_epi64(sum);
}

/// Native 64-bit vector popcount (AVX-512 VPOPCNTDQ), 4 x 4 tile of zmm.
__attribute__((target("avx512f,avx512vpopcntdq"))) uint64_t
vpopcntqAvx512(int64_t steps) {
  __m512i w[4] = {_mm512_set1_epi64(0x0123456789abcdefll),
                  _mm512_set1_epi64(0x7edcba9876543210ll),
                  _mm512_set1_epi64(0x1111222233334444ll),
                  _mm512_set1_epi64(0x5555666677778888ll)};
  __m512i a[4] = {_mm512_set1_epi64(0x5555aaaa5555aaaall),
                  _mm512_set1_epi64(0x0f0f0f0ff0f0f0f0ll),
                  _mm512_set1_epi64(0x3333cccc3333ccccll),
                  _mm512_set1_epi64(0x00ff00ffff00ff00ll)};
  __m512i acc[16];
  for (__m512i &x : acc)
    x = _mm512_setzero_si512();
  for (int64_t s = 0; s < steps; ++s) {
    for (__m512i &x : w)
      asm volatile("" : "+v"(x));
    for (int r = 0; r < 4; ++r)
      for (int u = 0; u < 4; ++u)
        acc[4 * r + u] = _mm512_add_epi64(
            acc[4 * r + u], _mm512_popcnt_epi64(_mm512_xor_si512(a[r], w[u])));
  }
  __m512i sum = acc[0];
  for (int j = 1; j < 16; ++j)
    sum = _mm512_add_epi64(sum, acc[j]);
  return _mm512_reduce_add_epi64(sum);
}

/// 8 independent scalar popcnt chains (4 rows x 2 weight words).
__attribute__((target("popcnt"))) uint64_t scalarPopcnt(int64_t steps) {
  uint64_t w0 = 0x0123456789abcdefull, w1 = 0x7edcba9876543210ull;
  uint64_t a[4] = {0x5555aaaa5555aaaaull, 0x0f0f0f0ff0f0f0f0ull,
                   0x3333cccc3333ccccull, 0x00ff00ffff00ff00ull};
  uint64_t c[8] = {};
  for (int64_t s = 0; s < steps; ++s) {
    asm volatile("" : "+r"(w0), "+r"(w1));
    for (int r = 0; r < 4; ++r) {
      LQB_SCALAR_STEP(a[r], w0, c[2 * r]);
      LQB_SCALAR_STEP(a[r], w1, c[2 * r + 1]);
    }
  }
  uint64_t total = 0;
  for (uint64_t x : c)
    total += x;
  return total;
}
#endif // LQB_X86

} // namespace

bool lqb::cpuHas(const char *feature) {
#if LQB_X86
  // __builtin_cpu_supports needs a literal.
  if (!std::strcmp(feature, "avx2"))
    return __builtin_cpu_supports("avx2");
  if (!std::strcmp(feature, "popcnt"))
    return __builtin_cpu_supports("popcnt");
  if (!std::strcmp(feature, "avx512f"))
    return __builtin_cpu_supports("avx512f");
  if (!std::strcmp(feature, "avx512bw"))
    return __builtin_cpu_supports("avx512bw");
  if (!std::strcmp(feature, "avx512vpopcntdq"))
    return __builtin_cpu_supports("avx512vpopcntdq");
#endif
  (void)feature;
  return false;
}

std::string lqb::cpuFeatureSummary() {
  std::string summary;
  for (const char *feature :
       {"popcnt", "avx2", "avx512f", "avx512bw", "avx512vpopcntdq"}) {
    if (!cpuHas(feature))
      continue;
    summary += summary.empty() ? "" : " ";
    summary += feature;
  }
  return summary.empty() ? "none of popcnt/avx2/avx512*" : summary;
}

std::vector<PeakLoop> lqb::availablePeakLoops() {
  std::vector<PeakLoop> loops;
  loops.push_back({"ctpop-v4i64", "LLVM's ctpop <4 x i64> for this -march, 4x2",
                   8 * 256, ctpopV4});
#if LQB_X86
  if (cpuHas("avx2") && cpuHas("popcnt")) {
    loops.push_back({"pshufb-ymm",
                     "byte popcount (pshufb) + psadbw/31 steps, ymm 4x2",
                     8 * 256, pshufbAvx2<0>});
    loops.push_back({"pshufb-ymm+popcnt",
                     "pshufb-ymm plus 4 scalar popcnt per step",
                     8 * 256 + 4 * 64, pshufbAvx2<4>});
  }
  if (cpuHas("popcnt"))
    loops.push_back(
        {"popcnt-scalar", "scalar popcnt r64, 8 chains", 8 * 64, scalarPopcnt});
  if (cpuHas("avx512bw"))
    loops.push_back({"pshufb-zmm",
                     "byte popcount (pshufb) + psadbw/31 steps, zmm 4x4",
                     16 * 512, pshufbAvx512});
  if (cpuHas("avx512vpopcntdq"))
    loops.push_back({"vpopcntq-zmm", "vpopcntq <8 x i64>, zmm 4x4", 16 * 512,
                     vpopcntqAvx512});
#endif
  return loops;
}

uint64_t lqb::clockChain(int64_t iterations) {
#if LQB_X86
  uint64_t x = 0, one = 1;
  for (int64_t i = 0; i < iterations; ++i) {
#define LQB_ADD10                                                              \
  "add %1, %0\n\tadd %1, %0\n\tadd %1, %0\n\tadd %1, %0\n\tadd %1, %0\n\t"     \
  "add %1, %0\n\tadd %1, %0\n\tadd %1, %0\n\tadd %1, %0\n\tadd %1, %0\n\t"
    // kClockChainLength dependent register adds (1 cycle each; register,
    // not immediate, operands: no rename-time folding).
    asm volatile(LQB_ADD10 LQB_ADD10 LQB_ADD10 LQB_ADD10 LQB_ADD10 LQB_ADD10
                     LQB_ADD10 LQB_ADD10 LQB_ADD10 LQB_ADD10
                 : "+r"(x)
                 : "r"(one));
#undef LQB_ADD10
  }
  return x;
#else
  (void)iterations;
  return 0;
#endif
}

uint64_t lqb::runOnThreads(uint64_t (*run)(int64_t), int64_t steps,
                           int threads) {
  uint64_t total = 0;
#ifdef _OPENMP
#pragma omp parallel num_threads(threads) reduction(+ : total)
  total += run(steps);
#else
  for (int t = 0; t < threads; ++t)
    total += run(steps);
#endif
  return total;
}

void lqb::useOpenMPThreads(int threads) {
#ifdef _OPENMP
  omp_set_num_threads(threads);
#pragma omp parallel
  {
    asm volatile("");
  }
#else
  (void)threads;
#endif
}

bool lqb::haveOpenMP() {
#ifdef _OPENMP
  return true;
#else
  return false;
#endif
}
