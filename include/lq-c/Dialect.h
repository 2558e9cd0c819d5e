/*===- Dialect.h - C API for the lq dialect -----------------------*- C -*-===*\
|*                                                                            *|
|* Part of the lq project: Larq's quantizers as first-class MLIR.             *|
|*                                                                            *|
|*===----------------------------------------------------------------------===*|
|*                                                                            *|
|* Registering the lq dialect and building its quantizer ops from C. Ops are  *|
|* created detached, like mlirOperationCreate: insert them into a block with  *|
|* mlirBlockAppendOwnedOperation / mlirBlockInsertOwnedOperation* and read    *|
|* the result with mlirOperationGetResult(op, 0).                             *|
|*                                                                            *|
|* Larq's `clip_value` is passed as two arguments: `clipValue` (the bound)    *|
|* and `unclipped` (true = Larq's clip_value=None: no clipping, which is not  *|
|* the same as a bound of 0; `clipValue` is then ignored).                    *|
|*                                                                            *|
\*===----------------------------------------------------------------------===*/

#ifndef LQ_C_DIALECT_H
#define LQ_C_DIALECT_H

#include "mlir-c/IR.h"
#include "mlir-c/Support.h"

#include <stdbool.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

//===----------------------------------------------------------------------===//
// Registration
//===----------------------------------------------------------------------===//

/// mlirGetDialectHandle__lq__(): the handle of the `lq` dialect, for
/// mlirDialectHandleInsertDialect / RegisterDialect / LoadDialect.
MLIR_DECLARE_CAPI_DIALECT_REGISTRATION(LQ, lq);

/// Inserts every dialect lq defines (mlir::lq::registerAllDialects) into
/// `registry`. Dialects lq adds later are picked up without API changes.
MLIR_CAPI_EXPORTED void lqRegisterAllDialects(MlirDialectRegistry registry);

//===----------------------------------------------------------------------===//
// Quantizer ops
//===----------------------------------------------------------------------===//
//
// Every builder below returns a detached op whose single result has the type
// of `x`; it loads the lq dialect into the context of `loc` if needed.
// Attribute values are not checked here: call mlirOperationVerify (or run a
// pass) to get the verifier's diagnostics.

/// `lq.ste_sign %x {clip_value}`.
MLIR_CAPI_EXPORTED MlirOperation lqSteSignCreate(MlirLocation loc, MlirValue x,
                                                 double clipValue,
                                                 bool unclipped);

/// `lq.approx_sign %x`.
MLIR_CAPI_EXPORTED MlirOperation lqApproxSignCreate(MlirLocation loc,
                                                    MlirValue x);

/// `lq.ste_heaviside %x {clip_value}`.
MLIR_CAPI_EXPORTED MlirOperation lqSteHeavisideCreate(MlirLocation loc,
                                                      MlirValue x,
                                                      double clipValue,
                                                      bool unclipped);

/// `lq.swish_sign %x {beta}`.
MLIR_CAPI_EXPORTED MlirOperation lqSwishSignCreate(MlirLocation loc,
                                                   MlirValue x, double beta);

/// `lq.magnitude_aware_sign %x {clip_value}` (`x` is a ranked tensor).
MLIR_CAPI_EXPORTED MlirOperation lqMagnitudeAwareSignCreate(MlirLocation loc,
                                                            MlirValue x,
                                                            double clipValue,
                                                            bool unclipped);

/// `lq.ste_tern %x {threshold_value, ternary_weight_networks, clip_value}`.
MLIR_CAPI_EXPORTED MlirOperation lqSteTernCreate(MlirLocation loc, MlirValue x,
                                                 double thresholdValue,
                                                 bool ternaryWeightNetworks,
                                                 double clipValue,
                                                 bool unclipped);

/// `lq.dorefa %x {k_bit, mode}`; `mode` is "activations" or "weights".
MLIR_CAPI_EXPORTED MlirOperation lqDoReFaCreate(MlirLocation loc, MlirValue x,
                                                int64_t kBit,
                                                MlirStringRef mode);

/// `lq.noop %x {precision}`.
MLIR_CAPI_EXPORTED MlirOperation lqNoOpCreate(MlirLocation loc, MlirValue x,
                                              int64_t precision);

/// The pseudo-gradient of the quantizer op `quantizer` (any lq quantizer,
/// e.g. one built above): `lq.<name>_grad %x, %dy` with the quantizer's
/// operand `x` and a copy of its attributes; `dy` has the type of `x`.
/// Returns a null operation when `quantizer` is not an lq quantizer.
MLIR_CAPI_EXPORTED MlirOperation lqQuantizerGradCreate(MlirLocation loc,
                                                       MlirOperation quantizer,
                                                       MlirValue dy);

/// Generic builder for any lq quantizer or gradient op, including ones added
/// after this header was written: `lq.<name>` (e.g. "ste_sign" or
/// "dorefa_grad") with operands `x` and, unless null, `dy`, the given
/// attributes, and one result of the type of `x`. Returns a null operation
/// when `lq.<name>` is not a registered op.
MLIR_CAPI_EXPORTED MlirOperation lqQuantizerOpCreate(
    MlirLocation loc, MlirStringRef name, MlirValue x, MlirValue dy,
    intptr_t nAttributes, MlirNamedAttribute const *attributes);

/// True when `op` is an lq quantizer (implements QuantizerOpInterface).
MLIR_CAPI_EXPORTED bool lqOperationIsQuantizer(MlirOperation op);

/// The number of bits of the quantized values of the quantizer `op` (Larq's
/// `precision`), or -1 when `op` is not a quantizer.
MLIR_CAPI_EXPORTED int64_t lqQuantizerGetPrecision(MlirOperation op);

/// True when every output value of the quantizer `op` is exactly -1 or +1.
MLIR_CAPI_EXPORTED bool lqQuantizerIsSignBinarizer(MlirOperation op);

#ifdef __cplusplus
}
#endif

#endif // LQ_C_DIALECT_H
