//===- Dialect.cpp - C API for the lq dialect -----------------------------===//
//
// Part of the lq project: Larq's quantizers as first-class MLIR.
//
//===----------------------------------------------------------------------===//

#include "lq-c/Dialect.h"

#include "lq/Dialect/LQ/IR/LQDialect.h"
#include "lq/Dialect/LQ/IR/LQOps.h"
#include "lq/InitAll.h"

#include "mlir/CAPI/IR.h"
#include "mlir/CAPI/Registration.h"
#include "mlir/CAPI/Support.h"
#include "mlir/IR/Builders.h"
#include "mlir/IR/DialectRegistry.h"
#include "mlir/IR/Operation.h"

using namespace mlir;

MLIR_DEFINE_CAPI_DIALECT_REGISTRATION(LQ, lq, mlir::lq::LQDialect)

void lqRegisterAllDialects(MlirDialectRegistry registry) {
  lq::registerAllDialects(*unwrap(registry));
}

//===----------------------------------------------------------------------===//
// Quantizer ops
//===----------------------------------------------------------------------===//

/// Creates the detached op `lq.<name>` with operands `operands`, one result of
/// the type of the first operand and `attributes`; a null op when lq has no
/// op `lq.<name>`. Loads the lq dialect into the context if needed.
static MlirOperation createQuantizer(Location loc, StringRef name,
                                     ValueRange operands,
                                     ArrayRef<NamedAttribute> attributes) {
  MLIRContext *context = loc.getContext();
  context->getOrLoadDialect<lq::LQDialect>();
  std::optional<RegisteredOperationName> opName =
      RegisteredOperationName::lookup(("lq." + name).str(), context);
  if (!opName)
    return MlirOperation{nullptr};
  OperationState state(loc, *opName);
  state.addOperands(operands);
  state.addTypes(operands.front().getType());
  state.addAttributes(attributes);
  return wrap(Operation::create(state));
}

/// Larq's clip_value: a 64-bit float bound, or `none` for no clipping.
static Attribute clipAttr(MLIRContext *context, double clipValue,
                          bool unclipped) {
  Builder b(context);
  if (unclipped)
    return TypeAttr::get(b.getNoneType());
  return b.getF64FloatAttr(clipValue);
}

MlirOperation lqSteSignCreate(MlirLocation loc, MlirValue x, double clipValue,
                              bool unclipped) {
  Builder b(unwrap(loc)->getContext());
  return createQuantizer(
      unwrap(loc), "ste_sign", unwrap(x),
      {b.getNamedAttr("clip_value",
                      clipAttr(b.getContext(), clipValue, unclipped))});
}

MlirOperation lqApproxSignCreate(MlirLocation loc, MlirValue x) {
  return createQuantizer(unwrap(loc), "approx_sign", unwrap(x), {});
}

MlirOperation lqSteHeavisideCreate(MlirLocation loc, MlirValue x,
                                   double clipValue, bool unclipped) {
  Builder b(unwrap(loc)->getContext());
  return createQuantizer(
      unwrap(loc), "ste_heaviside", unwrap(x),
      {b.getNamedAttr("clip_value",
                      clipAttr(b.getContext(), clipValue, unclipped))});
}

MlirOperation lqSwishSignCreate(MlirLocation loc, MlirValue x, double beta) {
  Builder b(unwrap(loc)->getContext());
  return createQuantizer(unwrap(loc), "swish_sign", unwrap(x),
                         {b.getNamedAttr("beta", b.getF64FloatAttr(beta))});
}

MlirOperation lqMagnitudeAwareSignCreate(MlirLocation loc, MlirValue x,
                                         double clipValue, bool unclipped) {
  Builder b(unwrap(loc)->getContext());
  return createQuantizer(
      unwrap(loc), "magnitude_aware_sign", unwrap(x),
      {b.getNamedAttr("clip_value",
                      clipAttr(b.getContext(), clipValue, unclipped))});
}

MlirOperation lqSteTernCreate(MlirLocation loc, MlirValue x,
                              double thresholdValue, bool ternaryWeightNetworks,
                              double clipValue, bool unclipped) {
  Builder b(unwrap(loc)->getContext());
  return createQuantizer(
      unwrap(loc), "ste_tern", unwrap(x),
      {b.getNamedAttr("threshold_value", b.getF64FloatAttr(thresholdValue)),
       b.getNamedAttr("ternary_weight_networks",
                      b.getBoolAttr(ternaryWeightNetworks)),
       b.getNamedAttr("clip_value",
                      clipAttr(b.getContext(), clipValue, unclipped))});
}

MlirOperation lqDoReFaCreate(MlirLocation loc, MlirValue x, int64_t kBit,
                             MlirStringRef mode) {
  Builder b(unwrap(loc)->getContext());
  return createQuantizer(
      unwrap(loc), "dorefa", unwrap(x),
      {b.getNamedAttr("k_bit", b.getI64IntegerAttr(kBit)),
       b.getNamedAttr("mode", b.getStringAttr(unwrap(mode)))});
}

MlirOperation lqNoOpCreate(MlirLocation loc, MlirValue x, int64_t precision) {
  Builder b(unwrap(loc)->getContext());
  return createQuantizer(
      unwrap(loc), "noop", unwrap(x),
      {b.getNamedAttr("precision", b.getI64IntegerAttr(precision))});
}

MlirOperation lqQuantizerGradCreate(MlirLocation loc, MlirOperation quantizer,
                                    MlirValue dy) {
  auto op = dyn_cast<lq::QuantizerOpInterface>(unwrap(quantizer));
  if (!op)
    return MlirOperation{nullptr};
  // getAttrs() includes the inherent attributes stored as properties.
  SmallVector<NamedAttribute> attributes(op->getAttrs());
  StringRef name = op->getName().stripDialect();
  return createQuantizer(unwrap(loc), (name + "_grad").str(),
                         {op.getQuantizerInput(), unwrap(dy)}, attributes);
}

MlirOperation lqQuantizerOpCreate(MlirLocation loc, MlirStringRef name,
                                  MlirValue x, MlirValue dy,
                                  intptr_t nAttributes,
                                  MlirNamedAttribute const *attributes) {
  SmallVector<Value, 2> operands = {unwrap(x)};
  if (!mlirValueIsNull(dy))
    operands.push_back(unwrap(dy));
  SmallVector<NamedAttribute> attrs;
  for (intptr_t i = 0; i < nAttributes; ++i)
    attrs.emplace_back(unwrap(attributes[i].name),
                       unwrap(attributes[i].attribute));
  return createQuantizer(unwrap(loc), unwrap(name), operands, attrs);
}

bool lqOperationIsQuantizer(MlirOperation op) {
  return isa<lq::QuantizerOpInterface>(unwrap(op));
}

int64_t lqQuantizerGetPrecision(MlirOperation op) {
  auto quantizer = dyn_cast<lq::QuantizerOpInterface>(unwrap(op));
  return quantizer ? quantizer.getPrecision() : -1;
}

bool lqQuantizerIsSignBinarizer(MlirOperation op) {
  auto quantizer = dyn_cast<lq::QuantizerOpInterface>(unwrap(op));
  return quantizer && quantizer.isSignBinarizer();
}
