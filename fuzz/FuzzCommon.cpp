//===- FuzzCommon.cpp - shared set-up of the lq fuzzers -------------------===//
//
// Part of the lq project: Larq's quantizers as first-class MLIR.
//
//===----------------------------------------------------------------------===//

#include "FuzzCommon.h"

#include "lq/InitAll.h"

#include "mlir/IR/Diagnostics.h"
#include "mlir/IR/DialectRegistry.h"
#include "mlir/IR/MLIRContext.h"
#include "mlir/IR/OperationSupport.h"
#include "mlir/InitAllDialects.h"
#include "mlir/InitAllExtensions.h"
#include "mlir/InitAllPasses.h"
#include "mlir/Parser/Parser.h"

#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/SourceMgr.h"
#include "llvm/Support/raw_ostream.h"

#include <cstdio>
#include <cstdlib>

using namespace mlir;

const DialectRegistry &lq::fuzz::getRegistry() {
  static const DialectRegistry *registry = [] {
    auto *r = new DialectRegistry();
    mlir::registerAllDialects(*r);
    mlir::registerAllExtensions(*r);
    lq::registerAllDialects(*r);
    return r;
  }();
  return *registry;
}

void lq::fuzz::registerPasses() {
  static bool done = [] {
    mlir::registerAllPasses();
    lq::registerAllPasses();
    return true;
  }();
  (void)done;
}

std::unique_ptr<MLIRContext> lq::fuzz::makeContext() {
  auto context = std::make_unique<MLIRContext>(
      getRegistry(), MLIRContext::Threading::DISABLED);
  // Diagnostics are expected on most inputs: drop them. A handler that
  // returns success stops the default one (which prints to stderr).
  context->getDiagEngine().registerHandler(
      [](Diagnostic &) { return success(); });
  context->printOpOnDiagnostic(false);
  context->printStackTraceOnDiagnostic(false);
  return context;
}

/// Whether `text` starts with a well-formed `[i, j, ...]` list of integers.
static bool startsWithIntegerList(llvm::StringRef text) {
  if (!text.consume_front("["))
    return false;
  text = text.ltrim();
  if (text.consume_front("]"))
    return true;
  while (true) {
    text.consume_front("-");
    size_t digits = text.find_first_not_of("0123456789");
    if (digits == 0 || digits == llvm::StringRef::npos)
      return false;
    text = text.drop_front(digits).ltrim();
    if (text.consume_front("]"))
      return true;
    if (!text.consume_front(","))
      return false;
    text = text.ltrim();
  }
}

bool lq::fuzz::hasKnownUpstreamCrash(llvm::StringRef text) {
  // linalg.reduce / broadcast (`dimensions`) and linalg.transpose
  // (`permutation`): a value that is not a well-formed integer list
  // (`dimensions = 1`, a truncated `permutation = [1, ...`) makes the custom
  // parser store a null attribute and crash in NamedAttrList::set (MLIR 22,
  // libMLIR.so; stock mlir-opt crashes the same way; not lq's code).
  for (llvm::StringRef keyword : {"dimensions", "permutation"}) {
    for (size_t pos = text.find(keyword); pos != llvm::StringRef::npos;
         pos = text.find(keyword, pos + 1)) {
      llvm::StringRef rest = text.drop_front(pos + keyword.size()).ltrim();
      if (!rest.consume_front("="))
        continue;
      rest = rest.ltrim();
      // The generic form (`dimensions = array<i64: ...>`) goes through the
      // generic attribute parser, which is fine.
      if (!rest.starts_with("array<") && !startsWithIntegerList(rest))
        return true;
    }
  }
  return false;
}

OwningOpRef<ModuleOp> lq::fuzz::parse(MLIRContext &context, const uint8_t *data,
                                      size_t size) {
  llvm::StringRef text(reinterpret_cast<const char *>(data), size);
  if (hasKnownUpstreamCrash(text))
    return nullptr;
  llvm::SourceMgr sourceMgr;
  sourceMgr.AddNewSourceBuffer(
      llvm::MemoryBuffer::getMemBufferCopy(text, "fuzz-input"), llvm::SMLoc());
  return parseSourceFile<ModuleOp>(sourceMgr, ParserConfig(&context));
}

std::string lq::fuzz::print(Operation *op, bool generic) {
  std::string text;
  llvm::raw_string_ostream os(text);
  OpPrintingFlags flags;
  if (generic)
    flags.printGenericOpForm();
  op->print(os, flags);
  return text;
}

void lq::fuzz::fail(const char *what, const std::string &detail) {
  fprintf(stderr, "==lq-fuzz== %s\n%s\n", what, detail.c_str());
  fflush(stderr);
  abort();
}
