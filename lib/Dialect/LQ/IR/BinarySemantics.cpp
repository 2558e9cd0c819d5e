//===- BinarySemantics.cpp - bit-packing conventions ----------------------===//
//
// Part of the lq project: Larq's quantizers as first-class MLIR.
//
//===----------------------------------------------------------------------===//

#include "lq/Dialect/LQ/IR/BinarySemantics.h"

using namespace mlir::lq;
using llvm::APFloat;

llvm::SmallVector<uint64_t> binary::pack(llvm::ArrayRef<APFloat> values,
                                         int64_t channels, int64_t groups) {
  int64_t perGroup = channels / groups;
  int64_t groupWords = wordsPerGroup(channels, groups);
  int64_t rows = channels ? static_cast<int64_t>(values.size()) / channels : 0;
  llvm::SmallVector<uint64_t> words(rows * groups * groupWords, 0);
  for (int64_t row = 0; row < rows; ++row) {
    for (int64_t c = 0; c < channels; ++c) {
      if (!isNegativeBit(values[row * channels + c]))
        continue;
      int64_t group = c / perGroup, inGroup = c % perGroup;
      int64_t word =
          row * groups * groupWords + group * groupWords + inGroup / kWordBits;
      words[word] |= uint64_t(1) << (inGroup % kWordBits);
    }
  }
  return words;
}

llvm::SmallVector<APFloat> binary::unpack(llvm::ArrayRef<uint64_t> words,
                                          int64_t channels, int64_t groups,
                                          const llvm::fltSemantics &semantics) {
  int64_t perGroup = channels / groups;
  int64_t groupWords = wordsPerGroup(channels, groups);
  int64_t rowWords = groups * groupWords;
  int64_t rows = rowWords ? static_cast<int64_t>(words.size()) / rowWords : 0;
  llvm::SmallVector<APFloat> values;
  values.reserve(rows * channels);
  APFloat plusOne = APFloat::getOne(semantics);
  APFloat minusOne = APFloat::getOne(semantics, /*Negative=*/true);
  for (int64_t row = 0; row < rows; ++row) {
    for (int64_t c = 0; c < channels; ++c) {
      int64_t group = c / perGroup, inGroup = c % perGroup;
      uint64_t word =
          words[row * rowWords + group * groupWords + inGroup / kWordBits];
      bool bit = (word >> (inGroup % kWordBits)) & 1;
      values.push_back(bit ? minusOne : plusOne);
    }
  }
  return values;
}
