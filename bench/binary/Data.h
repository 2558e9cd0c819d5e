//===- Data.h - inputs and weights of the binary benchmark ------*- C++ -*-===//
//
// Part of the lq project: Larq's quantizers as first-class MLIR.
//
//===----------------------------------------------------------------------===//
//
// Deterministic packed data: the splitmix64 stream gen_kernels.py uses for the
// constant weights it bakes into the kernels, so that the baselines and the
// independent checks here see the same weights.
//
//===----------------------------------------------------------------------===//

#ifndef LQ_BENCH_BINARY_DATA_H
#define LQ_BENCH_BINARY_DATA_H

#include <cstdint>
#include <vector>

namespace lqb {

/// The splitmix64 stream starting at `seed` (gen_kernels.py:
/// splitmix64_words).
class SplitMix64 {
public:
  explicit SplitMix64(uint64_t seed) : state(seed) {}
  uint64_t next() {
    state += 0x9E3779B97F4A7C15ull;
    uint64_t z = state;
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
  }
  /// Uniform in [0, 1).
  double uniform() { return static_cast<double>(next() >> 11) * 0x1p-53; }

private:
  uint64_t state;
};

inline int64_t packedWords(int64_t bits) { return (bits + 63) / 64; }

/// `rows` rows of `bits` packed channels from the stream at `seed`, tail bits
/// 0 (gen_kernels.py: packed_rows), into `out` (rows * packedWords(bits)).
inline void packedRows(uint64_t seed, int64_t rows, int64_t bits,
                       uint64_t *out) {
  SplitMix64 rng(seed);
  int64_t words = packedWords(bits);
  uint64_t keep = bits % 64 ? (uint64_t(1) << (bits % 64)) - 1 : ~uint64_t(0);
  for (int64_t r = 0; r < rows; ++r)
    for (int64_t w = 0; w < words; ++w) {
      uint64_t word = rng.next();
      out[r * words + w] = w + 1 == words ? word & keep : word;
    }
}

inline std::vector<uint64_t> packedRows(uint64_t seed, int64_t rows,
                                        int64_t bits) {
  std::vector<uint64_t> out(rows * packedWords(bits));
  packedRows(seed, rows, bits, out.data());
  return out;
}

/// The +-1 value of channel `c` of a packed row (bit 1 <=> -1).
inline float unpackedValue(const uint64_t *row, int64_t c) {
  return (row[c / 64] >> (c % 64)) & 1 ? -1.0f : 1.0f;
}

} // namespace lqb

#endif // LQ_BENCH_BINARY_DATA_H
