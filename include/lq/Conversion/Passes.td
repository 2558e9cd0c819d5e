//===- Passes.td - lq conversion passes --------------------*- tablegen -*-===//
//
// Part of the lq project: Larq's quantizers as first-class MLIR.
//
//===----------------------------------------------------------------------===//

#ifndef LQ_CONVERSION_PASSES_TD
#define LQ_CONVERSION_PASSES_TD

include "mlir/Pass/PassBase.td"

//===----------------------------------------------------------------------===//
// LQBinaryToVector
//===----------------------------------------------------------------------===//

def ConvertLQBinaryToVectorPass : Pass<"convert-lq-binary-to-vector"> {
  let summary = "Lower bmatmul/bconv2d/bitpack to register-blocked vector "
                "microkernels";
  let description = [{
    The fast lowering of the binary ops, at tensor level (before
    bufferization):

    * `lq.bmatmul` and `lq.bconv2d` (implicit GEMM: no im2col copy) become a
      register-blocked microkernel: `tile-rows` rows (output pixels) times
      `tile-vectors` vectors of output channels, one accumulator lane per
      output channel, activation words broadcast, weight words loaded from a
      panel layout chosen at compile time (constant weights are re-laid out at
      compile time), xor + `math.ctpop` + add, and the epilogue (float,
      bit-packed or raw output) fused at the end of each tile. Exact zero
      padding pads with +1 words and subtracts a per-position correction
      computed from the weights.
    * Without a native 64-bit vector popcount (AVX2, SSE), the popcount is
      taken per byte into byte accumulators, widened (`lq.lane_byte_sum`,
      psadbw on x86) every `flush-interval` steps (at most 31 so bytes
      cannot overflow).
    * `lq.bitpack` becomes a compare + `vector.bitcast` of 64 lanes of `i1`
      into each word.
    * `threads`: the row blocks become an `scf.forall` (lowered to OpenMP by
      `lq-to-llvm`).

    Shapes the kernels do not cover (dynamic spatial sizes, bit-packed output
    of groups that are not whole words, zero padding with run-time weights)
    are left for `convert-lq-to-linalg`'s straightforward lowering. The
    defaults come from the host CPU (`vector-bits`, popcount width) and from
    measurements on it (tile sizes).

    Example:

    ```mlir
    %y = lq.bmatmul %a, %w {k = 4096} : tensor<4096x64xi64>, tensor<4096x64xi64> -> tensor<4096x4096xf32>
    ```

    becomes an `scf.for` nest over 4x8 output tiles (AVX2) whose inner loop
    carries 8 `vector<32xi8>` accumulators.
  }];
  let options = [
    Option<"vectorBits", "vector-bits", "unsigned", /*default=*/"0",
           "Vector register width in bits (0: the host CPU's widest)">,
    Option<"tileRows", "tile-rows", "unsigned", /*default=*/"0",
           "Rows (output pixels) per register tile (0: chosen for the "
           "target)">,
    Option<"tileVectors", "tile-vectors", "unsigned", /*default=*/"0",
           "Vectors of output channels per register tile, a power of two "
           "(0: chosen for the target)">,
    Option<"popcount", "popcount", "std::string", /*default=*/"\"auto\"",
           "Popcount element width: i64 (native 64-bit vector popcount), i8 "
           "(byte popcount + byte accumulators) or auto (the host's)">,
    Option<"flushInterval", "flush-interval", "unsigned", /*default=*/"31",
           "K steps between byte-accumulator flushes (1..31)">,
    Option<"threads", "threads", "bool", /*default=*/"false",
           "Distribute row blocks over threads (scf.forall)">,
  ];
  let dependentDialects = [
    "::mlir::arith::ArithDialect",
    "::mlir::lq::LQDialect",
    "::mlir::math::MathDialect",
    "::mlir::scf::SCFDialect",
    "::mlir::tensor::TensorDialect",
    "::mlir::vector::VectorDialect",
  ];
}

//===----------------------------------------------------------------------===//
// LQToLinalg
//===----------------------------------------------------------------------===//

def ConvertLQToLinalgPass : Pass<"convert-lq-to-linalg"> {
  let summary = "Lower lq ops to linalg, arith and math";
  let description = [{
    Lowers every lq op to upstream ops, computing exactly what
    `QuantizerSemantics.h` (and the constant folders) compute:

    * on tensors, `linalg.generic` ops (elementwise maps, per-channel and
      whole-tensor reductions) with `arith`/`math` bodies; dynamic
      dimensions are kept;
    * on scalars and vectors, `arith`/`math` ops directly.

    An lq op the pass cannot lower is reported with an error naming it and
    the pass fails.

    Example:

    ```mlir
    %y = lq.ste_sign %x : tensor<?xf32>
    ```

    becomes a `linalg.generic` over `%x` whose body is

    ```mlir
    %neg = arith.cmpf olt, %in, %zero : f32
    %s = arith.select %neg, %minus_one, %one : f32
    ```
  }];
  let dependentDialects = [
    "::mlir::arith::ArithDialect",
    "::mlir::linalg::LinalgDialect",
    "::mlir::math::MathDialect",
    "::mlir::tensor::TensorDialect",
  ];
}

#endif // LQ_CONVERSION_PASSES_TD
