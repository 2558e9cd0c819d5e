//===- Naive.cpp - the obvious xor/popcount loops -------------------------===//
//
// Part of the lq project: Larq's quantizers as first-class MLIR.
//
//===----------------------------------------------------------------------===//
//
// What one writes first: one output at a time, popcount of the xor of the
// packed words. Compiled like the kernels (clang -O3 -march=<LQ_BENCH_MARCH>,
// whatever the vectorizer makes of it) with OpenMP over the output rows when
// more than one thread is asked for.
//
//===----------------------------------------------------------------------===//

#include "Baselines.h"

using namespace lqb;

void lqb::naiveBgemm(const uint64_t *a, const uint64_t *w, int32_t *out,
                     int64_t m, int64_t n, int64_t words, int64_t k,
                     int threads) {
#pragma omp parallel for num_threads(threads) if (threads > 1) schedule(static)
  for (int64_t i = 0; i < m; ++i)
    for (int64_t j = 0; j < n; ++j) {
      int64_t count = 0;
      for (int64_t x = 0; x < words; ++x)
        count += __builtin_popcountll(a[i * words + x] ^ w[j * words + x]);
      out[i * n + j] = static_cast<int32_t>(k - 2 * count);
    }
}

void lqb::naiveBconv(const uint64_t *x, const uint64_t *f, int32_t *out,
                     const ConvShape &s, int64_t padValue, int threads) {
  const int64_t words = (s.cin + 63) / 64, outH = s.outH(), outW = s.outW();
#pragma omp parallel for num_threads(threads) if (threads > 1) schedule(static)
  for (int64_t oh = 0; oh < outH; ++oh)
    for (int64_t ow = 0; ow < outW; ++ow)
      for (int64_t o = 0; o < s.cout; ++o) {
        int64_t count = 0, depth = 0;
        for (int64_t kh = 0; kh < s.kernel; ++kh)
          for (int64_t kw = 0; kw < s.kernel; ++kw) {
            int64_t ih = oh * s.stride + kh - s.pad;
            int64_t iw = ow * s.stride + kw - s.pad;
            const uint64_t *filter =
                f + ((o * s.kernel + kh) * s.kernel + kw) * words;
            bool inside = ih >= 0 && ih < s.h && iw >= 0 && iw < s.w;
            if (!inside && !padValue)
              continue;
            depth += s.cin;
            if (!inside) {
              for (int64_t c = 0; c < words; ++c)
                count += __builtin_popcountll(filter[c]);
              continue;
            }
            const uint64_t *input = x + (ih * s.w + iw) * words;
            for (int64_t c = 0; c < words; ++c)
              count += __builtin_popcountll(input[c] ^ filter[c]);
          }
        out[(oh * outW + ow) * s.cout + o] =
            static_cast<int32_t>(depth - 2 * count);
      }
}
