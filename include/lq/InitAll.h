//===- InitAll.h - register every lq dialect, pass and pipeline -*- C++ -*-===//
//
// Part of the lq project: Larq's quantizers as first-class MLIR.
//
//===----------------------------------------------------------------------===//
//
// One entry point for tools, the mlir-opt plugin and the C API.
//
//===----------------------------------------------------------------------===//

#ifndef LQ_INITALL_H
#define LQ_INITALL_H

namespace mlir {
class DialectRegistry;

namespace lq {

/// Insert the lq dialect and the upstream dialects its passes create.
void registerAllDialects(DialectRegistry &registry);

/// Register every lq pass and pass pipeline with the global registry.
void registerAllPasses();

} // namespace lq
} // namespace mlir

#endif // LQ_INITALL_H
