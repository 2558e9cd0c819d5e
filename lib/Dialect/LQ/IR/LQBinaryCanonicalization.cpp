//===- LQBinaryCanonicalization.cpp - epilogue absorption -------*- C++ -*-===//
//
// Part of the lq project: Larq's quantizers as first-class MLIR.
//
//===----------------------------------------------------------------------===//
//
// Canonicalization patterns of the binary ops. Each one is exact: the result
// is bit for bit what the float ops it replaces computed.
//
//  * bitpack(bitunpack(p)) -> p;  bitpack(sign(x)) -> bitpack(x).
//  * A float-output bconv2d/bmatmul with one use absorbs what follows it:
//      - a per-channel multiply when it has no multiplier, bias or output
//        clamp yet (y = dot * m is then exactly the float op);
//      - a per-channel add/subtract of a constant when it has no bias or
//        output clamp yet (y = dot * m + b, the float ops' order);
//      - a clamp/ReLU with uniform bounds: into the output clamp (clamps
//        compose exactly when their intervals overlap); a clamp before any
//        multiplier/bias becomes the dot clamp when an affine step follows;
//      - a sign quantizer (or a bitpack): bit-packed output, bit = y < 0.
//    A step that cannot be absorbed exactly (a second multiply, a multiply
//    after a bias, a division, ...) stays a separate op.
//
// The float forms recognized: linalg.generic with a single arith op in its
// body, linalg named elementwise ops, arith ops on tensors, and TOSA
// mul/add/sub/maximum/minimum/clamp; the constant may be per channel (any
// shape that broadcasts along the channel axis), uniform, or a scalar.
//
//===----------------------------------------------------------------------===//

#include "lq/Dialect/LQ/IR/BinarySemantics.h"
#include "lq/Dialect/LQ/IR/LQOps.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Linalg/IR/Linalg.h"
#include "mlir/Dialect/Tensor/IR/Tensor.h"
#include "mlir/Dialect/Tosa/IR/TosaOps.h"
#include "mlir/IR/Matchers.h"
#include "mlir/IR/PatternMatch.h"

using namespace mlir;
using namespace mlir::lq;
using llvm::APFloat;

//===----------------------------------------------------------------------===//
// Recognizing per-channel elementwise steps
//===----------------------------------------------------------------------===//

namespace {
/// One elementwise step `y = y <op> c[channel]` following a binary op.
struct ElementwiseStep {
  enum class Kind { Mul, Add, Max, Min };
  Kind kind;
  /// One value per output channel.
  SmallVector<APFloat> values;
  /// Max/min: whether a NaN operand gives NaN (maximumf) rather than the
  /// other operand (maxnumf).
  bool propagatesNaN = true;
};
} // namespace

/// Per-channel values of a constant `attr` broadcast (numpy style, right
/// aligned) to a result whose last axis has `channels` entries; std::nullopt
/// unless the constant is uniform along every other axis.
static std::optional<SmallVector<APFloat>>
perChannelValues(DenseFPElementsAttr attr, int64_t channels) {
  // One value per channel is held: no absorption into an absurdly wide
  // epilogue (nor a SmallVector that cannot grow).
  constexpr int64_t kMaxChannels = int64_t(1) << 24;
  ArrayRef<int64_t> shape = attr.getType().getShape();
  int64_t last = shape.empty() ? 1 : shape.back();
  if ((last != 1 && last != channels) || channels > kMaxChannels ||
      attr.empty())
    return std::nullopt;
  if (attr.isSplat())
    return SmallVector<APFloat>(channels, attr.getSplatValue<APFloat>());
  // Compare lazily: the constant may be much larger than one channel row.
  auto it = attr.value_begin<APFloat>();
  SmallVector<APFloat> values;
  for (int64_t i = 0; i < last; ++i, ++it)
    values.push_back(*it);
  for (int64_t i = last, e = attr.getNumElements(); i < e; ++i, ++it)
    if (!(*it).bitwiseIsEqual(values[i % last]))
      return std::nullopt;
  if (last == 1)
    values.assign(channels, values.front());
  return values;
}

/// Per-channel values of `value` when it is a float constant (tensor or
/// scalar) broadcast along the channel axis.
static std::optional<SmallVector<APFloat>>
perChannelConstant(Value value, int64_t channels) {
  Attribute attr;
  if (!matchPattern(value, m_Constant(&attr)))
    return std::nullopt;
  if (auto scalar = dyn_cast<FloatAttr>(attr))
    return SmallVector<APFloat>(channels, scalar.getValue());
  if (auto dense = dyn_cast<DenseFPElementsAttr>(attr))
    return perChannelValues(dense, channels);
  return std::nullopt;
}

/// The step kind of an arith op with `product` as the left (or, when
/// commutative, either) operand; std::nullopt for anything else.
static std::optional<ElementwiseStep>
stepOfArith(Operation *op, Value product,
            function_ref<std::optional<SmallVector<APFloat>>(Value)> constant) {
  if (op->getNumOperands() != 2 || op->getNumResults() != 1)
    return std::nullopt;
  Value lhs = op->getOperand(0), rhs = op->getOperand(1);
  bool productLeft = lhs == product;
  if (!productLeft && rhs != product)
    return std::nullopt;
  Value other = productLeft ? rhs : lhs;
  std::optional<SmallVector<APFloat>> values = constant(other);
  if (!values)
    return std::nullopt;
  using Kind = ElementwiseStep::Kind;
  ElementwiseStep step{Kind::Mul, *values};
  if (isa<arith::MulFOp>(op))
    step.kind = Kind::Mul;
  else if (isa<arith::AddFOp>(op))
    step.kind = Kind::Add;
  else if (isa<arith::SubFOp>(op) && productLeft) {
    // y - c == y + (-c) exactly.
    step.kind = Kind::Add;
    for (APFloat &v : step.values)
      v.changeSign();
  } else if (isa<arith::MaximumFOp, arith::MaxNumFOp>(op)) {
    step.kind = Kind::Max;
    step.propagatesNaN = isa<arith::MaximumFOp>(op);
  } else if (isa<arith::MinimumFOp, arith::MinNumFOp>(op)) {
    step.kind = Kind::Min;
    step.propagatesNaN = isa<arith::MinimumFOp>(op);
  } else {
    return std::nullopt;
  }
  return step;
}

/// A linalg.generic whose body is a chain of arith steps on the product
/// (identity map), each with a constant (an input with a channel, identity or
/// scalar map, or a scalar constant in or above the body): e.g. a batch norm
/// and ReLU that elementwise fusion merged into one generic. Empty when the
/// body is anything else.
static SmallVector<ElementwiseStep>
stepsOfGeneric(linalg::GenericOp generic, Value product, int64_t channels) {
  if (generic.getNumDpsInits() != 1 || generic.getNumResults() != 1 ||
      generic.getNumParallelLoops() != generic.getNumLoops() ||
      !generic.getIndexingMapsArray().back().isIdentity())
    return {};
  Block &body = generic.getRegion().front();
  Value productArg;
  MLIRContext *ctx = generic.getContext();
  int64_t rank = generic.getNumLoops();
  AffineMap channelMap =
      AffineMap::get(rank, 0, {getAffineDimExpr(rank - 1, ctx)}, ctx);
  DenseMap<Value, SmallVector<APFloat>> constantArgs;
  for (OpOperand *input : generic.getDpsInputOperands()) {
    AffineMap map = generic.getMatchingIndexingMap(input);
    Value arg = body.getArgument(input->getOperandNumber());
    if (input->get() == product && map.isIdentity()) {
      if (productArg)
        return {};
      productArg = arg;
      continue;
    }
    std::optional<SmallVector<APFloat>> values;
    if (map.isIdentity() || map == channelMap || map.getNumResults() == 0)
      values = perChannelConstant(input->get(), channels);
    if (!values)
      return {};
    constantArgs[arg] = *values;
  }
  if (!productArg)
    return {};
  auto constant = [&](Value v) -> std::optional<SmallVector<APFloat>> {
    auto it = constantArgs.find(v);
    if (it != constantArgs.end())
      return it->second;
    return perChannelConstant(v, channels);
  };

  // The body: constants, then ops each applying one step to the running
  // value (which nothing else may use), then the yield of the last one.
  SmallVector<ElementwiseStep> steps;
  Value running = productArg;
  for (Operation &op : body.without_terminator()) {
    if (isa<arith::ConstantOp>(op))
      continue;
    if (!running.hasOneUse())
      return {};
    std::optional<ElementwiseStep> step = stepOfArith(&op, running, constant);
    if (!step)
      return {};
    steps.push_back(std::move(*step));
    running = op.getResult(0);
  }
  auto yield = cast<linalg::YieldOp>(body.getTerminator());
  if (steps.empty() || yield.getNumOperands() != 1 ||
      yield.getOperand(0) != running)
    return {};
  return steps;
}

/// The elementwise steps `user` applies to `product` (a clamp is two, a
/// fused generic any number).
static SmallVector<ElementwiseStep> stepsOf(Operation *user, Value product,
                                            int64_t channels) {
  using Kind = ElementwiseStep::Kind;
  auto constant = [&](Value v) { return perChannelConstant(v, channels); };
  if (auto generic = dyn_cast<linalg::GenericOp>(user))
    return stepsOfGeneric(generic, product, channels);
  // Named linalg elementwise ops: same-shaped operands.
  if (isa<linalg::MulOp, linalg::AddOp, linalg::SubOp, linalg::MaxOp,
          linalg::MinOp>(user)) {
    auto named = cast<linalg::LinalgOp>(user);
    if (named.getNumDpsInputs() != 2 || named->getNumResults() != 1)
      return {};
    Value lhs = named.getDpsInputs()[0], rhs = named.getDpsInputs()[1];
    bool productLeft = lhs == product;
    std::optional<SmallVector<APFloat>> values =
        constant(productLeft ? rhs : lhs);
    if (!values || (!productLeft && rhs != product))
      return {};
    ElementwiseStep step{Kind::Mul, *values};
    if (isa<linalg::AddOp>(user))
      step.kind = Kind::Add;
    else if (isa<linalg::SubOp>(user)) {
      if (!productLeft)
        return {};
      step.kind = Kind::Add;
      for (APFloat &v : step.values)
        v.changeSign();
    } else if (isa<linalg::MaxOp>(user))
      step.kind = Kind::Max;
    else if (isa<linalg::MinOp>(user))
      step.kind = Kind::Min;
    return {step};
  }
  // Arith ops on tensors.
  if (user->getDialect() && isa<arith::ArithDialect>(user->getDialect())) {
    if (auto step = stepOfArith(user, product, constant))
      return {*step};
    return {};
  }
  // TOSA.
  if (auto mul = dyn_cast<tosa::MulOp>(user)) {
    APInt shift;
    if (!matchPattern(mul.getShift(), m_ConstantInt(&shift)) || !shift.isZero())
      return {};
    Value other =
        mul.getInput1() == product ? mul.getInput2() : mul.getInput1();
    if (auto values = constant(other))
      return {ElementwiseStep{Kind::Mul, *values}};
    return {};
  }
  if (auto add = dyn_cast<tosa::AddOp>(user)) {
    Value other =
        add.getInput1() == product ? add.getInput2() : add.getInput1();
    if (auto values = constant(other))
      return {ElementwiseStep{Kind::Add, *values}};
    return {};
  }
  if (auto sub = dyn_cast<tosa::SubOp>(user)) {
    if (sub.getInput1() != product)
      return {};
    auto values = constant(sub.getInput2());
    if (!values)
      return {};
    for (APFloat &v : *values)
      v.changeSign();
    return {ElementwiseStep{Kind::Add, *values}};
  }
  auto nanPropagates = [](tosa::NanPropagationMode mode) {
    return mode == tosa::NanPropagationMode::PROPAGATE;
  };
  if (auto max = dyn_cast<tosa::MaximumOp>(user)) {
    Value other =
        max.getInput1() == product ? max.getInput2() : max.getInput1();
    if (auto values = constant(other))
      return {
          ElementwiseStep{Kind::Max, *values, nanPropagates(max.getNanMode())}};
    return {};
  }
  if (auto min = dyn_cast<tosa::MinimumOp>(user)) {
    Value other =
        min.getInput1() == product ? min.getInput2() : min.getInput1();
    if (auto values = constant(other))
      return {
          ElementwiseStep{Kind::Min, *values, nanPropagates(min.getNanMode())}};
    return {};
  }
  if (auto clamp = dyn_cast<tosa::ClampOp>(user)) {
    auto lo = dyn_cast<FloatAttr>(clamp.getMinValAttr());
    auto hi = dyn_cast<FloatAttr>(clamp.getMaxValAttr());
    if (!lo || !hi)
      return {};
    bool propagates = nanPropagates(clamp.getNanMode());
    return {ElementwiseStep{Kind::Max,
                            SmallVector<APFloat>(channels, lo.getValue()),
                            propagates},
            ElementwiseStep{Kind::Min,
                            SmallVector<APFloat>(channels, hi.getValue()),
                            propagates}};
  }
  return {};
}

//===----------------------------------------------------------------------===//
// The epilogue of bconv2d / bmatmul
//===----------------------------------------------------------------------===//

namespace {
/// The fused epilogue of a binary product, as values and attributes, plus
/// the multiplier/bias constants absorbed steps add (created only once every
/// step is absorbed: a pattern that fails must not have changed the IR).
struct Epilogue {
  Value multiplier, bias;
  FloatAttr dotMin, dotMax, outputMin, outputMax;
  std::optional<SmallVector<APFloat>> newMultiplier, newBias;

  bool hasMultiplier() const { return multiplier || newMultiplier; }
  bool hasBias() const { return bias || newBias; }
};
} // namespace

template <typename OpTy>
static Epilogue getEpilogue(OpTy op) {
  return {op.getMultiplier(), op.getBias(),          op.getDotMinAttr(),
          op.getDotMaxAttr(), op.getOutputMinAttr(), op.getOutputMaxAttr()};
}

/// A copy of `op` with epilogue `epilogue` and result type `resultType`.
template <typename OpTy>
static OpTy rebuild(PatternRewriter &rewriter, OpTy op, Type resultType,
                    const Epilogue &epilogue) {
  typename OpTy::Properties properties = op.getProperties();
  properties.dot_min = epilogue.dotMin;
  properties.dot_max = epilogue.dotMax;
  properties.output_min = epilogue.outputMin;
  properties.output_max = epilogue.outputMax;
  SmallVector<Value> operands = {op->getOperand(0), op->getOperand(1)};
  if (epilogue.multiplier)
    operands.push_back(epilogue.multiplier);
  if (epilogue.bias)
    operands.push_back(epilogue.bias);
  properties.operandSegmentSizes = {1, 1, epilogue.multiplier ? 1 : 0,
                                    epilogue.bias ? 1 : 0};
  return OpTy::create(rewriter, op.getLoc(), TypeRange{resultType}, operands,
                      properties);
}

/// Every value of a multiplier/bias constant is finite (so y is never NaN).
static bool isFiniteConstant(Value value) {
  if (!value)
    return true;
  DenseFPElementsAttr attr;
  if (!matchPattern(value, m_Constant(&attr)))
    return false;
  return llvm::all_of(attr.getValues<APFloat>(),
                      [](const APFloat &v) { return v.isFinite(); });
}

/// The uniform value of a step, if all channels agree.
static std::optional<APFloat> uniformValue(const ElementwiseStep &step) {
  // No channel (a zero-sized output): no value to take.
  if (step.values.empty())
    return std::nullopt;
  for (const APFloat &v : step.values)
    if (!v.bitwiseIsEqual(step.values.front()))
      return std::nullopt;
  return step.values.front();
}

/// Absorb `step` into `epilogue` (float output of element type `type`, which
/// the step's constants must be in). Returns false when that is not exact.
static bool absorb(Epilogue &epilogue, const ElementwiseStep &step,
                   FloatType type) {
  using Kind = ElementwiseStep::Kind;
  // The constants must already be of the result type (no hidden rounding).
  for (const APFloat &v : step.values)
    if (&v.getSemantics() != &type.getFloatSemantics())
      return false;

  if (step.kind == Kind::Max || step.kind == Kind::Min) {
    std::optional<APFloat> bound = uniformValue(step);
    if (!bound || bound->isNaN())
      return false;
    // maxnum/minnum only agree with a NaN-propagating clamp if y cannot be
    // NaN: a finite affine step of an integer never is.
    auto allFinite = [](const std::optional<SmallVector<APFloat>> &values) {
      return !values || llvm::all_of(*values, [](const APFloat &v) {
        return v.isFinite();
      });
    };
    if (!step.propagatesNaN &&
        (!isFiniteConstant(epilogue.multiplier) ||
         !isFiniteConstant(epilogue.bias) ||
         !allFinite(epilogue.newMultiplier) || !allFinite(epilogue.newBias)))
      return false;
    FloatAttr lo = epilogue.outputMin, hi = epilogue.outputMax;
    auto attr = FloatAttr::get(Float64Type::get(type.getContext()),
                               bound->convertToDouble());
    // An f64 attribute holds any f16/bf16/f32 bound exactly. Bounds are
    // ordered as maximumf/minimumf order them: -0.0 < +0.0.
    auto less = [](FloatAttr a, FloatAttr b) {
      APFloat x = a.getValue(), y = b.getValue();
      if (x.isZero() && y.isZero())
        return x.isNegative() && !y.isNegative();
      return x.compare(y) == APFloat::cmpLessThan;
    };
    if (step.kind == Kind::Max)
      lo = (!lo || less(lo, attr)) ? attr : lo;
    else
      hi = (!hi || less(attr, hi)) ? attr : hi;
    if (lo && hi && less(hi, lo))
      return false;
    epilogue.outputMin = lo;
    epilogue.outputMax = hi;
    return true;
  }

  // An affine step: an output clamp that precedes it must stay before it;
  // with no affine step yet, y is the dot itself and the clamp moves to it.
  if (epilogue.outputMin || epilogue.outputMax) {
    if (epilogue.hasMultiplier() || epilogue.hasBias() || epilogue.dotMin ||
        epilogue.dotMax)
      return false;
    epilogue.dotMin = epilogue.outputMin;
    epilogue.dotMax = epilogue.outputMax;
    epilogue.outputMin = epilogue.outputMax = nullptr;
  }
  if (step.kind == Kind::Mul) {
    if (epilogue.hasMultiplier() || epilogue.hasBias())
      return false;
    epilogue.newMultiplier = step.values;
    return true;
  }
  if (epilogue.hasBias())
    return false;
  epilogue.newBias = step.values;
  return true;
}

/// Creates the constants of the multiplier/bias that absorbed steps added.
static void materialize(OpBuilder &builder, Location loc, Epilogue &epilogue,
                        FloatType type) {
  auto constantTensor = [&](ArrayRef<APFloat> values) -> Value {
    auto tensorType =
        RankedTensorType::get({static_cast<int64_t>(values.size())}, type);
    return arith::ConstantOp::create(
        builder, loc, DenseElementsAttr::get(tensorType, values));
  };
  if (epilogue.newMultiplier)
    epilogue.multiplier = constantTensor(*epilogue.newMultiplier);
  if (epilogue.newBias)
    epilogue.bias = constantTensor(*epilogue.newBias);
}

namespace {
/// A float-output binary product absorbs the exact elementwise steps of its
/// single user.
template <typename OpTy>
struct AbsorbEpilogueStep : OpRewritePattern<OpTy> {
  using OpRewritePattern<OpTy>::OpRewritePattern;

  LogicalResult matchAndRewrite(OpTy op,
                                PatternRewriter &rewriter) const override {
    RankedTensorType type = op.getOutput().getType();
    auto elementType = dyn_cast<FloatType>(type.getElementType());
    if (!elementType || !op->hasOneUse())
      return rewriter.notifyMatchFailure(op, "not a single-use float output");
    Operation *user = *op->getUsers().begin();
    if (user->getNumResults() != 1 || user->getResult(0).getType() != type)
      return rewriter.notifyMatchFailure(op, "user changes the type");
    // The steps hold one value per channel: the count must be static.
    int64_t channels = type.getShape().back();
    if (ShapedType::isDynamic(channels))
      return rewriter.notifyMatchFailure(op, "dynamic channel count");
    SmallVector<ElementwiseStep> steps =
        stepsOf(user, op.getOutput(), channels);
    if (steps.empty())
      return rewriter.notifyMatchFailure(op, "user is no elementwise step");
    Epilogue epilogue = getEpilogue(op);
    for (const ElementwiseStep &step : steps)
      if (!absorb(epilogue, step, elementType))
        return rewriter.notifyMatchFailure(op, "step cannot be absorbed");
    rewriter.setInsertionPoint(op);
    materialize(rewriter, op.getLoc(), epilogue, elementType);
    OpTy fused = rebuild(rewriter, op, type, epilogue);
    rewriter.replaceOp(user, fused.getOutput());
    rewriter.eraseOp(op);
    return success();
  }
};

/// The bit-packed result type of a float-output product.
static RankedTensorType packedResultType(RankedTensorType floatType) {
  SmallVector<int64_t> shape(floatType.getShape());
  shape.back() = binary::packedWords(shape.back(), 1);
  return RankedTensorType::get(shape,
                               IntegerType::get(floatType.getContext(), 64));
}

/// Whether a float-output product can switch to bit-packed output: its
/// epilogue type (multiplier/bias, else f32) then decides `y < 0`, which must
/// equal what the float output decided.
template <typename OpTy>
static bool canPackOutput(OpTy op) {
  RankedTensorType type = op.getOutput().getType();
  Type elementType = type.getElementType();
  // packedResultType needs a static channel count.
  if (!isa<FloatType>(elementType) ||
      ShapedType::isDynamic(type.getShape().back()))
    return false;
  // With an affine step, the epilogue type is the multiplier/bias type, which
  // the verifier ties to the float output type. Without one, y is the
  // (clamped) dot in f32: only a clamp bound could round differently.
  bool clamped = op.getDotMinAttr() || op.getDotMaxAttr() ||
                 op.getOutputMinAttr() || op.getOutputMaxAttr();
  return op.getMultiplier() || op.getBias() || !clamped || elementType.isF32();
}

/// sign(product) -> bitunpack(product with bit-packed output); bitpacks of
/// the product next to the sign take the packed output directly.
template <typename OpTy>
struct PackSignedOutput : OpRewritePattern<OpTy> {
  using OpRewritePattern<OpTy>::OpRewritePattern;

  LogicalResult matchAndRewrite(OpTy op,
                                PatternRewriter &rewriter) const override {
    if (op->use_empty() || !canPackOutput(op))
      return rewriter.notifyMatchFailure(op, "not a used float output");
    // Every user must only need the signs: sign binarizers, and bitpacks
    // (which bitpack(sign(y)) -> bitpack(y) may have created next to a sign
    // with other users). At least one sign: a lone bitpack is
    // FoldBitpackOfProduct's.
    RankedTensorType floatType = op.getOutput().getType();
    RankedTensorType packedType = packedResultType(floatType);
    SmallVector<Operation *> users(op->getUsers());
    bool hasSign = false;
    for (Operation *user : users) {
      auto quantizer = dyn_cast<QuantizerOpInterface>(user);
      if (quantizer && quantizer.isSignBinarizer()) {
        hasSign = true;
        continue;
      }
      auto bitpack = dyn_cast<BitpackOp>(user);
      if (!bitpack || bitpack.getGroups() != 1 ||
          bitpack.getType() != packedType)
        return rewriter.notifyMatchFailure(op, "a user needs the float value");
    }
    if (!hasSign)
      return rewriter.notifyMatchFailure(op, "no sign binarizer user");
    rewriter.setInsertionPoint(op);
    OpTy packed = rebuild(rewriter, op, packedType, getEpilogue(op));
    for (Operation *user : users) {
      if (isa<BitpackOp>(user))
        rewriter.replaceOp(user, packed.getOutput());
      else
        rewriter.replaceOpWithNewOp<BitunpackOp>(user, floatType,
                                                 packed.getOutput());
    }
    rewriter.eraseOp(op);
    return success();
  }
};

/// bitpack(bitunpack(p)) -> p.
struct FoldBitpackOfBitunpack : OpRewritePattern<BitpackOp> {
  using OpRewritePattern::OpRewritePattern;

  LogicalResult matchAndRewrite(BitpackOp op,
                                PatternRewriter &rewriter) const override {
    auto unpack = op.getInput().getDefiningOp<BitunpackOp>();
    if (!unpack || unpack.getGroups() != op.getGroups() ||
        unpack.getInput().getType() != op.getType())
      return rewriter.notifyMatchFailure(op, "not bitpack(bitunpack)");
    rewriter.replaceOp(op, unpack.getInput());
    return success();
  }
};

/// bitpack(collapse_shape(bitunpack(p))) -> collapse_shape(p) when the
/// collapse merges whole channel vectors into the packed axis: with a channel
/// count that is a multiple of 64 there are no tail bits between them, so
/// the words of the flattened axis are the words of each vector in order.
struct FoldBitpackOfCollapsedBitunpack : OpRewritePattern<BitpackOp> {
  using OpRewritePattern::OpRewritePattern;

  LogicalResult matchAndRewrite(BitpackOp op,
                                PatternRewriter &rewriter) const override {
    auto collapse = op.getInput().getDefiningOp<tensor::CollapseShapeOp>();
    if (!collapse || op.getGroups() != 1)
      return rewriter.notifyMatchFailure(op, "not bitpack(collapse_shape)");
    auto unpack = collapse.getSrc().getDefiningOp<BitunpackOp>();
    if (!unpack || unpack.getGroups() != 1)
      return rewriter.notifyMatchFailure(op, "not of a bitunpack");
    int64_t channels = unpack.getType().getShape().back();
    if (channels % 64 != 0)
      return rewriter.notifyMatchFailure(op, "tail bits between vectors");
    // The packed tensor collapses the same way; only the word count of the
    // last group differs.
    RankedTensorType packedType = unpack.getInput().getType();
    RankedTensorType collapsedType =
        tensor::CollapseShapeOp::inferCollapsedType(
            packedType, collapse.getReassociationIndices());
    // The bitpack's result may be less static than the collapse of the
    // packed tensor (its verifier only asks for compatible sizes), which
    // collapse_shape does not allow.
    if (collapsedType != op.getType())
      return rewriter.notifyMatchFailure(op, "result type is not the "
                                             "collapsed packed type");
    rewriter.replaceOpWithNewOp<tensor::CollapseShapeOp>(
        op, collapsedType, unpack.getInput(),
        collapse.getReassociationIndices());
    return success();
  }
};

/// bitpack(sign(x)) -> bitpack(x): bit = sign(x) < 0 = x < 0.
struct FoldBitpackOfSign : OpRewritePattern<BitpackOp> {
  using OpRewritePattern::OpRewritePattern;

  LogicalResult matchAndRewrite(BitpackOp op,
                                PatternRewriter &rewriter) const override {
    auto quantizer = op.getInput().getDefiningOp<QuantizerOpInterface>();
    if (!quantizer || !quantizer.isSignBinarizer())
      return rewriter.notifyMatchFailure(op, "input is no sign binarizer");
    rewriter.modifyOpInPlace(op, [&] {
      op.getInputMutable().assign(quantizer.getQuantizerInput());
    });
    return success();
  }
};

/// bitpack(product with float output) -> product with bit-packed output.
template <typename OpTy>
struct FoldBitpackOfProduct : OpRewritePattern<BitpackOp> {
  using OpRewritePattern::OpRewritePattern;

  LogicalResult matchAndRewrite(BitpackOp op,
                                PatternRewriter &rewriter) const override {
    auto product = op.getInput().getDefiningOp<OpTy>();
    if (!product || !product->hasOneUse() || op.getGroups() != 1 ||
        !canPackOutput(product))
      return rewriter.notifyMatchFailure(op, "not bitpack(float product)");
    RankedTensorType packedType =
        packedResultType(product.getOutput().getType());
    if (packedType != op.getType())
      return rewriter.notifyMatchFailure(op, "type mismatch");
    rewriter.setInsertionPoint(product);
    OpTy packed = rebuild(rewriter, product, packedType, getEpilogue(product));
    rewriter.replaceOp(op, packed.getOutput());
    rewriter.eraseOp(product);
    return success();
  }
};
} // namespace

void BitpackOp::getCanonicalizationPatterns(RewritePatternSet &patterns,
                                            MLIRContext *ctx) {
  patterns.add<FoldBitpackOfBitunpack, FoldBitpackOfCollapsedBitunpack,
               FoldBitpackOfSign, FoldBitpackOfProduct<BConv2DOp>,
               FoldBitpackOfProduct<BMatmulOp>>(ctx);
}

void BConv2DOp::getCanonicalizationPatterns(RewritePatternSet &patterns,
                                            MLIRContext *ctx) {
  patterns.add<AbsorbEpilogueStep<BConv2DOp>, PackSignedOutput<BConv2DOp>>(ctx);
}

void BMatmulOp::getCanonicalizationPatterns(RewritePatternSet &patterns,
                                            MLIRContext *ctx) {
  patterns.add<AbsorbEpilogueStep<BMatmulOp>, PackSignedOutput<BMatmulOp>>(ctx);
}
