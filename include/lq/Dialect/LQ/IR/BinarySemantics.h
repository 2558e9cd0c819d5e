//===- BinarySemantics.h - bit-packing conventions in one place -*- C++ -*-===//
//
// Part of the lq project: Larq's quantizers as first-class MLIR.
//
//===----------------------------------------------------------------------===//
//
// The bit-packing rules of the binary ops (LQBinaryOps.td), in C++: the
// folders use them, the lowering mirrors them, tests compare against them.
//
//===----------------------------------------------------------------------===//

#ifndef LQ_DIALECT_LQ_IR_BINARYSEMANTICS_H
#define LQ_DIALECT_LQ_IR_BINARYSEMANTICS_H

#include "mlir/IR/BuiltinTypeInterfaces.h"
#include "mlir/Support/LLVM.h"
#include "llvm/ADT/APFloat.h"
#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/SmallVector.h"
#include "llvm/Support/CheckedArithmetic.h"

#include <cstdint>

namespace mlir::lq::binary {

/// Bits per packed word.
inline constexpr int64_t kWordBits = 64;

/// Words per group: ceil(channels / groups / 64).
inline int64_t wordsPerGroup(int64_t channels, int64_t groups) {
  int64_t perGroup = channels / groups;
  // ceil(perGroup / 64) without `perGroup + 63`, which overflows for a
  // channel count near INT64_MAX (accepted by the verifiers).
  return perGroup / kWordBits + (perGroup % kWordBits != 0);
}

/// Words for `channels` channels packed in `groups` groups.
inline int64_t packedWords(int64_t channels, int64_t groups) {
  return groups * wordsPerGroup(channels, groups);
}

/// True when `x` packs to bit 1 (it is -1 as a sign): x < 0. -0.0 and NaN
/// pack to 0.
inline bool isNegativeBit(const llvm::APFloat &x) {
  return !x.isNaN() && !x.isZero() && x.isNegative();
}

/// Output size of a sliding window along one axis (bconv2d, bmaxpool2d, and
/// what lq-binarize expects of a linalg convolution or pooling):
/// (input + padBefore + padAfter - dilation * (window - 1) - 1) / stride + 1.
/// ShapedType::kDynamic when the input or window size is dynamic; failure
/// when the window is empty, the dilated window does not fit, or a size
/// overflows.
inline FailureOr<int64_t> windowOutputSize(int64_t input, int64_t window,
                                           int64_t stride, int64_t dilation,
                                           int64_t padBefore,
                                           int64_t padAfter) {
  if (ShapedType::isDynamic(window))
    return ShapedType::kDynamic;
  // The attributes are checked even when the input size is dynamic.
  std::optional<int64_t> extent =
      llvm::checkedMulAdd<int64_t>(dilation, window - 1, 1);
  std::optional<int64_t> pads = llvm::checkedAdd<int64_t>(padBefore, padAfter);
  if (window < 1 || stride < 1 || !extent || !pads)
    return failure();
  if (ShapedType::isDynamic(input))
    return ShapedType::kDynamic;
  std::optional<int64_t> padded = llvm::checkedAdd<int64_t>(input, *pads);
  if (!padded || *padded < *extent)
    return failure();
  return (*padded - *extent) / stride + 1;
}

/// Pack rows of `channels` values (row-major, last axis = channels) into
/// `packedWords(channels, groups)` words per row.
llvm::SmallVector<uint64_t> pack(llvm::ArrayRef<llvm::APFloat> values,
                                 int64_t channels, int64_t groups);

/// Unpack rows of packed words into +-1 values of `semantics`.
llvm::SmallVector<llvm::APFloat> unpack(llvm::ArrayRef<uint64_t> words,
                                        int64_t channels, int64_t groups,
                                        const llvm::fltSemantics &semantics);

} // namespace mlir::lq::binary

#endif // LQ_DIALECT_LQ_IR_BINARYSEMANTICS_H
