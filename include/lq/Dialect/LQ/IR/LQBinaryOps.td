//===- LQBinaryOps.td - lq bit-packed binary ops -----------*- tablegen -*-===//
//
// Part of the lq project: Larq's quantizers as first-class MLIR.
//
//===----------------------------------------------------------------------===//
//
// Inference ops on bit-packed +-1 tensors (Larq Compute Engine's conventions,
// docs/Binary.md):
//  * a +-1 value is one bit: 1 <=> -1 <=> x < 0, 0 <=> +1;
//  * the last axis (channels) is packed into i64 words, LSB first (bit i of
//    word j is channel 64*j + i), unused tail bits are 0;
//  * with groups, each group's channels are packed separately;
//  * a binary dot product over K true channels is K - 2 * popcount(a ^ w).
//
//===----------------------------------------------------------------------===//

#ifndef LQ_DIALECT_LQ_IR_LQBINARYOPS_TD
#define LQ_DIALECT_LQ_IR_LQBINARYOPS_TD

include "lq/Dialect/LQ/IR/LQBase.td"
include "mlir/Interfaces/SideEffectInterfaces.td"

/// A ranked tensor of packed words.
def LQ_PackedTensor : RankedTensorOf<[I64]>;

/// The float result of a binary op (float output kind), or the epilogue's
/// per-channel operands.
def LQ_FloatTensorOrPacked : RankedTensorOf<[F16, BF16, F32, I32, I64]>;

//===----------------------------------------------------------------------===//
// bitpack / bitunpack
//===----------------------------------------------------------------------===//

def LQ_BitpackOp : LQ_Op<"bitpack", [Pure]> {
  let summary = "pack the signs of a float tensor into i64 words";
  let description = [{
    Packs the last axis of a float tensor into i64 words: bit `i` of word `j`
    is 1 when channel `64*j + i` is negative (`x < 0`), 0 otherwise (so
    `-0.0`, `+0.0` and NaN pack to 0, i.e. +1, exactly like `lq.ste_sign`).
    Unused tail bits are 0. With `groups = G` the channels are split into `G`
    equal groups and each group is packed into `ceil(C / G / 64)` words of its
    own. The result has the operand's shape with the last dimension replaced
    by the word count.

    Example:

    ```mlir
    %p = lq.bitpack %x : tensor<1x56x56x100xf32> -> tensor<1x56x56x2xi64>
    %q = lq.bitpack %x {groups = 2} : tensor<1x8x8x64xf32> -> tensor<1x8x8x2xi64>
    ```
  }];
  let arguments = (ins RankedTensorOf<[LQ_Float]>:$input,
                       DefaultValuedOptionalAttr<I64Attr, "1">:$groups);
  let results = (outs LQ_PackedTensor:$output);
  let assemblyFormat =
      "$input attr-dict `:` type($input) `->` type($output)";
  let hasVerifier = 1;
  let hasFolder = 1;
  let hasCanonicalizer = 1;
}

def LQ_BitunpackOp : LQ_Op<"bitunpack", [Pure]> {
  let summary = "unpack i64 words into a +-1 float tensor";
  let description = [{
    The inverse of `lq.bitpack` on +-1 values: channel `c` of the result is
    `-1.0` when its bit is 1 and `+1.0` otherwise. The result's last
    dimension (static) is the true channel count; `groups` must match the
    packing.

    Example:

    ```mlir
    %x = lq.bitunpack %p : tensor<1x56x56x2xi64> -> tensor<1x56x56x100xf32>
    ```
  }];
  let arguments = (ins LQ_PackedTensor:$input,
                       DefaultValuedOptionalAttr<I64Attr, "1">:$groups);
  let results = (outs RankedTensorOf<[LQ_Float]>:$output);
  let assemblyFormat =
      "$input attr-dict `:` type($input) `->` type($output)";
  let hasVerifier = 1;
  let hasFolder = 1;
}

//===----------------------------------------------------------------------===//
// Binary convolution and matrix product
//===----------------------------------------------------------------------===//

/// Attributes and operands of the fused epilogue shared by bconv2d/bmatmul.
defvar LQ_EpilogueArgs = (ins
  Optional<RankedTensorOf<[LQ_Float]>>:$multiplier,
  Optional<RankedTensorOf<[LQ_Float]>>:$bias,
  OptionalAttr<F64Attr>:$dot_min,
  OptionalAttr<F64Attr>:$dot_max,
  OptionalAttr<F64Attr>:$output_min,
  OptionalAttr<F64Attr>:$output_max);

defvar LQ_EpilogueDescription = [{
    The result element type selects the output kind:

    * a float type: `y = clamp(clamp(dot, dot_min, dot_max) * multiplier[o]
      + bias[o], output_min, output_max)`, each step present only when its
      operand/attribute is, computed in the result element type (`dot` is
      converted exactly); this absorbs a folded batch norm, a bias and
      clamps/ReLU (`lq` canonicalization patterns fold them);
    * `i64`: bit-packed output along the channel axis (`ceil(Cout/64)` words),
      bit = `y < 0` with `y` the float epilogue above computed in the element
      type of `multiplier`/`bias` (f32 when neither is present), i.e. a
      following sign quantizer; this feeds the next binary layer directly;
    * `i32`: the raw integer dot product, no epilogue.
}];

def LQ_BConv2DOp : LQ_Op<"bconv2d", [Pure, AttrSizedOperandSegments]> {
  let summary = "binary 2-D convolution on bit-packed NHWC tensors";
  let description = !strconcat([{
    A convolution of +-1 activations with +-1 filters:
    `dot[n, oh, ow, o] = sum over in-bounds taps (kh, kw) and the group's
    input channels c of a[n, oh*sh + kh*dh - pad_top, ow*sw + kw*dw -
    pad_left, c] * w[o, kh, kw, c]`, computed as `K - 2 * popcount(a ^ w)`
    per tap over bit-packed words.

    * `input`: packed NHWC, `tensor<N x H x W x (groups * ceil(Cg/64)) x i64>`
      where `Cg = channels_in / groups` (each group packed separately);
    * `filter`: packed OHWI, `tensor<Cout x KH x KW x ceil(Cg/64) x i64>`;
      the kernel lowering re-lays it out at compile time;
    * `channels_in`: the true input channel count (tail bits never count);
    * `strides`, `dilations`: `[h, w]`; `padding`: `[top, bottom, left,
      right]`;
    * `pad_value = 0`: exact zero padding, a padded tap contributes nothing
      (Larq's default `pad_values=0`); `pad_value = 1`: padding with +1
      (Larq's `pad_values=1.0`);
    * `groups`: `channels_in` and `Cout` are split into that many groups.
  }], LQ_EpilogueDescription, [{

    Example:

    ```mlir
    %y = lq.bconv2d %a, %w multiplier(%m : tensor<64xf32>)
           bias(%b : tensor<64xf32>)
           {channels_in = 64, padding = array<i64: 1, 1, 1, 1>}
         : tensor<1x56x56x1xi64>, tensor<64x3x3x1xi64> -> tensor<1x56x56x64xf32>
    ```
  }]);
  let arguments = !con((ins LQ_PackedTensor:$input, LQ_PackedTensor:$filter),
    LQ_EpilogueArgs, (ins
    I64Attr:$channels_in,
    DefaultValuedOptionalAttr<DenseI64ArrayAttr, "{1, 1}">:$strides,
    DefaultValuedOptionalAttr<DenseI64ArrayAttr, "{1, 1}">:$dilations,
    DefaultValuedOptionalAttr<DenseI64ArrayAttr, "{0, 0, 0, 0}">:$padding,
    DefaultValuedOptionalAttr<I64Attr, "0">:$pad_value,
    DefaultValuedOptionalAttr<I64Attr, "1">:$groups));
  let results = (outs LQ_FloatTensorOrPacked:$output);
  let assemblyFormat = [{
    $input `,` $filter
    (`multiplier` `(` $multiplier^ `:` type($multiplier) `)`)?
    (`bias` `(` $bias^ `:` type($bias) `)`)?
    attr-dict `:` type($input) `,` type($filter) `->` type($output)
  }];
  let extraClassDeclaration = [{
    /// Output channels (the filter's first dimension).
    int64_t getChannelsOut();
    /// Input channels per group.
    int64_t getChannelsPerGroup() { return getChannelsIn() / getGroups(); }
  }];
  let hasVerifier = 1;
  let hasCanonicalizer = 1;
}

def LQ_BMatmulOp : LQ_Op<"bmatmul", [Pure, AttrSizedOperandSegments]> {
  let summary = "binary matrix product on bit-packed rows";
  let description = !strconcat([{
    `dot[b.., m, n] = sum_k a[b.., m, k] * w[b.., n, k]` for +-1 values,
    computed as `K - 2 * popcount(a ^ w)` over packed words. Both operands are
    packed along K (the last axis): `lhs : [B.., M, ceil(K/64)]`,
    `rhs : [B.., N, ceil(K/64)]` (the right-hand side is transposed, as a
    dense layer's kernel is stored for inference); optional leading batch
    dimensions must agree. `k` is the true depth.
  }], LQ_EpilogueDescription, [{

    Example:

    ```mlir
    %y = lq.bmatmul %a, %w {k = 1000} : tensor<8x16xi64>, tensor<10x16xi64> -> tensor<8x10xf32>
    ```
  }]);
  let arguments = !con((ins LQ_PackedTensor:$lhs, LQ_PackedTensor:$rhs),
    LQ_EpilogueArgs, (ins I64Attr:$k));
  let results = (outs LQ_FloatTensorOrPacked:$output);
  let assemblyFormat = [{
    $lhs `,` $rhs
    (`multiplier` `(` $multiplier^ `:` type($multiplier) `)`)?
    (`bias` `(` $bias^ `:` type($bias) `)`)?
    attr-dict `:` type($lhs) `,` type($rhs) `->` type($output)
  }];
  let extraClassDeclaration = [{
    /// Output columns (the right-hand side's row count).
    int64_t getColumns();
  }];
  let hasVerifier = 1;
  let hasCanonicalizer = 1;
}

//===----------------------------------------------------------------------===//
// bmaxpool2d
//===----------------------------------------------------------------------===//

def LQ_BMaxPool2DOp : LQ_Op<"bmaxpool2d", [Pure]> {
  let summary = "max pooling of bit-packed +-1 NHWC tensors";
  let description = [{
    Max pooling over `kernel = [kh, kw]` windows of a packed NHWC tensor.
    With bit 1 = -1, the maximum of a window is the bitwise AND of its words;
    padded taps (`padding = [top, bottom, left, right]`) are ignored, as
    `-inf` padding is for float max pooling. Equals
    `bitpack(maxpool(bitunpack(x)))`.

    Example:

    ```mlir
    %y = lq.bmaxpool2d %x {kernel = array<i64: 2, 2>, strides = array<i64: 2, 2>}
         : tensor<1x56x56x1xi64> -> tensor<1x28x28x1xi64>
    ```
  }];
  let arguments = (ins LQ_PackedTensor:$input,
    DenseI64ArrayAttr:$kernel,
    DefaultValuedOptionalAttr<DenseI64ArrayAttr, "{1, 1}">:$strides,
    DefaultValuedOptionalAttr<DenseI64ArrayAttr, "{0, 0, 0, 0}">:$padding);
  let results = (outs LQ_PackedTensor:$output);
  let assemblyFormat =
      "$input attr-dict `:` type($input) `->` type($output)";
  let hasVerifier = 1;
}

//===----------------------------------------------------------------------===//
// Codegen helpers
//===----------------------------------------------------------------------===//

def LQ_LaneByteSumOp : LQ_Op<"lane_byte_sum", [Pure]> {
  let summary = "sum the 8 bytes of each 64-bit lane (binary kernel helper)";
  let description = [{
    Result lane `i` is the sum of the unsigned bytes `8i .. 8i+7` of the
    operand. The binary microkernels (`convert-lq-binary-to-vector`) use it to
    widen byte popcount accumulators; `lq-lower-lane-byte-sum` lowers it to
    x86's `psadbw` against zero where the target has it, else to portable
    shifts, masks and adds.

    Example:

    ```mlir
    %s = lq.lane_byte_sum %bytes : vector<32xi8> -> vector<4xi64>
    ```
  }];
  let arguments = (ins VectorOfRankAndType<[1], [I8]>:$input);
  let results = (outs VectorOfRankAndType<[1], [I64]>:$output);
  let assemblyFormat =
      "$input attr-dict `:` type($input) `->` type($output)";
  let hasVerifier = 1;
}

#endif // LQ_DIALECT_LQ_IR_LQBINARYOPS_TD
