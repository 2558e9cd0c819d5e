//===- LQTrainingOps.td - lq training ops ------------------*- tablegen -*-===//
//
// Part of the lq project: Larq's quantizers as first-class MLIR.
//
//===----------------------------------------------------------------------===//
//
// Ops of Larq's training loop that are not quantizers: the Bop optimizer step
// for binary weights and the flip-ratio metric. Both are pure: their state
// (momentum; previous values, running total and count) is passed in and out
// explicitly, so a training step stays a function of tensors. Their
// semantics are Larq's (docs/Training.md, "Training ops").
//
//===----------------------------------------------------------------------===//

#ifndef LQ_DIALECT_LQ_IR_LQTRAININGOPS_TD
#define LQ_DIALECT_LQ_IR_LQTRAININGOPS_TD

include "lq/Dialect/LQ/IR/LQBase.td"
include "mlir/Interfaces/SideEffectInterfaces.td"

//===----------------------------------------------------------------------===//
// bop_update
//===----------------------------------------------------------------------===//

def LQ_BopUpdateOp : LQ_Op<"bop_update", [
    Pure, AllTypesMatch<["weights", "momentum", "gradient", "new_weights",
                         "new_momentum"]>]> {
  let summary = "one step of the Bop optimizer on binary weights";
  let description = [{
    Larq's Bop (binary optimizer) for variables of precision 1: instead of
    updating latent weights, it keeps an exponential moving average of the
    gradient and flips the sign of a weight once that average is large and
    points in the weight's direction (so that a gradient step would shrink
    it):

    ```
    new_momentum = (1 - gamma) * momentum + gamma * gradient
    flip         = |new_momentum| > threshold
                   and sign(new_momentum) == sign(weights)
    new_weights  = flip ? -weights : weights
    ```

    elementwise, with `sign(v) = v >= 0 ? +1 : -1` (`-0.0` is positive, as
    for `lq.ste_sign`); a NaN momentum never flips. The constants are
    rounded to the element type. `gamma` (default `1e-4`) must be in
    `[0, 1]` and `threshold` (default `1e-8`) non-negative, both finite.
    `weights` are normally +-1 (the result keeps their magnitude).

    Example:

    ```mlir
    %w2, %m2 = lq.bop_update %w, %m, %g {gamma = 1.0e-3, threshold = 1.0e-6}
        : tensor<64x32xf32>
    ```
  }];
  let arguments = (ins
    LQ_FloatLike:$weights,
    LQ_FloatLike:$momentum,
    LQ_FloatLike:$gradient,
    DefaultValuedOptionalAttr<F64Attr, "1.0e-4">:$gamma,
    DefaultValuedOptionalAttr<F64Attr, "1.0e-8">:$threshold);
  let results = (outs LQ_FloatLike:$new_weights, LQ_FloatLike:$new_momentum);
  let assemblyFormat = [{
    $weights `,` $momentum `,` $gradient attr-dict `:` type($weights)
  }];
  // gamma in [0, 1], threshold >= 0, both finite.
  let hasVerifier = 1;
}

//===----------------------------------------------------------------------===//
// flip_ratio
//===----------------------------------------------------------------------===//

def LQ_FlipRatioOp : LQ_Op<"flip_ratio", [
    Pure, AllTypesMatch<["previous", "new_previous"]>,
    AllTypesMatch<["total", "new_total", "ratio"]>]> {
  let summary = "Larq's flip-ratio metric, one update";
  let description = [{
    The fraction of the (quantized) values of a kernel that changed since the
    previous update, averaged over the updates, as Larq's `FlipRatio`
    metric. Its state is explicit: `previous` (the last values as int8,
    initially zeros), the running `total` (initially 0) and the update
    `count` (initially 0). One update:

    ```
    q            = int8(values)   // truncation toward zero, saturating at
                                  // -128 and 127; NaN gives 0
    flip         = 1 - (#elements with q == previous) / size(values)
    new_total    = count == 0 ? total : total + flip  // the first update
                                                      // contributes nothing
    new_count    = count + 1
    new_previous = q
    ratio        = new_count > 1 ? new_total / (new_count - 1) : 0
    ```

    `flip` and the division are computed in the type of `total` (an empty
    tensor has `flip = 0`). `values` and `previous` have the same shape.

    Example (shape (2,), updates [1, 1], [2, 2], [1, 2] give ratios 0, 1 and
    0.75):

    ```mlir
    %prev2, %total2, %count2, %ratio = lq.flip_ratio %values, %prev, %total, %count
        : tensor<2xf32>, tensor<2xi8>, f32
    ```
  }];
  let arguments = (ins
    RankedTensorOf<[LQ_Float]>:$values,
    RankedTensorOf<[I8]>:$previous,
    LQ_Float:$total,
    I64:$count);
  let results = (outs
    RankedTensorOf<[I8]>:$new_previous,
    LQ_Float:$new_total,
    I64:$new_count,
    LQ_Float:$ratio);
  let assemblyFormat = [{
    $values `,` $previous `,` $total `,` $count attr-dict `:`
    type($values) `,` type($previous) `,` type($total)
  }];
  // `values` and `previous` have compatible shapes.
  let hasVerifier = 1;
}

#endif // LQ_DIALECT_LQ_IR_LQTRAININGOPS_TD
