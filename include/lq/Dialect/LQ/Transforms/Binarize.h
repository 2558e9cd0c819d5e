//===- Binarize.h - sign-quantized conv/matmul -> binary ops ----*- C++ -*-===//
//
// Part of the lq project: Larq's quantizers as first-class MLIR.
//
//===----------------------------------------------------------------------===//

#ifndef LQ_DIALECT_LQ_TRANSFORMS_BINARIZE_H
#define LQ_DIALECT_LQ_TRANSFORMS_BINARIZE_H

namespace mlir {
class RewritePatternSet;

namespace lq {

/// Which rewrites populateLQBinarizePatterns adds.
struct BinarizePatternOptions {
  bool convolutions = true;
  bool matmuls = true;
  bool maxPooling = true;
};

/// The rewrites of `lq-binarize` (without its remarks and canonicalization):
/// sign-quantized convolutions / matrix products to lq.bitpack +
/// lq.bconv2d / lq.bmatmul, and sign(maxpool) to lq.bmaxpool2d. Combine with
/// the lq ops' canonicalization patterns for epilogue fusion.
void populateLQBinarizePatterns(RewritePatternSet &patterns,
                                const BinarizePatternOptions &options = {});

} // namespace lq
} // namespace mlir

#endif // LQ_DIALECT_LQ_TRANSFORMS_BINARIZE_H
