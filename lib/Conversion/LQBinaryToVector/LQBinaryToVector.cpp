//===- LQBinaryToVector.cpp - fast binary kernels -------------------------===//
//
// Part of the lq project: Larq's quantizers as first-class MLIR.
//
//===----------------------------------------------------------------------===//
//
// The register-blocked microkernel behind lq.bmatmul and lq.bconv2d:
//
//   for each block of R rows (output pixels / matrix rows):
//     for each block of NB = U * L output channels (a weight panel):
//       acc[R][U] = 0                      // vector<L x i64> (or bytes)
//       for k over the packed depth (kh, kw, word for convolutions):
//         w[u] = load panel[k][u*L : L]    // L output channels' k-th word
//         a[r] = broadcast(input word k of row r)
//         acc[r][u] += popcount(a[r] ^ w[u])
//       epilogue: dot = K - 2 * acc (- zero-padding correction), then the
//       float / bit-packed / raw output of the op, stored for the tile.
//
// One accumulator lane per output channel: no horizontal reduction. Weight
// panels ([groups, blocks, K, NB] words) are re-laid out at compile time for
// constant weights. Without a 64-bit vector popcount (AVX2/SSE) the popcount
// is taken per byte into byte accumulators and widened every <= 31 steps
// (8 bits per byte and step: 31 * 8 < 256). Convolutions are implicit GEMMs
// over the spatially padded packed input (padding words are 0, i.e. +1); for
// exact zero padding a per-position correction table computed from the
// weights removes what the padded taps added.
//
//===----------------------------------------------------------------------===//

#include "lq/Conversion/LQBinaryToVector/LQBinaryToVector.h"

#include "lq/Dialect/LQ/IR/BinarySemantics.h"
#include "lq/Dialect/LQ/IR/LQOps.h"
#include "lq/Transforms/Passes.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Arith/Utils/Utils.h"
#include "mlir/Dialect/Linalg/IR/Linalg.h"
#include "mlir/Dialect/Math/IR/Math.h"
#include "mlir/Dialect/SCF/IR/SCF.h"
#include "mlir/Dialect/Tensor/IR/Tensor.h"
#include "mlir/Dialect/Vector/IR/VectorOps.h"
#include "mlir/IR/Matchers.h"
#include "mlir/IR/PatternMatch.h"
#include "mlir/Transforms/WalkPatternRewriteDriver.h"

#include "llvm/TargetParser/Host.h"

#include <functional>
#include <map>

namespace mlir::lq {
#define GEN_PASS_DEF_CONVERTLQBINARYTOVECTORPASS
#include "lq/Conversion/Passes.h.inc"
} // namespace mlir::lq

using namespace mlir;
using namespace mlir::lq;

//===----------------------------------------------------------------------===//
// Configuration
//===----------------------------------------------------------------------===//

BinaryKernelConfig mlir::lq::getDefaultBinaryKernelConfig(unsigned vectorBits) {
  llvm::StringMap<bool> features = llvm::sys::getHostCPUFeatures();
  unsigned bits = vectorBits ? vectorBits : getHostVectorBits();
  BinaryKernelConfig config;
  config.lanes = std::max<int64_t>(bits / 64, 1);
  config.bytePopcount = !features.lookup("avx512vpopcntdq");
  if (!config.bytePopcount) {
    // 32 registers: 6 x 4 accumulators + 4 weights + a broadcast.
    config.rows = 6;
    config.vectors = 4;
  } else if (bits >= 512) {
    // 32 registers: 5 x 4 byte accumulators, 4 weights, broadcast, the
    // nibble table and mask, temporaries.
    config.rows = 5;
    config.vectors = 4;
  } else {
    // 16 registers (AVX2/SSE): 4 x 2 byte accumulators, 2 weights, a
    // broadcast, the nibble table and mask, temporaries.
    config.rows = 4;
    config.vectors = 2;
  }
  return config;
}

//===----------------------------------------------------------------------===//
// Small builders
//===----------------------------------------------------------------------===//

namespace {
/// Builder helpers bound to one location.
struct Emitter {
  OpBuilder &b;
  Location loc;

  Value index(int64_t v) { return arith::ConstantIndexOp::create(b, loc, v); }
  Value i64(int64_t v) {
    return arith::ConstantOp::create(b, loc, b.getI64IntegerAttr(v));
  }
  Value splat(VectorType type, int64_t v) {
    return arith::ConstantOp::create(
        b, loc,
        DenseElementsAttr::get(type,
                               IntegerAttr::get(type.getElementType(), v)));
  }
  Value add(Value x, Value y) { return arith::AddIOp::create(b, loc, x, y); }
  Value sub(Value x, Value y) { return arith::SubIOp::create(b, loc, x, y); }
  Value mul(Value x, Value y) { return arith::MulIOp::create(b, loc, x, y); }
  Value minui(Value x, Value y) { return arith::MinUIOp::create(b, loc, x, y); }
  Value ult(Value x, Value y) {
    return arith::CmpIOp::create(b, loc, arith::CmpIPredicate::ult, x, y);
  }
  Value extract(Value tensor, ValueRange indices) {
    return tensor::ExtractOp::create(b, loc, tensor, indices);
  }
};

using ActivationFn =
    function_ref<Value(OpBuilder &, Location, int64_t row, ValueRange ks)>;
using WeightFn =
    function_ref<SmallVector<Value>(OpBuilder &, Location, ValueRange ks)>;
} // namespace

/// Sum the 8 bytes of each 64-bit lane of `bytes` (vector<8L x i8>) into a
/// vector<L x i64> (lq.lane_byte_sum: psadbw on x86, lowered late).
static Value sumBytesPerLane(OpBuilder &b, Location loc, Value bytes,
                             int64_t lanes) {
  return LaneByteSumOp::create(b, loc, VectorType::get({lanes}, b.getI64Type()),
                               bytes);
}

//===----------------------------------------------------------------------===//
// The accumulation loop nest
//===----------------------------------------------------------------------===//

/// Emit the K loop nest over `extents` (static) accumulating R x U popcounts,
/// and return the R x U totals (vector<L x i64>, row-major). `activation`
/// gives row r's word and `weights` the U weight vectors at the logical
/// indices `ks` (one per extent).
static SmallVector<Value> emitAccumulation(OpBuilder &b, Location loc,
                                           const BinaryKernelConfig &cfg,
                                           ArrayRef<int64_t> extents,
                                           ActivationFn activation,
                                           WeightFn weights) {
  int64_t lanes = cfg.lanes, rows = cfg.rows, vectors = cfg.vectors;
  auto totalType = VectorType::get({lanes}, b.getI64Type());
  auto byteType = VectorType::get({8 * lanes}, b.getI8Type());
  bool bytes = cfg.bytePopcount;
  int64_t flush = std::clamp<int64_t>(cfg.flushInterval, 1, 31);

  // Emitted loops: the logical ones, the innermost split in chunks of
  // `flush` steps when longer than that (byte accumulators only).
  struct Loop {
    int64_t trips;
    int logical;    // index in `ks`, or -1 for the chunk loop
    bool chunked;   // the inner loop of a split: [chunk, min(chunk+F, E))
    int64_t extent; // logical extent
  };
  SmallVector<Loop> loops;
  for (auto [i, extent] : llvm::enumerate(extents)) {
    bool last = i + 1 == extents.size();
    if (bytes && last && extent > flush) {
      loops.push_back({(extent + flush - 1) / flush, -1, false, extent});
      loops.push_back({flush, static_cast<int>(i), true, extent});
    } else {
      loops.push_back({extent, static_cast<int>(i), false, extent});
    }
  }
  // Flush after each iteration of the outermost loop whose body has at most
  // `flush` steps (-1: once after the whole nest).
  int flushLevel = -1;
  if (bytes) {
    int64_t inside = 1;
    for (int level = loops.size() - 1; level >= 0; --level) {
      if (inside * loops[level].trips > flush) {
        flushLevel = level;
        break;
      }
      inside *= loops[level].trips;
    }
  }

  auto zeros = [&](OpBuilder &nb, Location nl, VectorType type) {
    Emitter e{nb, nl};
    return SmallVector<Value>(rows * vectors, e.splat(type, 0));
  };
  auto addSums = [&](OpBuilder &nb, Location nl, ValueRange totals,
                     ValueRange byteAccs) {
    SmallVector<Value> result;
    Emitter e{nb, nl};
    for (auto [total, acc] : llvm::zip_equal(totals, byteAccs))
      result.push_back(e.add(total, sumBytesPerLane(nb, nl, acc, lanes)));
    return result;
  };

  SmallVector<Value> ks(extents.size());
  Value chunkStart;
  std::function<SmallVector<Value>(OpBuilder &, Location, int, ValueRange)>
      emit = [&](OpBuilder &nb, Location nl, int level,
                 ValueRange accs) -> SmallVector<Value> {
    Emitter e{nb, nl};
    if (level == static_cast<int>(loops.size())) {
      // One step: xor, popcount, add for every (row, vector).
      SmallVector<Value> w = weights(nb, nl, ks);
      SmallVector<Value> result;
      for (int64_t r = 0; r < rows; ++r) {
        Value word = activation(nb, nl, r, ks);
        Value a = vector::BroadcastOp::create(nb, nl, totalType, word);
        for (int64_t u = 0; u < vectors; ++u) {
          Value x = arith::XOrIOp::create(nb, nl, a, w[u]);
          if (bytes)
            x = vector::BitCastOp::create(nb, nl, byteType, x);
          Value count = math::CtPopOp::create(nb, nl, x);
          result.push_back(e.add(accs[r * vectors + u], count));
        }
      }
      return result;
    }
    const Loop &loop = loops[level];
    Value lb = e.index(0),
          ub = e.index(loop.trips * (loop.logical < 0 ? flush : 1)),
          step = e.index(loop.logical < 0 ? flush : 1);
    if (loop.logical < 0) {
      ub = e.index(loop.extent);
    } else if (loop.chunked) {
      lb = chunkStart;
      ub = e.minui(e.add(chunkStart, e.index(flush)), e.index(loop.extent));
    } else {
      ub = e.index(loop.extent);
    }
    bool flushHere = bytes && level == flushLevel;
    auto forOp = scf::ForOp::create(
        nb, nl, lb, ub, step, accs,
        [&](OpBuilder &body, Location bl, Value iv, ValueRange args) {
          if (loop.logical < 0)
            chunkStart = iv;
          else
            ks[loop.logical] = iv;
          SmallVector<Value> result;
          if (flushHere)
            result =
                addSums(body, bl, args,
                        emit(body, bl, level + 1, zeros(body, bl, byteType)));
          else
            result = emit(body, bl, level + 1, args);
          scf::YieldOp::create(body, bl, result);
        });
    return SmallVector<Value>(forOp.getResults());
  };

  if (!bytes)
    return emit(b, loc, 0, zeros(b, loc, totalType));
  if (flushLevel < 0)
    return addSums(b, loc, zeros(b, loc, totalType),
                   emit(b, loc, 0, zeros(b, loc, byteType)));
  return emit(b, loc, 0, zeros(b, loc, totalType));
}

//===----------------------------------------------------------------------===//
// Weight panels
//===----------------------------------------------------------------------===//

/// Constant weights of at most this many words are re-laid out (and their
/// zero-padding corrections computed) at compile time, one APInt per word;
/// larger constants (a huge splat, say) are handled like run-time weights.
static constexpr int64_t kMaxCompileTimeWords = int64_t(1) << 24;

/// `weights` as a constant small enough to re-lay out at compile time.
static bool matchCompileTimeWeights(Value weights,
                                    DenseIntElementsAttr &constant) {
  return matchPattern(weights, m_Constant(&constant)) &&
         constant.getNumElements() <= kMaxCompileTimeWords;
}

/// Re-lay out the packed weights `weights` ([Cout, ...] with K words per
/// output channel) into panels [G, blocks, K, NB]: panel (g, blk) holds, for
/// every k, the k-th word of output channels g*Cog + blk*NB + [0, NB) (zero
/// words past Cog). `blocks` >= ceil(Cog / NB).
static Value buildPanels(OpBuilder &b, Location loc, Value weights,
                         int64_t groups, int64_t depth, int64_t nb,
                         int64_t blocks) {
  auto type = cast<RankedTensorType>(weights.getType());
  int64_t channels = type.getDimSize(0), perGroup = channels / groups;
  auto panelType =
      RankedTensorType::get({groups, blocks, depth, nb}, b.getI64Type());
  DenseIntElementsAttr constant;
  if (matchCompileTimeWeights(weights, constant)) {
    SmallVector<uint64_t> words;
    for (const APInt &w : constant.getValues<APInt>())
      words.push_back(w.getZExtValue());
    SmallVector<APInt> panel(groups * blocks * depth * nb, APInt(64, 0));
    for (int64_t g = 0; g < groups; ++g)
      for (int64_t blk = 0; blk < blocks; ++blk)
        for (int64_t j = 0; j < nb; ++j) {
          int64_t o = blk * nb + j;
          if (o >= perGroup)
            continue;
          for (int64_t k = 0; k < depth; ++k)
            panel[((g * blocks + blk) * depth + k) * nb + j] =
                APInt(64, words[(g * perGroup + o) * depth + k]);
        }
    return arith::ConstantOp::create(b, loc,
                                     DenseElementsAttr::get(panelType, panel));
  }
  // Run time: [Cout, ...] -> [G, Cog, K] -> pad Cog -> [G, blocks, NB, K]
  // -> transpose to [G, blocks, K, NB].
  SmallVector<ReassociationIndices> flat = {{0}};
  for (int64_t d = 1; d < type.getRank(); ++d)
    flat.back().push_back(d);
  flat = {{0}, {}};
  for (int64_t d = 1; d < type.getRank(); ++d)
    flat.back().push_back(d);
  Value rows = weights;
  if (type.getRank() != 2)
    rows = tensor::CollapseShapeOp::create(b, loc, weights, flat);
  Value grouped = tensor::ExpandShapeOp::create(
      b, loc, RankedTensorType::get({groups, perGroup, depth}, b.getI64Type()),
      rows, SmallVector<ReassociationIndices>{{0, 1}, {2}});
  int64_t padded = blocks * nb;
  if (padded != perGroup) {
    Value zero = arith::ConstantOp::create(b, loc, b.getI64IntegerAttr(0));
    grouped = tensor::PadOp::create(
        b, loc, RankedTensorType::get({groups, padded, depth}, b.getI64Type()),
        grouped, getAsIndexOpFoldResult(b.getContext(), {0, 0, 0}),
        getAsIndexOpFoldResult(b.getContext(), {0, padded - perGroup, 0}),
        zero);
  }
  Value blocked = tensor::ExpandShapeOp::create(
      b, loc,
      RankedTensorType::get({groups, blocks, nb, depth}, b.getI64Type()),
      grouped, SmallVector<ReassociationIndices>{{0}, {1, 2}, {3}});
  Value init =
      tensor::EmptyOp::create(b, loc, panelType.getShape(), b.getI64Type());
  return linalg::TransposeOp::create(b, loc, blocked, init,
                                     ArrayRef<int64_t>{0, 1, 3, 2})
      ->getResult(0);
}

//===----------------------------------------------------------------------===//
// Epilogue
//===----------------------------------------------------------------------===//

namespace {
/// What the epilogue needs to know about the op.
struct EpilogueInfo {
  Type outputType; // element type of the result: float, i32 or i64 (bits)
  Type floatType;  // type of the float epilogue
  Value multiplier, bias;
  std::optional<APFloat> dotMin, dotMax, outputMin, outputMax;
  int64_t depthBits; // K: the dot of a tile is K - 2 * popcount total
};

template <typename OpTy>
EpilogueInfo getEpilogueInfo(OpTy op, int64_t depthBits) {
  EpilogueInfo info;
  info.outputType = op.getOutput().getType().getElementType();
  info.floatType = info.outputType;
  if (!isa<FloatType>(info.outputType)) {
    info.floatType = Float32Type::get(op.getContext());
    if (Value m = op.getMultiplier())
      info.floatType = getElementTypeOrSelf(m.getType());
    else if (Value bias = op.getBias())
      info.floatType = getElementTypeOrSelf(bias.getType());
  }
  info.multiplier = op.getMultiplier();
  info.bias = op.getBias();
  info.dotMin = op.getDotMin();
  info.dotMax = op.getDotMax();
  info.outputMin = op.getOutputMin();
  info.outputMax = op.getOutputMax();
  info.depthBits = depthBits;
  return info;
}
} // namespace

/// dot = K - 2 * total as vector<L x i32>.
static Value dotOf(OpBuilder &b, Location loc, Value total, int64_t depthBits,
                   int64_t lanes) {
  Emitter e{b, loc};
  auto i64Type = VectorType::get({lanes}, b.getI64Type());
  Value twice = e.add(total, total);
  Value dot = e.sub(e.splat(i64Type, depthBits), twice);
  return arith::TruncIOp::create(b, loc,
                                 VectorType::get({lanes}, b.getI32Type()), dot);
}

/// The float epilogue on dot (vector<L x i32>) for output channels starting
/// at `channel` (per-channel operands read with zero padding past the end).
static Value floatEpilogue(OpBuilder &b, Location loc, const EpilogueInfo &info,
                           Value dot, Value channel, int64_t lanes) {
  auto type = VectorType::get({lanes}, info.floatType);
  Value y = arith::SIToFPOp::create(b, loc, type, dot);
  auto clamp = [&](Value v, std::optional<APFloat> lo,
                   std::optional<APFloat> hi) {
    auto bound = [&](const APFloat &x) -> Value {
      return arith::ConstantOp::create(
          b, loc,
          DenseElementsAttr::get(
              type, b.getFloatAttr(info.floatType, x.convertToDouble())));
    };
    if (lo)
      v = arith::MaximumFOp::create(b, loc, v, bound(*lo));
    if (hi)
      v = arith::MinimumFOp::create(b, loc, v, bound(*hi));
    return v;
  };
  y = clamp(y, info.dotMin, info.dotMax);
  auto perChannel = [&](Value tensor) -> Value {
    Value zero =
        arith::ConstantOp::create(b, loc, b.getFloatAttr(info.floatType, 0.0));
    return vector::TransferReadOp::create(
        b, loc, type, tensor, ValueRange{channel}, zero, ArrayRef<bool>{false});
  };
  if (info.multiplier)
    y = arith::MulFOp::create(b, loc, y, perChannel(info.multiplier));
  if (info.bias)
    y = arith::AddFOp::create(b, loc, y, perChannel(info.bias));
  return clamp(y, info.outputMin, info.outputMax);
}

/// Lane mask of output channels [channel, limit) in a vector of `lanes`.
static Value laneMask(OpBuilder &b, Location loc, Value channel, Value limit,
                      int64_t lanes) {
  // limit - channel, clamped below at 0 by create_mask.
  Value count = arith::SubIOp::create(b, loc, limit, channel);
  return vector::CreateMaskOp::create(
      b, loc, VectorType::get({lanes}, b.getI1Type()), ValueRange{count});
}

/// Write `value` (a vector) at `indices` of `dest` under `mask` (null: all
/// lanes in bounds).
static Value writeVector(OpBuilder &b, Location loc, Value value, Value dest,
                         ValueRange indices, Value mask) {
  int64_t rank = cast<RankedTensorType>(dest.getType()).getRank();
  AffineMap minor = AffineMap::getMinorIdentityMap(rank, 1, b.getContext());
  return vector::TransferWriteOp::create(b, loc, value, dest, indices,
                                         AffineMapAttr::get(minor), mask,
                                         b.getBoolArrayAttr({true}))
      .getResult();
}

/// The sign bits (y < 0) of a tile row as an i64 with `nb` bits at bit 0.
static Value signBits(OpBuilder &b, Location loc, ArrayRef<Value> ys,
                      int64_t lanes) {
  SmallVector<Value> bits;
  for (Value y : ys) {
    auto type = cast<VectorType>(y.getType());
    Value zero = arith::ConstantOp::create(
        b, loc,
        DenseElementsAttr::get(type,
                               b.getFloatAttr(type.getElementType(), 0.0)));
    bits.push_back(
        arith::CmpFOp::create(b, loc, arith::CmpFPredicate::OLT, y, zero));
  }
  int64_t width = lanes * ys.size();
  Value all = bits.front();
  if (bits.size() > 1) {
    // Concatenate the lane masks: shuffle pairwise.
    while (bits.size() > 1) {
      SmallVector<Value> next;
      for (size_t i = 0; i + 1 < bits.size(); i += 2) {
        int64_t n = cast<VectorType>(bits[i].getType()).getNumElements();
        SmallVector<int64_t> indices;
        for (int64_t j = 0; j < 2 * n; ++j)
          indices.push_back(j);
        next.push_back(
            vector::ShuffleOp::create(b, loc, bits[i], bits[i + 1], indices));
      }
      bits = next;
    }
    all = bits.front();
  }
  Type word = b.getIntegerType(width);
  Value packed =
      vector::BitCastOp::create(b, loc, VectorType::get({1}, word), all);
  Value scalar =
      vector::ExtractOp::create(b, loc, packed, ArrayRef<int64_t>{0});
  if (width < 64)
    scalar = arith::ExtUIOp::create(b, loc, b.getI64Type(), scalar);
  return scalar;
}

//===----------------------------------------------------------------------===//
// Tile epilogues
//===----------------------------------------------------------------------===//

namespace {
/// Where and how one register tile's results are written.
struct TileTarget {
  /// Output indices before the channel index, per tile row.
  SmallVector<SmallVector<Value>> rowIndices;
  /// The number of tile rows that exist (a partial block), or null when all
  /// do: rows at or past it are not written (masked writes).
  Value rowCount;
  /// Output channel of lane 0 of vector 0, and the exclusive bound of the
  /// channels this tile may write (the group's end).
  Value channelBase, channelLimit;
  /// Whether some lane can be past `channelLimit` (then writes are masked).
  bool masked = false;
  /// Optional: the per-lane i32 correction to subtract from the dot of row r
  /// at output channel `channel` (exact zero padding).
  std::function<Value(OpBuilder &, Location, int64_t, Value)> correction;
};
} // namespace

/// The write mask of tile row r combined with `laneMask` (either may be
/// null): all lanes off when the row does not exist.
static Value writeMask(OpBuilder &b, Location loc, const TileTarget &target,
                       int64_t r, Value laneMask, int64_t lanes) {
  if (!target.rowCount)
    return laneMask;
  Emitter e{b, loc};
  Value exists = e.ult(e.index(r), target.rowCount);
  auto maskType = VectorType::get({lanes}, b.getI1Type());
  Value rowMask = vector::BroadcastOp::create(b, loc, maskType, exists);
  if (!laneMask)
    return rowMask;
  return arith::AndIOp::create(b, loc, rowMask, laneMask);
}

/// The dot of (row r, vector u) as vector<L x i32>, corrected.
static Value tileDot(OpBuilder &b, Location loc, const BinaryKernelConfig &cfg,
                     const EpilogueInfo &info, const TileTarget &target,
                     ArrayRef<Value> totals, int64_t r, int64_t u,
                     Value channel) {
  Value dot =
      dotOf(b, loc, totals[r * cfg.vectors + u], info.depthBits, cfg.lanes);
  if (target.correction)
    dot = arith::SubIOp::create(b, loc, dot,
                                target.correction(b, loc, r, channel));
  return dot;
}

/// Write a float or raw i32 tile into `dest`; returns the updated tensor.
static Value writeTile(OpBuilder &b, Location loc,
                       const BinaryKernelConfig &cfg, const EpilogueInfo &info,
                       const TileTarget &target, ArrayRef<Value> totals,
                       Value dest) {
  Emitter e{b, loc};
  for (int64_t r = 0; r < cfg.rows; ++r)
    for (int64_t u = 0; u < cfg.vectors; ++u) {
      Value channel = e.add(target.channelBase, e.index(u * cfg.lanes));
      Value value = tileDot(b, loc, cfg, info, target, totals, r, u, channel);
      if (isa<FloatType>(info.outputType))
        value = floatEpilogue(b, loc, info, value, channel, cfg.lanes);
      Value lanes = target.masked ? laneMask(b, loc, channel,
                                             target.channelLimit, cfg.lanes)
                                  : Value();
      SmallVector<Value> indices(target.rowIndices[r]);
      indices.push_back(channel);
      dest = writeVector(b, loc, value, dest, indices,
                         writeMask(b, loc, target, r, lanes, cfg.lanes));
    }
  return dest;
}

/// The sign bits (y < 0) of each tile row, `columns()` bits at bit 0.
static SmallVector<Value> tileSignBits(OpBuilder &b, Location loc,
                                       const BinaryKernelConfig &cfg,
                                       const EpilogueInfo &info,
                                       const TileTarget &target,
                                       ArrayRef<Value> totals) {
  Emitter e{b, loc};
  SmallVector<Value> rowBits;
  for (int64_t r = 0; r < cfg.rows; ++r) {
    SmallVector<Value> ys;
    for (int64_t u = 0; u < cfg.vectors; ++u) {
      Value channel = e.add(target.channelBase, e.index(u * cfg.lanes));
      Value dot = tileDot(b, loc, cfg, info, target, totals, r, u, channel);
      ys.push_back(floatEpilogue(b, loc, info, dot, channel, cfg.lanes));
    }
    rowBits.push_back(signBits(b, loc, ys, cfg.lanes));
  }
  return rowBits;
}

/// Bit-packed output of one block of rows: for every output word, OR the
/// sign bits of its 64 / NB tiles (`tile(blk)` gives a tile's totals), keep
/// only the true channels of the last word, and insert the words.
static Value writeBitWords(
    OpBuilder &b, Location loc, const BinaryKernelConfig &cfg,
    const EpilogueInfo &info, TileTarget target, int64_t words,
    int64_t channels, Value dest,
    function_ref<SmallVector<Value>(OpBuilder &, Location, Value)> tile) {
  Emitter e{b, loc};
  int64_t nb = cfg.columns(), tilesPerWord = 64 / nb;
  auto wordLoop = scf::ForOp::create(
      b, loc, e.index(0), e.index(words), e.index(1), ValueRange{dest},
      [&](OpBuilder &wb, Location wl, Value word, ValueRange args) {
        Emitter we{wb, wl};
        SmallVector<Value> zeros(cfg.rows, we.i64(0));
        auto tiles = scf::ForOp::create(
            wb, wl, we.index(0), we.index(tilesPerWord), we.index(1), zeros,
            [&](OpBuilder &tb, Location tl, Value t, ValueRange partial) {
              Emitter te{tb, tl};
              Value blk = te.add(te.mul(word, te.index(tilesPerWord)), t);
              TileTarget tileTarget = target;
              tileTarget.channelBase = te.mul(blk, te.index(nb));
              SmallVector<Value> bits = tileSignBits(
                  tb, tl, cfg, info, tileTarget, tile(tb, tl, blk));
              Value shift = arith::IndexCastOp::create(tb, tl, tb.getI64Type(),
                                                       te.mul(t, te.index(nb)));
              SmallVector<Value> next;
              for (int64_t r = 0; r < cfg.rows; ++r)
                next.push_back(arith::OrIOp::create(
                    tb, tl, partial[r],
                    arith::ShLIOp::create(tb, tl, bits[r], shift)));
              scf::YieldOp::create(tb, tl, next);
            });
        // Tail bits past the true channel count stay 0.
        int64_t tail = channels % 64;
        Value current = args[0];
        for (int64_t r = 0; r < cfg.rows; ++r) {
          Value packed = tiles.getResult(r);
          if (tail) {
            Value isLast = arith::CmpIOp::create(
                wb, wl, arith::CmpIPredicate::eq, word, we.index(words - 1));
            Value keep = arith::SelectOp::create(
                wb, wl, isLast, we.i64((int64_t(1) << tail) - 1), we.i64(-1));
            packed = arith::AndIOp::create(wb, wl, packed, keep);
          }
          SmallVector<Value> indices(target.rowIndices[r]);
          indices.push_back(word);
          Value vector = vector::BroadcastOp::create(
              wb, wl, VectorType::get({1}, wb.getI64Type()), packed);
          current = writeVector(wb, wl, vector, current, indices,
                                writeMask(wb, wl, target, r, Value(), 1));
        }
        scf::YieldOp::create(wb, wl, current);
      });
  return wordLoop.getResult(0);
}

/// The U weight vectors of panel (g, blk) at flat depth index `k`.
static SmallVector<Value> loadWeights(OpBuilder &b, Location loc,
                                      const BinaryKernelConfig &cfg,
                                      Value panels, Value g, Value blk,
                                      Value k) {
  Emitter e{b, loc};
  auto type = VectorType::get({cfg.lanes}, b.getI64Type());
  SmallVector<Value> w;
  for (int64_t u = 0; u < cfg.vectors; ++u)
    w.push_back(vector::TransferReadOp::create(
        b, loc, type, panels, ValueRange{g, blk, k, e.index(u * cfg.lanes)},
        e.i64(0), ArrayRef<bool>{true}));
  return w;
}

/// Distribute `count` iterations of `body` (which updates the slice of the
/// output it is given) over an scf.forall, or run them in an scf.for.
/// `slice(iv)` gives the offsets/sizes of iteration iv's output slice.
static Value distribute(
    OpBuilder &b, Location loc, bool threads, Value count, Value init,
    function_ref<
        std::pair<SmallVector<OpFoldResult>, SmallVector<OpFoldResult>>(
            OpBuilder &, Location, Value)>
        slice,
    function_ref<Value(OpBuilder &, Location, Value iv, Value out, bool local)>
        body) {
  Emitter e{b, loc};
  if (!threads) {
    auto loop = scf::ForOp::create(
        b, loc, e.index(0), count, e.index(1), ValueRange{init},
        [&](OpBuilder &lb, Location ll, Value iv, ValueRange args) {
          scf::YieldOp::create(lb, ll, body(lb, ll, iv, args[0], false));
        });
    return loop.getResult(0);
  }
  auto forall = scf::ForallOp::create(
      b, loc, ArrayRef<OpFoldResult>{OpFoldResult(count)}, ValueRange{init},
      std::nullopt, [&](OpBuilder &fb, Location fl, ValueRange args) {
        auto [offsets, sizes] = slice(fb, fl, args[0]);
        SmallVector<OpFoldResult> strides(offsets.size(), fb.getIndexAttr(1));
        Value part = tensor::ExtractSliceOp::create(fb, fl, args[1], offsets,
                                                    sizes, strides);
        Value updated = body(fb, fl, args[0], part, true);
        auto terminator = scf::InParallelOp::create(fb, fl);
        OpBuilder::InsertionGuard guard(fb);
        fb.setInsertionPointToStart(terminator.getBody());
        tensor::ParallelInsertSliceOp::create(fb, fl, updated, args[1], offsets,
                                              sizes, strides);
      });
  return forall.getResult(0);
}

//===----------------------------------------------------------------------===//
// bmatmul
//===----------------------------------------------------------------------===//

namespace {
struct LowerBMatmul : OpRewritePattern<BMatmulOp> {
  LowerBMatmul(MLIRContext *ctx, const BinaryKernelConfig &config)
      : OpRewritePattern(ctx, /*benefit=*/2), config(config) {}

  LogicalResult matchAndRewrite(BMatmulOp op,
                                PatternRewriter &rewriter) const override {
    RankedTensorType lhsType = op.getLhs().getType();
    RankedTensorType resultType = op.getOutput().getType();
    if (lhsType.getRank() != 2 || !op.getRhs().getType().hasStaticShape() ||
        ShapedType::isDynamic(lhsType.getDimSize(1)))
      return rewriter.notifyMatchFailure(op, "batched or dynamic depth");
    const BinaryKernelConfig &cfg = config;
    bool bits = resultType.getElementType().isInteger(64);
    if (bits && 64 % cfg.columns() != 0)
      return rewriter.notifyMatchFailure(op, "tile columns do not divide 64");

    Location loc = op.getLoc();
    Emitter e{rewriter, loc};
    int64_t rows = cfg.rows, nb = cfg.columns();
    int64_t depth = lhsType.getDimSize(1);
    int64_t columns = op.getColumns();
    int64_t words = binary::packedWords(columns, 1);
    int64_t blocks = bits ? words * (64 / nb) : (columns + nb - 1) / nb;
    Value panels =
        buildPanels(rewriter, loc, op.getRhs(), 1, depth, nb, blocks);
    EpilogueInfo info = getEpilogueInfo(op, op.getK());

    Value lhs = op.getLhs();
    Value m = tensor::DimOp::create(rewriter, loc, lhs, 0);
    Value lastRow = e.sub(m, e.index(1));
    int64_t width = bits ? words : columns;
    Value init = tensor::EmptyOp::create(
        rewriter, loc,
        ArrayRef<OpFoldResult>{OpFoldResult(m), rewriter.getIndexAttr(width)},
        resultType.getElementType());
    Value rowBlocks =
        arith::CeilDivUIOp::create(rewriter, loc, m, e.index(rows));

    // Full blocks of R rows are distributed; the partial last block (if any)
    // follows with masked writes.
    Value fullBlocks = arith::DivUIOp::create(rewriter, loc, m, e.index(rows));
    auto slice = [&](OpBuilder &b, Location l, Value mb) {
      Emitter be{b, l};
      return std::make_pair(
          SmallVector<OpFoldResult>{OpFoldResult(be.mul(mb, be.index(rows))),
                                    b.getIndexAttr(0)},
          SmallVector<OpFoldResult>{b.getIndexAttr(rows),
                                    b.getIndexAttr(width)});
    };
    // One block of rows: every panel, tiles written into `out` (the whole
    // output, or with `local` this block's slice of it).
    auto rowBlock = [&](OpBuilder &b, Location l, Value mb, Value out,
                        bool local, bool partial) -> Value {
      Emitter be{b, l};
      Value m0 = be.mul(mb, be.index(rows));
      TileTarget target;
      if (partial)
        target.rowCount = be.sub(m, m0);
      SmallVector<Value> rowIndex;
      for (int64_t r = 0; r < rows; ++r) {
        Value row = be.add(m0, be.index(r));
        rowIndex.push_back(partial ? be.minui(row, lastRow) : row);
        target.rowIndices.push_back({local ? be.index(r) : row});
      }
      target.channelLimit = be.index(columns);
      target.masked = columns % nb != 0;
      Value zero = be.index(0);
      auto tile = [&](OpBuilder &tb, Location tl, Value blk) {
        return emitAccumulation(
            tb, tl, cfg, {depth},
            [&](OpBuilder &ab, Location al, int64_t r, ValueRange ks) {
              return Emitter{ab, al}.extract(lhs, {rowIndex[r], ks[0]});
            },
            [&](OpBuilder &wb, Location wl, ValueRange ks) {
              return loadWeights(wb, wl, cfg, panels, zero, blk, ks[0]);
            });
      };
      if (bits)
        return writeBitWords(b, l, cfg, info, target, words, columns, out,
                             tile);
      auto loop = scf::ForOp::create(
          b, l, be.index(0), be.index(blocks), be.index(1), ValueRange{out},
          [&](OpBuilder &nb2, Location nl, Value blk, ValueRange args) {
            TileTarget tileTarget = target;
            tileTarget.channelBase =
                Emitter{nb2, nl}.mul(blk, Emitter{nb2, nl}.index(nb));
            scf::YieldOp::create(nb2, nl,
                                 writeTile(nb2, nl, cfg, info, tileTarget,
                                           tile(nb2, nl, blk), args[0]));
          });
      return loop.getResult(0);
    };
    Value result = distribute(
        rewriter, loc, cfg.threads, fullBlocks, init, slice,
        [&](OpBuilder &b, Location l, Value mb, Value out, bool local) {
          return rowBlock(b, l, mb, out, local, /*partial=*/false);
        });
    // The partial block: 0 or 1 iterations.
    auto tail = scf::ForOp::create(
        rewriter, loc, fullBlocks, rowBlocks, e.index(1), ValueRange{result},
        [&](OpBuilder &b, Location l, Value mb, ValueRange args) {
          scf::YieldOp::create(
              b, l, rowBlock(b, l, mb, args[0], false, /*partial=*/true));
        });
    result = tail.getResult(0);
    rewriter.replaceOpWithNewOp<tensor::CastOp>(op, resultType, result);
    return success();
  }

  BinaryKernelConfig config;
};

//===----------------------------------------------------------------------===//
// bconv2d
//===----------------------------------------------------------------------===//

/// Exact zero padding for a constant filter: the rows (and columns) of the
/// output fall into classes by which kernel rows (columns) hit padding; the
/// table holds, per (row class, column class, output channel), what those
/// padded taps added as +1 inputs: sum of (Cg - 2 popcount(w[o, kh, kw])).
struct PaddingCorrection {
  SmallVector<int64_t> rowClass, columnClass;
  int64_t rowClasses = 0, columnClasses = 0;
  SmallVector<int32_t> table; // [rowClasses][columnClasses][Cout]
};

/// Classes of output positions along one axis by their set of padded taps.
static void classify(int64_t input, int64_t output, int64_t kernel,
                     int64_t stride, int64_t dilation, int64_t padBefore,
                     SmallVectorImpl<int64_t> &classOf,
                     SmallVectorImpl<SmallVector<bool>> &padded) {
  std::map<SmallVector<bool>, int64_t> ids;
  for (int64_t o = 0; o < output; ++o) {
    SmallVector<bool> taps;
    for (int64_t k = 0; k < kernel; ++k) {
      int64_t i = o * stride + k * dilation - padBefore;
      taps.push_back(i < 0 || i >= input);
    }
    auto [it, inserted] = ids.try_emplace(taps, padded.size());
    if (inserted)
      padded.push_back(taps);
    classOf.push_back(it->second);
  }
}

static std::optional<PaddingCorrection>
computeCorrection(BConv2DOp op, DenseIntElementsAttr filter) {
  RankedTensorType in = op.getInput().getType();
  RankedTensorType out = op.getOutput().getType();
  RankedTensorType filterType = op.getFilter().getType();
  ArrayRef<int64_t> padding = op.getPadding();
  int64_t channelsOut = filterType.getDimSize(0);
  int64_t kh = filterType.getDimSize(1), kw = filterType.getDimSize(2);
  int64_t groupWords = filterType.getDimSize(3);
  int64_t perGroup = op.getChannelsPerGroup();
  PaddingCorrection result;
  SmallVector<SmallVector<bool>> rowTaps, columnTaps;
  classify(in.getDimSize(1), out.getDimSize(1), kh, op.getStrides()[0],
           op.getDilations()[0], padding[0], result.rowClass, rowTaps);
  classify(in.getDimSize(2), out.getDimSize(2), kw, op.getStrides()[1],
           op.getDilations()[1], padding[2], result.columnClass, columnTaps);
  result.rowClasses = rowTaps.size();
  result.columnClasses = columnTaps.size();
  SmallVector<uint64_t> words;
  for (const APInt &w : filter.getValues<APInt>())
    words.push_back(w.getZExtValue());
  // What tap (o, i, j) contributes with a +1 input.
  auto tap = [&](int64_t o, int64_t i, int64_t j) {
    int64_t ones = 0;
    for (int64_t w = 0; w < groupWords; ++w)
      ones += llvm::popcount(words[((o * kh + i) * kw + j) * groupWords + w]);
    return perGroup - 2 * ones;
  };
  for (int64_t rc = 0; rc < result.rowClasses; ++rc)
    for (int64_t cc = 0; cc < result.columnClasses; ++cc)
      for (int64_t o = 0; o < channelsOut; ++o) {
        int64_t sum = 0;
        for (int64_t i = 0; i < kh; ++i)
          for (int64_t j = 0; j < kw; ++j)
            if (rowTaps[rc][i] || columnTaps[cc][j])
              sum += tap(o, i, j);
        result.table.push_back(static_cast<int32_t>(sum));
      }
  return result;
}

struct LowerBConv2D : OpRewritePattern<BConv2DOp> {
  LowerBConv2D(MLIRContext *ctx, const BinaryKernelConfig &config)
      : OpRewritePattern(ctx, /*benefit=*/2), config(config) {}

  LogicalResult matchAndRewrite(BConv2DOp op,
                                PatternRewriter &rewriter) const override {
    const BinaryKernelConfig &cfg = config;
    RankedTensorType inputType = op.getInput().getType();
    RankedTensorType filterType = op.getFilter().getType();
    RankedTensorType resultType = op.getOutput().getType();
    if (!filterType.hasStaticShape() || inputType.isDynamicDim(1) ||
        inputType.isDynamicDim(2) || resultType.isDynamicDim(1) ||
        resultType.isDynamicDim(2))
      return rewriter.notifyMatchFailure(op, "dynamic spatial or filter shape");
    bool bits = resultType.getElementType().isInteger(64);
    int64_t groups = op.getGroups();
    if (bits && (groups != 1 || 64 % cfg.columns() != 0))
      return rewriter.notifyMatchFailure(op, "grouped bit-packed output");
    ArrayRef<int64_t> padding = op.getPadding();
    bool zeroPadding = op.getPadValue() == 0 &&
                       llvm::any_of(padding, [](int64_t p) { return p; });
    DenseIntElementsAttr constantFilter;
    bool constant = matchCompileTimeWeights(op.getFilter(), constantFilter);
    if (zeroPadding && !constant)
      return rewriter.notifyMatchFailure(
          op, "exact zero padding needs a constant filter");

    Location loc = op.getLoc();
    Emitter e{rewriter, loc};
    int64_t nb = cfg.columns(), rows = cfg.rows, lanes = cfg.lanes;
    int64_t channelsOut = op.getChannelsOut();
    int64_t outPerGroup = channelsOut / groups;
    int64_t perGroup = op.getChannelsPerGroup();
    int64_t groupWords = filterType.getDimSize(3);
    int64_t kh = filterType.getDimSize(1), kw = filterType.getDimSize(2);
    int64_t depth = kh * kw * groupWords;
    int64_t outH = resultType.getDimSize(1), outW = resultType.getDimSize(2);
    int64_t sh = op.getStrides()[0], sw = op.getStrides()[1];
    int64_t dh = op.getDilations()[0], dw = op.getDilations()[1];
    int64_t words = binary::packedWords(channelsOut, 1);
    int64_t blocks = bits ? words * (64 / nb) : (outPerGroup + nb - 1) / nb;
    Value panels =
        buildPanels(rewriter, loc, op.getFilter(), groups, depth, nb, blocks);
    EpilogueInfo info = getEpilogueInfo(op, kh * kw * perGroup);

    // The input, padded with +1 words.
    Value input = op.getInput();
    if (llvm::any_of(padding, [](int64_t p) { return p; })) {
      Value zero = e.i64(0);
      SmallVector<int64_t> low = {0, padding[0], padding[2], 0};
      SmallVector<int64_t> high = {0, padding[1], padding[3], 0};
      RankedTensorType paddedType =
          tensor::PadOp::inferResultType(inputType, low, high);
      input = tensor::PadOp::create(
          rewriter, loc, paddedType, input,
          getAsIndexOpFoldResult(rewriter.getContext(), low),
          getAsIndexOpFoldResult(rewriter.getContext(), high), zero);
    }

    // Exact zero padding: correction table and class lookups.
    Value rowClass, columnClass, table;
    if (zeroPadding) {
      std::optional<PaddingCorrection> correction =
          computeCorrection(op, constantFilter);
      auto indexTensor = [&](ArrayRef<int64_t> values) -> Value {
        auto type = RankedTensorType::get({static_cast<int64_t>(values.size())},
                                          rewriter.getIndexType());
        SmallVector<APInt> elements;
        for (int64_t v : values)
          elements.emplace_back(64, v);
        return arith::ConstantOp::create(
            rewriter, loc, DenseElementsAttr::get(type, elements));
      };
      rowClass = indexTensor(correction->rowClass);
      columnClass = indexTensor(correction->columnClass);
      auto tableType = RankedTensorType::get(
          {correction->rowClasses, correction->columnClasses, channelsOut},
          rewriter.getI32Type());
      table = arith::ConstantOp::create(
          rewriter, loc,
          DenseElementsAttr::get(tableType, ArrayRef(correction->table)));
    }

    Value batch = tensor::DimOp::create(rewriter, loc, op.getInput(), 0);
    int64_t width = bits ? words : channelsOut;
    Value init = tensor::EmptyOp::create(
        rewriter, loc,
        ArrayRef<OpFoldResult>{OpFoldResult(batch), rewriter.getIndexAttr(outH),
                               rewriter.getIndexAttr(outW),
                               rewriter.getIndexAttr(width)},
        resultType.getElementType());
    // One unit of work: an output row (n, oh).
    Value units = e.mul(batch, e.index(outH));
    auto slice = [&](OpBuilder &b, Location l, Value unit) {
      Emitter be{b, l};
      Value n = arith::DivUIOp::create(b, l, unit, be.index(outH));
      Value oh = arith::RemUIOp::create(b, l, unit, be.index(outH));
      return std::make_pair(
          SmallVector<OpFoldResult>{OpFoldResult(n), OpFoldResult(oh),
                                    b.getIndexAttr(0), b.getIndexAttr(0)},
          SmallVector<OpFoldResult>{b.getIndexAttr(1), b.getIndexAttr(1),
                                    b.getIndexAttr(outW),
                                    b.getIndexAttr(width)});
    };
    int64_t fullPixelBlocks = outW / rows, tailPixels = outW % rows;
    auto outputRow = [&](OpBuilder &b, Location l, Value unit, Value out,
                         bool local) -> Value {
      Emitter be{b, l};
      Value n = arith::DivUIOp::create(b, l, unit, be.index(outH));
      Value oh = arith::RemUIOp::create(b, l, unit, be.index(outH));
      Value ihBase = be.mul(oh, be.index(sh));
      Value rc = zeroPadding ? be.extract(rowClass, {oh}) : Value();
      auto group = scf::ForOp::create(
          b, l, be.index(0), be.index(groups), be.index(1), ValueRange{out},
          [&](OpBuilder &gb, Location gl, Value g, ValueRange gargs) {
            Emitter ge{gb, gl};
            Value wordBase = ge.mul(g, ge.index(groupWords));
            Value channelBase0 = ge.mul(g, ge.index(outPerGroup));
            // R output pixels of this row (a partial block at the end).
            auto pixelBlock = [&](OpBuilder &pb, Location pl, Value pblk,
                                  Value dest, bool partial) -> Value {
              Emitter pe{pb, pl};
              Value ow0 = pe.mul(pblk, pe.index(rows));
              TileTarget target;
              if (partial)
                target.rowCount = pe.index(tailPixels);
              SmallVector<Value> iwBase, cc;
              for (int64_t r = 0; r < rows; ++r) {
                Value ow = pe.add(ow0, pe.index(r));
                Value owc = partial ? pe.minui(ow, pe.index(outW - 1)) : ow;
                iwBase.push_back(pe.mul(owc, pe.index(sw)));
                if (zeroPadding)
                  cc.push_back(pe.extract(columnClass, {owc}));
                Value zeroIdx = pe.index(0);
                target.rowIndices.push_back(
                    {local ? zeroIdx : n, local ? zeroIdx : oh, ow});
              }
              target.channelLimit = pe.add(channelBase0, pe.index(outPerGroup));
              target.masked = outPerGroup % nb != 0;
              if (zeroPadding)
                target.correction = [&, cc](OpBuilder &cb, Location cl,
                                            int64_t r, Value channel) {
                  Value zero = arith::ConstantOp::create(
                      cb, cl, cb.getI32IntegerAttr(0));
                  return vector::TransferReadOp::create(
                             cb, cl, VectorType::get({lanes}, cb.getI32Type()),
                             table, ValueRange{rc, cc[r], channel}, zero,
                             ArrayRef<bool>{false})
                      .getResult();
                };
              auto tile = [&](OpBuilder &tb, Location tl, Value blk) {
                return emitAccumulation(
                    tb, tl, cfg, {kh, kw, groupWords},
                    [&](OpBuilder &ab, Location al, int64_t r, ValueRange ks) {
                      Emitter ae{ab, al};
                      Value ih = ae.add(ihBase, ae.mul(ks[0], ae.index(dh)));
                      Value iw = ae.add(iwBase[r], ae.mul(ks[1], ae.index(dw)));
                      return ae.extract(input,
                                        {n, ih, iw, ae.add(wordBase, ks[2])});
                    },
                    [&](OpBuilder &wb, Location wl, ValueRange ks) {
                      Emitter we{wb, wl};
                      Value k = we.add(
                          we.mul(we.add(we.mul(ks[0], we.index(kw)), ks[1]),
                                 we.index(groupWords)),
                          ks[2]);
                      return loadWeights(wb, wl, cfg, panels, g, blk, k);
                    });
              };
              if (bits) {
                dest = writeBitWords(pb, pl, cfg, info, target, words,
                                     channelsOut, dest, tile);
              } else {
                auto blockLoop = scf::ForOp::create(
                    pb, pl, pe.index(0), pe.index(blocks), pe.index(1),
                    ValueRange{dest},
                    [&](OpBuilder &bb, Location bl, Value blk,
                        ValueRange bargs) {
                      Emitter bbe{bb, bl};
                      TileTarget tileTarget = target;
                      tileTarget.channelBase =
                          bbe.add(channelBase0, bbe.mul(blk, bbe.index(nb)));
                      scf::YieldOp::create(
                          bb, bl,
                          writeTile(bb, bl, cfg, info, tileTarget,
                                    tile(bb, bl, blk), bargs[0]));
                    });
                dest = blockLoop.getResult(0);
              }
              return dest;
            };
            auto pixels = scf::ForOp::create(
                gb, gl, ge.index(0), ge.index(fullPixelBlocks), ge.index(1),
                ValueRange{gargs[0]},
                [&](OpBuilder &pb, Location pl, Value pblk, ValueRange pargs) {
                  scf::YieldOp::create(
                      pb, pl, pixelBlock(pb, pl, pblk, pargs[0], false));
                });
            Value dest = pixels.getResult(0);
            if (tailPixels)
              dest = pixelBlock(gb, gl, ge.index(fullPixelBlocks), dest,
                                /*partial=*/true);
            scf::YieldOp::create(gb, gl, dest);
          });
      return group.getResult(0);
    };
    Value result =
        distribute(rewriter, loc, cfg.threads, units, init, slice, outputRow);
    rewriter.replaceOpWithNewOp<tensor::CastOp>(op, resultType, result);
    return success();
  }

  BinaryKernelConfig config;
};
} // namespace

//===----------------------------------------------------------------------===//
// bitpack
//===----------------------------------------------------------------------===//

namespace {
/// bitpack: each word is the sign mask of 64 channels, via vector.bitcast of
/// a vector<64 x i1>; group tails are read masked (padding 0.0 packs to 0).
struct LowerBitpack : OpRewritePattern<BitpackOp> {
  using OpRewritePattern::OpRewritePattern;

  LogicalResult matchAndRewrite(BitpackOp op,
                                PatternRewriter &rewriter) const override {
    RankedTensorType inputType = op.getInput().getType();
    int64_t channels = inputType.getShape().back();
    if (ShapedType::isDynamic(channels))
      return rewriter.notifyMatchFailure(op, "dynamic channel count");
    Location loc = op.getLoc();
    Emitter e{rewriter, loc};
    int64_t groups = op.getGroups(), perGroup = channels / groups;
    int64_t groupWords = binary::wordsPerGroup(channels, groups);
    int64_t rank = inputType.getRank();
    Type elementType = inputType.getElementType();

    // Flatten to [rows, C].
    Value input = op.getInput();
    if (rank != 2) {
      SmallVector<ReassociationIndices> reassociation(1);
      for (int64_t d = 0; d < rank - 1; ++d)
        reassociation.front().push_back(d);
      reassociation.push_back({rank - 1});
      if (rank == 1)
        reassociation = {{0}};
      input = rank == 1 ? tensor::ExpandShapeOp::create(
                              rewriter, loc,
                              RankedTensorType::get({1, channels}, elementType),
                              input, SmallVector<ReassociationIndices>{{0, 1}})
                              .getResult()
                        : tensor::CollapseShapeOp::create(rewriter, loc, input,
                                                          reassociation)
                              .getResult();
    }
    OpFoldResult rowCount = tensor::getMixedSize(rewriter, loc, input, 0);
    Value rows = getValueOrCreateConstantIndexOp(rewriter, loc, rowCount);
    Value init = tensor::EmptyOp::create(
        rewriter, loc,
        ArrayRef<OpFoldResult>{rowCount,
                               rewriter.getIndexAttr(groups * groupWords)},
        rewriter.getI64Type());
    auto vectorType = VectorType::get({64}, elementType);
    auto loop = scf::ForOp::create(
        rewriter, loc, e.index(0), rows, e.index(1), ValueRange{init},
        [&](OpBuilder &b, Location l, Value row, ValueRange args) {
          Emitter be{b, l};
          Value dest = args[0];
          Value zero =
              arith::ConstantOp::create(b, l, b.getFloatAttr(elementType, 0.0));
          Value zeros = arith::ConstantOp::create(
              b, l,
              DenseElementsAttr::get(vectorType,
                                     b.getFloatAttr(elementType, 0.0)));
          for (int64_t g = 0; g < groups; ++g)
            for (int64_t w = 0; w < groupWords; ++w) {
              int64_t first = g * perGroup + w * 64;
              int64_t count = std::min<int64_t>(64, perGroup - w * 64);
              Value x;
              AffineMap minor =
                  AffineMap::getMinorIdentityMap(2, 1, b.getContext());
              if (count == 64) {
                x = vector::TransferReadOp::create(
                    b, l, vectorType, input, ValueRange{row, be.index(first)},
                    zero, ArrayRef<bool>{true});
              } else {
                Value mask = vector::CreateMaskOp::create(
                    b, l, VectorType::get({64}, b.getI1Type()),
                    ValueRange{be.index(count)});
                x = vector::TransferReadOp::create(
                    b, l, vectorType, input, ValueRange{row, be.index(first)},
                    AffineMapAttr::get(minor), zero, mask,
                    b.getBoolArrayAttr({true}));
                x = arith::SelectOp::create(b, l, mask, x, zeros);
              }
              Value negative = arith::CmpFOp::create(
                  b, l, arith::CmpFPredicate::OLT, x, zeros);
              Value word = vector::BitCastOp::create(
                  b, l, VectorType::get({1}, b.getI64Type()), negative);
              Value scalar =
                  vector::ExtractOp::create(b, l, word, ArrayRef<int64_t>{0});
              dest = tensor::InsertOp::create(
                  b, l, scalar, dest,
                  ValueRange{row, be.index(g * groupWords + w)});
            }
          scf::YieldOp::create(b, l, dest);
        });
    Value packed = loop.getResult(0);
    RankedTensorType resultType = op.getType();
    if (rank != 2) {
      SmallVector<ReassociationIndices> reassociation(1);
      for (int64_t d = 0; d < rank - 1; ++d)
        reassociation.front().push_back(d);
      reassociation.push_back({rank - 1});
      if (rank == 1) {
        packed = tensor::CollapseShapeOp::create(
            rewriter, loc, packed, SmallVector<ReassociationIndices>{{0, 1}});
      } else {
        // Expand to the shape of the input (the result type may be more or
        // less static than it); the cast below gives the result type.
        SmallVector<OpFoldResult> shape =
            tensor::getMixedSizes(rewriter, loc, op.getInput());
        shape.back() = rewriter.getIndexAttr(groups * groupWords);
        SmallVector<int64_t> staticShape(op.getInput().getType().getShape());
        staticShape.back() = groups * groupWords;
        packed = tensor::ExpandShapeOp::create(
            rewriter, loc,
            RankedTensorType::get(staticShape, resultType.getElementType()),
            packed, reassociation, shape);
      }
    }
    rewriter.replaceOpWithNewOp<tensor::CastOp>(op, resultType, packed);
    return success();
  }
};
} // namespace

//===----------------------------------------------------------------------===//
// The pass
//===----------------------------------------------------------------------===//

void mlir::lq::populateLQBinaryToVectorPatterns(
    RewritePatternSet &patterns, const BinaryKernelConfig &config) {
  patterns.add<LowerBMatmul, LowerBConv2D>(patterns.getContext(), config);
  patterns.add<LowerBitpack>(patterns.getContext());
}

namespace {
struct ConvertLQBinaryToVectorPass
    : lq::impl::ConvertLQBinaryToVectorPassBase<ConvertLQBinaryToVectorPass> {
  using Base::Base;

  void runOnOperation() override {
    BinaryKernelConfig config = getDefaultBinaryKernelConfig(vectorBits);
    if (tileRows)
      config.rows = tileRows;
    if (tileVectors) {
      if (!llvm::isPowerOf2_32(tileVectors)) {
        emitError(getOperation()->getLoc())
            << "tile-vectors must be a power of two, got "
            << static_cast<int64_t>(tileVectors);
        return signalPassFailure();
      }
      config.vectors = tileVectors;
    }
    if (popcount == "i64")
      config.bytePopcount = false;
    else if (popcount == "i8")
      config.bytePopcount = true;
    else if (popcount != "auto") {
      emitError(getOperation()->getLoc())
          << "popcount must be i64, i8 or auto, got '" << popcount << "'";
      return signalPassFailure();
    }
    if (flushInterval < 1 || flushInterval > 31) {
      emitError(getOperation()->getLoc())
          << "flush-interval must be in [1, 31], got "
          << static_cast<int64_t>(flushInterval);
      return signalPassFailure();
    }
    config.flushInterval = flushInterval;
    config.threads = threads;

    RewritePatternSet patterns(&getContext());
    populateLQBinaryToVectorPatterns(patterns, config);
    // Each op is rewritten once; its replacement has no lq op to match.
    walkAndApplyPatterns(getOperation(), std::move(patterns));
  }
};
} // namespace
