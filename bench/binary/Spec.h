//===- Spec.h - the kernel table of the binary benchmark --------*- C++ -*-===//
//
// Part of the lq project: Larq's quantizers as first-class MLIR.
//
//===----------------------------------------------------------------------===//
//
// The types of the kernel table that gen_kernels.py generates (Kernels.h in
// the build directory): per shape, the `_mlir_ciface_` entry points of the lq
// kernel lowered three ways and of the float graph of the same shape.
//
//===----------------------------------------------------------------------===//

#ifndef LQ_BENCH_BINARY_SPEC_H
#define LQ_BENCH_BINARY_SPEC_H

#include <cstdint>

namespace lqb {

/// The result element type of a binary op: float epilogue (multiplier +
/// bias), bit-packed words (sign of the epilogue), or the raw dot.
enum class Out { F32, I64, I32 };

/// An `_mlir_ciface_` function taking `arity` memref descriptor pointers (the
/// last one the caller-allocated result: out-params=1).
struct KernelFn {
  void *fn;
  int arity;
  explicit operator bool() const { return fn != nullptr; }
};

/// One lq kernel lowered three ways.
struct Lowerings {
  /// lq-to-llvm (binary-kernels=fast), serial.
  KernelFn fast;
  /// lq-to-llvm{threads=1}: OpenMP over row blocks.
  KernelFn mt;
  /// lq-to-llvm{binary-kernels=reference}: the straightforward lowering.
  KernelFn ref;
};

/// lq.bmatmul: out[M, N] = K - 2 popcount(a[M, :] ^ w[N, :]).
/// Signature: (a, [w,] multiplier, bias, out); multiplier/bias are read only
/// by F32/I64 outputs.
struct GemmSpec {
  const char *sym;
  const char *title;
  bool smoke;
  int64_t m, n, k;
  /// The weights are an argument (re-laid out at run time) instead of a
  /// constant (re-laid out at compile time).
  bool weightsArg;
  Out out;
  /// splitmix64 seed of the weights (Data.h: packedRows).
  uint64_t seed;
  Lowerings lq;
  /// linalg.matmul f32 [M, K] x [K, N] through lq-to-llvm: (a, b, out).
  KernelFn f32;
};

/// lq.bconv2d, NHWC, batch 1, square kernel/stride/padding; the filter is a
/// constant. Signature: (input, multiplier, bias, out).
struct ConvSpec {
  const char *sym;
  const char *title;
  bool smoke;
  int64_t h, w, cin, cout, kernel, stride, pad;
  /// 1: padding with +1 (Larq's pad_values=1), 0: exact zero padding.
  int64_t padValue;
  Out out;
  uint64_t seed;
  Lowerings lq;
  /// tensor.pad 0.0 + linalg.conv_2d_nhwc_hwcf f32 through lq-to-llvm:
  /// (input NHWC, filter HWCF, out).
  KernelFn f32;

  int64_t outH() const { return (h + 2 * pad - kernel) / stride + 1; }
  int64_t outW() const { return (w + 2 * pad - kernel) / stride + 1; }
};

/// One kernel of the tile sweep, lowered with `options`.
struct SweepSpec {
  /// GemmSpec::sym or the ConvSpec::sym of the full set it re-lowers.
  const char *sym;
  const char *label;
  const char *options;
  KernelFn fn;
};

} // namespace lqb

#endif // LQ_BENCH_BINARY_SPEC_H
