//===- Baselines.h - what the binary kernels are compared with --*- C++ -*-===//
//
// Part of the lq project: Larq's quantizers as first-class MLIR.
//
//===----------------------------------------------------------------------===//
//
//  * Naive.cpp: the obvious C++ xor/popcount loops over the packed operands
//    (clang -O3 -march=<LQ_BENCH_MARCH>, OpenMP over rows for > 1 thread),
//    also the independent check of the lq kernels' raw dot products;
//  * OpenBlas.cpp: cblas_sgemm on +-1 floats, im2col for convolutions.
//
//===----------------------------------------------------------------------===//

#ifndef LQ_BENCH_BINARY_BASELINES_H
#define LQ_BENCH_BINARY_BASELINES_H

#include <cstdint>
#include <string>

namespace lqb {

/// A convolution's geometry (NHWC, batch 1, square kernel/stride/padding).
struct ConvShape {
  int64_t h, w, cin, cout, kernel, stride, pad;
  int64_t outH() const { return (h + 2 * pad - kernel) / stride + 1; }
  int64_t outW() const { return (w + 2 * pad - kernel) / stride + 1; }
};

//===----------------------------------------------------------------------===//
// Naive.cpp
//===----------------------------------------------------------------------===//

/// out[m][n] = k - 2 popcount(a[m] ^ w[n]) over `words` words per row.
void naiveBgemm(const uint64_t *a, const uint64_t *w, int32_t *out, int64_t m,
                int64_t n, int64_t words, int64_t k, int threads);

/// The raw binary convolution dot of packed NHWC `x` and packed OHWI `f`
/// into out[oh][ow][cout]. `padValue` 1: a padded tap is +1 (a zero word);
/// 0: a padded tap contributes nothing (and its channels do not count in K).
void naiveBconv(const uint64_t *x, const uint64_t *f, int32_t *out,
                const ConvShape &shape, int64_t padValue, int threads);

//===----------------------------------------------------------------------===//
// OpenBlas.cpp
//===----------------------------------------------------------------------===//

/// Whether the benchmark is linked with OpenBLAS.
bool haveOpenBlas();
/// OpenBLAS's kernel family for this CPU ("Haswell", "SkylakeX", ...), and
/// its build configuration.
std::string openBlasCore();
std::string openBlasConfig();
void setOpenBlasThreads(int threads);

/// c[m][n] = sum_k a[m][k] * w[n][k] (row-major, w transposed): cblas_sgemm.
void sgemmNT(const float *a, const float *w, float *c, int64_t m, int64_t n,
             int64_t k);

/// The im2col matrix [outH * outW][kernel * kernel * cin] of the NHWC input
/// `x` (padding value `padValue`), column order (kh, kw, c) like an OHWI
/// filter row.
void im2col(const float *x, float *col, const ConvShape &shape, float padValue);

} // namespace lqb

#endif // LQ_BENCH_BINARY_BASELINES_H
