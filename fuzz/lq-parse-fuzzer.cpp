//===- lq-parse-fuzzer.cpp - fuzz parsing, verifying and printing ---------===//
//
// Part of the lq project: Larq's quantizers as first-class MLIR.
//
//===----------------------------------------------------------------------===//
//
// libFuzzer entry point: parse arbitrary text as a module with lq-opt's
// registry (lq plus every upstream dialect), which verifies it; then print
// what verifies in the generic form (what `lq-opt --verify-roundtrip`
// checks) and in the custom form, and check that each re-parses, verifies
// and prints the same again. A crash, a sanitizer report or a failed round
// trip (an abort) is a finding.
//
//===----------------------------------------------------------------------===//

#include "FuzzCommon.h"

#include "mlir/IR/MLIRContext.h"

using namespace mlir;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  std::unique_ptr<MLIRContext> context = lq::fuzz::makeContext();
  OwningOpRef<ModuleOp> module = lq::fuzz::parse(*context, data, size);
  if (!module)
    return 0;

  // Each form must re-parse (and verify) and print the same again. The
  // custom form is compared with itself, not with the generic one: it elides
  // attributes equal to their default, which then re-parse as absent.
  for (bool generic : {true, false}) {
    std::string text = lq::fuzz::print(module->getOperation(), generic);
    OwningOpRef<ModuleOp> reparsed = lq::fuzz::parse(
        *context, reinterpret_cast<const uint8_t *>(text.data()), text.size());
    if (!reparsed)
      lq::fuzz::fail(generic ? "the generic form does not parse or verify"
                             : "the custom form does not parse or verify",
                     text);
    std::string again = lq::fuzz::print(reparsed->getOperation(), generic);
    if (again != text)
      lq::fuzz::fail(generic ? "the generic form does not round-trip"
                             : "the custom form does not round-trip",
                     text + "\n// ----- re-parsed and printed:\n" + again);
  }
  return 0;
}
