//===- OpenBlas.cpp - the float baseline: cblas_sgemm (+ im2col) ----------===//
//
// Part of the lq project: Larq's quantizers as first-class MLIR.
//
//===----------------------------------------------------------------------===//
//
// OpenBLAS is optional (LQ_BENCH_HAVE_OPENBLAS): without it the baseline is
// reported as unavailable. Its entry points are declared here (LP64 `int`
// dimensions, CBLAS enum values) instead of including a cblas.h, which
// Debian's alternatives may point at another BLAS.
//
//===----------------------------------------------------------------------===//

#include "Baselines.h"

#include <algorithm>
#include <cstdio>
#include <cstdlib>

#if LQ_BENCH_HAVE_OPENBLAS
extern "C" {
void cblas_sgemm(int order, int transA, int transB, int m, int n, int k,
                 float alpha, const float *a, int lda, const float *b, int ldb,
                 float beta, float *c, int ldc);
void openblas_set_num_threads(int threads);
char *openblas_get_corename(void);
char *openblas_get_config(void);
}
constexpr int kRowMajor = 101, kNoTrans = 111, kTrans = 112;
#endif

using namespace lqb;

bool lqb::haveOpenBlas() { return LQ_BENCH_HAVE_OPENBLAS; }

std::string lqb::openBlasCore() {
#if LQ_BENCH_HAVE_OPENBLAS
  const char *core = openblas_get_corename();
  return core ? core : "unknown";
#else
  return "n/a";
#endif
}

std::string lqb::openBlasConfig() {
#if LQ_BENCH_HAVE_OPENBLAS
  const char *config = openblas_get_config();
  return config ? config : "unknown";
#else
  return "not linked";
#endif
}

void lqb::setOpenBlasThreads(int threads) {
#if LQ_BENCH_HAVE_OPENBLAS
  openblas_set_num_threads(threads);
#else
  (void)threads;
#endif
}

void lqb::sgemmNT(const float *a, const float *w, float *c, int64_t m,
                  int64_t n, int64_t k) {
#if LQ_BENCH_HAVE_OPENBLAS
  cblas_sgemm(kRowMajor, kNoTrans, kTrans, static_cast<int>(m),
              static_cast<int>(n), static_cast<int>(k), 1.0f, a,
              static_cast<int>(k), w, static_cast<int>(k), 0.0f, c,
              static_cast<int>(n));
#else
  (void)a, (void)w, (void)c, (void)m, (void)n, (void)k;
  std::fprintf(stderr, "error: sgemmNT without OpenBLAS\n");
  std::abort();
#endif
}

void lqb::im2col(const float *x, float *col, const ConvShape &s,
                 float padValue) {
  const int64_t outH = s.outH(), outW = s.outW();
  for (int64_t oh = 0; oh < outH; ++oh)
    for (int64_t ow = 0; ow < outW; ++ow) {
      float *row = col + (oh * outW + ow) * s.kernel * s.kernel * s.cin;
      for (int64_t kh = 0; kh < s.kernel; ++kh)
        for (int64_t kw = 0; kw < s.kernel; ++kw) {
          int64_t ih = oh * s.stride + kh - s.pad;
          int64_t iw = ow * s.stride + kw - s.pad;
          float *dst = row + (kh * s.kernel + kw) * s.cin;
          if (ih < 0 || ih >= s.h || iw < 0 || iw >= s.w)
            std::fill(dst, dst + s.cin, padValue);
          else
            std::copy(x + (ih * s.w + iw) * s.cin,
                      x + (ih * s.w + iw + 1) * s.cin, dst);
        }
    }
}
