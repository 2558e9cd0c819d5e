//===- Differentiate.cpp - the lq-differentiate pass ----------------------===//
//
// Part of the lq project: Larq's quantizers as first-class MLIR.
//
//===----------------------------------------------------------------------===//
//
// Generates `<f>_grad` for each function marked `lq.differentiate`: the
// forward ops recomputed, then the reverse sweep (differentiateBlock) with
// each op's DifferentiableOpInterface rule. Gradient functions are built
// detached from the module and inserted only once all of them succeeded, so
// a failure leaves the module unchanged.
//
//===----------------------------------------------------------------------===//

#include "lq/Dialect/LQ/Transforms/Passes.h"

#include "lq/Dialect/LQ/IR/LQDialect.h"
#include "lq/Dialect/LQ/Transforms/DifferentiableOpInterface.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/Dialect/Linalg/IR/Linalg.h"
#include "mlir/Dialect/Math/IR/Math.h"
#include "mlir/Dialect/Tensor/IR/Tensor.h"
#include "mlir/IR/BuiltinOps.h"
#include "mlir/IR/Iterators.h"
#include "mlir/IR/SymbolTable.h"
#include "mlir/IR/Verifier.h"
#include "mlir/Interfaces/SideEffectInterfaces.h"

#include "llvm/ADT/StringSet.h"

namespace mlir::lq {
#define GEN_PASS_DEF_LQDIFFERENTIATEPASS
#include "lq/Dialect/LQ/Transforms/Passes.h.inc"
} // namespace mlir::lq

using namespace mlir;
using namespace mlir::lq;

/// The attribute that marks a function for differentiation.
static constexpr StringLiteral kDifferentiateAttr = "lq.differentiate";

namespace {

/// What to generate for one function.
struct GradientSpec {
  func::FuncOp func;
  /// Indices of the arguments to differentiate with respect to.
  SmallVector<int64_t> wrt;
  /// Name of the gradient function.
  std::string name;
  /// Also return the function's results (before the gradients).
  bool returnValues = false;
};

} // namespace

/// Check `indices` against `func`'s arguments, or default them to every
/// argument of a differentiable type.
static LogicalResult resolveWrt(func::FuncOp func, Location loc,
                                SmallVectorImpl<int64_t> &indices,
                                bool explicitList) {
  ArrayRef<Type> inputs = func.getArgumentTypes();
  if (!explicitList) {
    for (auto [i, type] : llvm::enumerate(inputs))
      if (isDifferentiableType(type))
        indices.push_back(i);
    if (indices.empty())
      return emitError(loc) << "function '" << func.getSymName()
                            << "' has no float argument to differentiate "
                               "with respect to";
    return success();
  }
  llvm::SmallDenseSet<int64_t> seen;
  for (int64_t index : indices) {
    if (index < 0 || index >= static_cast<int64_t>(inputs.size()))
      return emitError(loc)
             << "'wrt' index " << index << " is out of range for function '"
             << func.getSymName() << "' with " << inputs.size() << " arguments";
    if (!seen.insert(index).second)
      return emitError(loc) << "'wrt' index " << index << " is repeated";
    if (!isDifferentiableType(inputs[index]))
      return emitError(loc)
             << "argument #" << index << " of '" << func.getSymName()
             << "' has type " << inputs[index]
             << ", which cannot be differentiated (expected a "
                "float scalar, or a vector or ranked tensor of "
                "floats)";
  }
  if (indices.empty())
    return emitError(loc) << "'wrt' is empty";
  return success();
}

/// Decode the `lq.differentiate` attribute of `func`.
static FailureOr<GradientSpec> parseSpec(func::FuncOp func, Attribute attr) {
  GradientSpec spec;
  spec.func = func;
  spec.name = (func.getSymName() + "_grad").str();
  Location loc = func.getLoc();
  bool explicitWrt = false;
  if (!isa<UnitAttr>(attr)) {
    auto dict = dyn_cast<DictionaryAttr>(attr);
    if (!dict)
      return emitError(loc) << "'" << kDifferentiateAttr
                            << "' must be a unit attribute or a dictionary, "
                               "got "
                            << attr;
    for (NamedAttribute entry : dict) {
      StringRef key = entry.getName().getValue();
      Attribute value = entry.getValue();
      if (key == "wrt") {
        explicitWrt = true;
        if (auto array = dyn_cast<DenseI64ArrayAttr>(value)) {
          llvm::append_range(spec.wrt, array.asArrayRef());
          continue;
        }
        auto array = dyn_cast<ArrayAttr>(value);
        if (!array || !llvm::all_of(array, llvm::IsaPred<IntegerAttr>))
          return emitError(loc)
                 << "'wrt' must be an array of integers, got " << value;
        for (Attribute index : array)
          spec.wrt.push_back(cast<IntegerAttr>(index).getInt());
      } else if (key == "name") {
        auto name = dyn_cast<StringAttr>(value);
        if (!name || name.getValue().empty())
          return emitError(loc)
                 << "'name' must be a non-empty string, got " << value;
        spec.name = name.getValue().str();
      } else if (key == "return_values") {
        if (isa<UnitAttr>(value)) {
          spec.returnValues = true;
        } else if (auto flag = dyn_cast<BoolAttr>(value)) {
          spec.returnValues = flag.getValue();
        } else {
          return emitError(loc)
                 << "'return_values' must be a boolean, got " << value;
        }
      } else {
        return emitError(loc)
               << "unknown key '" << key << "' in '" << kDifferentiateAttr
               << "' (expected 'wrt', 'name' or 'return_values')";
      }
    }
  }
  if (failed(resolveWrt(func, loc, spec.wrt, explicitWrt)))
    return failure();
  return spec;
}

/// Erase the ops of `func` (nested ones included) that nothing uses and
/// that have no side effect: forward values the gradients do not need, and
/// parts of rules computed for operands that need no cotangent.
static void eraseDeadOps(func::FuncOp func) {
  func.walk<WalkOrder::PostOrder, ReverseIterator>([](Operation *op) {
    if (isOpTriviallyDead(op))
      op->erase();
  });
}

/// Build (detached from the module) the gradient function of `spec`.
static FailureOr<func::FuncOp> buildGradientFunction(const GradientSpec &spec) {
  func::FuncOp func = spec.func;
  Location loc = func.getLoc();
  if (func.isExternal())
    return func.emitOpError()
           << "is marked for differentiation but has no body";
  if (!func.getBody().hasOneBlock())
    return func.emitOpError()
           << "has several blocks; lq-differentiate handles straight-line "
              "functions only";

  FunctionType type = func.getFunctionType();
  SmallVector<Type> inputs(type.getInputs());
  SmallVector<int64_t> cotangentArg(type.getNumResults(), -1);
  for (auto [j, resultType] : llvm::enumerate(type.getResults())) {
    if (!isDifferentiableType(resultType))
      continue;
    cotangentArg[j] = inputs.size();
    inputs.push_back(resultType);
  }
  SmallVector<Type> results;
  if (spec.returnValues)
    llvm::append_range(results, type.getResults());
  for (int64_t index : spec.wrt)
    results.push_back(type.getInput(index));

  auto gradient = func::FuncOp::create(
      loc, spec.name, FunctionType::get(func.getContext(), inputs, results));
  gradient.setVisibility(func.getVisibility());
  Block *entry = gradient.addEntryBlock();
  OpBuilder builder = OpBuilder::atBlockEnd(entry);

  unsigned numArgs = type.getNumInputs();
  SmallVector<bool> wrt(numArgs, false);
  for (int64_t index : spec.wrt)
    wrt[index] = true;
  SmallVector<Value> outputCotangents;
  for (int64_t arg : cotangentArg)
    outputCotangents.push_back(arg >= 0 ? entry->getArgument(arg) : Value());

  SmallVector<Value> argCotangents, outputs;
  if (failed(differentiateBlock(builder, func.getBody().front(),
                                entry->getArguments().take_front(numArgs), wrt,
                                outputCotangents, argCotangents, &outputs))) {
    gradient.erase();
    return failure();
  }

  SmallVector<Value> returned;
  if (spec.returnValues)
    llvm::append_range(returned, outputs);
  for (int64_t index : spec.wrt) {
    Value cotangent = argCotangents[index];
    returned.push_back(
        cotangent ? cotangent
                  : buildZerosLike(builder, loc, entry->getArgument(index)));
  }
  func::ReturnOp::create(builder, loc, returned);
  eraseDeadOps(gradient);

  if (failed(verify(gradient))) {
    gradient.erase();
    return func.emitOpError()
           << "internal error: the generated gradient function does not "
              "verify";
  }
  return gradient;
}

namespace {
struct LQDifferentiatePass
    : lq::impl::LQDifferentiatePassBase<LQDifferentiatePass> {
  using Base::Base;

  void runOnOperation() override {
    ModuleOp module = getOperation();

    // Collect what to generate: marked functions, then the option's.
    SmallVector<GradientSpec> specs;
    bool failedSpec = false;
    for (auto func : module.getOps<func::FuncOp>()) {
      Attribute attr = func->getAttr(kDifferentiateAttr);
      if (!attr)
        continue;
      FailureOr<GradientSpec> spec = parseSpec(func, attr);
      if (failed(spec))
        failedSpec = true;
      else
        specs.push_back(std::move(*spec));
    }
    for (const std::string &name : functions) {
      auto func = module.lookupSymbol<func::FuncOp>(name);
      if (!func) {
        module.emitError() << "lq-differentiate: no function named '" << name
                           << "'";
        failedSpec = true;
        continue;
      }
      // A mark takes precedence over the option.
      if (func->hasAttr(kDifferentiateAttr))
        continue;
      GradientSpec spec;
      spec.func = func;
      spec.name = (func.getSymName() + "_grad").str();
      llvm::append_range(spec.wrt, wrt);
      if (failed(resolveWrt(func, func.getLoc(), spec.wrt, !wrt.empty())))
        failedSpec = true;
      else
        specs.push_back(std::move(spec));
    }
    if (failedSpec)
      return signalPassFailure();

    // The gradient names must be fresh, or name a declaration (so that
    // callers of the gradient verify before it exists), which the generated
    // function replaces if the types agree.
    llvm::StringSet<> names;
    for (const GradientSpec &spec : specs) {
      func::FuncOp func = spec.func;
      if (!names.insert(spec.name).second) {
        func.emitOpError() << "cannot generate its gradient function: the "
                              "name '"
                           << spec.name << "' is requested twice";
        return signalPassFailure();
      }
      Operation *existing = module.lookupSymbol(spec.name);
      if (!existing)
        continue;
      auto declaration = dyn_cast<func::FuncOp>(existing);
      if (!declaration || !declaration.isExternal()) {
        func.emitOpError() << "cannot generate its gradient function: the "
                              "name '"
                           << spec.name << "' is already taken";
        return signalPassFailure();
      }
    }

    // Build every gradient function detached; insert them only if all
    // succeeded.
    SmallVector<func::FuncOp> gradients;
    bool failedBuild = false;
    for (const GradientSpec &spec : specs) {
      FailureOr<func::FuncOp> gradient = buildGradientFunction(spec);
      if (failed(gradient)) {
        failedBuild = true;
        continue;
      }
      gradients.push_back(*gradient);
    }
    if (failedBuild) {
      for (func::FuncOp gradient : gradients)
        gradient.erase();
      return signalPassFailure();
    }
    for (auto [spec, gradient] : llvm::zip_equal(specs, gradients)) {
      if (auto declaration = module.lookupSymbol<func::FuncOp>(spec.name)) {
        if (declaration.getFunctionType() != gradient.getFunctionType()) {
          declaration.emitOpError()
              << "declares the gradient function of '" << spec.func.getSymName()
              << "' with type " << declaration.getFunctionType()
              << ", but it has type " << gradient.getFunctionType();
          failedBuild = true;
        }
      }
    }
    if (failedBuild) {
      for (func::FuncOp gradient : gradients)
        gradient.erase();
      return signalPassFailure();
    }
    for (auto [spec, gradient] : llvm::zip_equal(specs, gradients)) {
      if (auto declaration = module.lookupSymbol<func::FuncOp>(spec.name))
        declaration.erase();
      spec.func->getBlock()->getOperations().insertAfter(
          Block::iterator(spec.func), gradient);
      spec.func->removeAttr(kDifferentiateAttr);
    }
  }
};
} // namespace
