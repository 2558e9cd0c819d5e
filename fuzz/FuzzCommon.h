//===- FuzzCommon.h - shared set-up of the lq fuzzers -----------*- C++ -*-===//
//
// Part of the lq project: Larq's quantizers as first-class MLIR.
//
//===----------------------------------------------------------------------===//
//
// The registry lq-opt uses (every upstream dialect and extension plus lq), a
// fresh single-threaded context per input (so that an input's behaviour does
// not depend on the inputs before it and every crash reproduces alone), and
// a quiet parse of the input text.
//
//===----------------------------------------------------------------------===//

#ifndef LQ_FUZZ_FUZZCOMMON_H
#define LQ_FUZZ_FUZZCOMMON_H

#include "mlir/IR/BuiltinOps.h"
#include "mlir/IR/OwningOpRef.h"

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>

namespace mlir {
class DialectRegistry;
class MLIRContext;
class Operation;

namespace lq::fuzz {

/// The registry of lq-opt, built once.
const DialectRegistry &getRegistry();

/// Register every upstream and lq pass and pipeline (for pipeline parsing).
void registerPasses();

/// A fresh context on the lq-opt registry: no threads, diagnostics dropped
/// (handled by `Quiet` below), unregistered dialects rejected as in lq-opt.
std::unique_ptr<MLIRContext> makeContext();

/// Whether `text` would trigger a known crash in upstream MLIR's own parsers
/// (docs/Robustness.md lists them); such inputs are not parsed, so that the
/// fuzzers spend their time on lq's code.
bool hasKnownUpstreamCrash(llvm::StringRef text);

/// Parse `size` bytes of `data` as a module (copied so that the buffer is
/// nul-terminated, as the MLIR lexer requires). Null on a parse error or an
/// input with a known upstream crash.
OwningOpRef<ModuleOp> parse(MLIRContext &context, const uint8_t *data,
                            size_t size);

/// Print `op` to a string, in the custom or the generic form.
std::string print(Operation *op, bool generic);

/// Abort with a message: a fuzzer finding that is not a crash by itself
/// (e.g. a pass that succeeds but leaves invalid IR). libFuzzer reports the
/// abort as a crash and saves the input.
[[noreturn]] void fail(const char *what, const std::string &detail);

} // namespace lq::fuzz
} // namespace mlir

#endif // LQ_FUZZ_FUZZCOMMON_H
