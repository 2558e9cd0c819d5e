// Reverse-mode rules of tensor.expand_shape, collapse_shape, extract_slice
// (strided, rank-reducing), insert_slice, pad, cast, extract, insert,
// from_elements and empty, against central finite differences in f64
// (tolerance: see Inputs/fd-harness.mlir).
// RUN: cat %s %S/Inputs/fd-harness.mlir | lq-opt -lq-differentiate -lq-to-llvm \
// RUN:   | %lq_finish_llvm | %lq_run_main | FileCheck %s

// CHECK: parameters: 24
// CHECK: PASS

func.func @params() -> tensor<?xf64> {
  %c = arith.constant dense<[0.3, -0.7, 1.1, 0.45, -0.2, 0.8, -1.3, 0.65,
                             0.15, 0.9, -0.55, 0.35, 1.2, -0.4, 0.05, 0.6,
                             -0.9, 0.25, 0.7, -0.15, 0.5, -1.05, 0.85, 0.1]> : tensor<24xf64>
  %d = tensor.cast %c : tensor<24xf64> to tensor<?xf64>
  return %d : tensor<?xf64>
}

func.func @f(%p: tensor<?xf64>) -> f64 attributes {lq.differentiate} {
  %x = tensor.cast %p : tensor<?xf64> to tensor<24xf64>
  %a = tensor.expand_shape %x [[0, 1, 2]] output_shape [2, 3, 4] : tensor<24xf64> into tensor<2x3x4xf64>
  // Strided, rank-reducing slice: a[1, 0:3:2, 1:4:2] (2x2).
  %s = tensor.extract_slice %a[1, 0, 1] [1, 2, 2] [1, 2, 2] : tensor<2x3x4xf64> to tensor<2x2xf64>
  %sq = arith.mulf %s, %s : tensor<2x2xf64>
  // Pad by (1, 0) low and (0, 2) high with a constant.
  %pv = arith.constant 0.5 : f64
  %pad = tensor.pad %sq low[1, 0] high[0, 2] {
  ^bb0(%i: index, %j: index):
    tensor.yield %pv : f64
  } : tensor<2x2xf64> to tensor<3x4xf64>
  %c2 = tensor.collapse_shape %a [[0, 1], [2]] : tensor<2x3x4xf64> into tensor<6x4xf64>
  %top = tensor.extract_slice %c2[0, 0] [3, 4] [1, 1] : tensor<6x4xf64> to tensor<3x4xf64>
  %mix = arith.mulf %pad, %top : tensor<3x4xf64>
  // Insert a 2x2 block of %mix into a slice of %c2.
  %blk = tensor.extract_slice %mix[1, 1] [2, 2] [1, 1] : tensor<3x4xf64> to tensor<2x2xf64>
  %ins = tensor.insert_slice %blk into %c2[3, 0] [2, 2] [1, 2] : tensor<2x2xf64> into tensor<6x4xf64>
  %dyn = tensor.cast %ins : tensor<6x4xf64> to tensor<?x4xf64>
  %back = tensor.cast %dyn : tensor<?x4xf64> to tensor<6x4xf64>
  // Scalars out of and into tensors.
  %i0 = arith.constant 0 : index
  %i1 = arith.constant 1 : index
  %i3 = arith.constant 3 : index
  %u = tensor.extract %back[%i3, %i1] : tensor<6x4xf64>
  %v = tensor.extract %mix[%i0, %i1] : tensor<3x4xf64>
  %uv = arith.mulf %u, %v : f64
  %ins2 = tensor.insert %uv into %back[%i0, %i0] : tensor<6x4xf64>
  %fe = tensor.from_elements %u, %uv, %v, %u : tensor<2x2xf64>
  %fe2 = tensor.collapse_shape %fe [[0, 1]] : tensor<2x2xf64> into tensor<4xf64>
  %e = tensor.empty() : tensor<6x4xf64>
  %fb = linalg.broadcast ins(%fe2 : tensor<4xf64>) outs(%e : tensor<6x4xf64>) dimensions = [0]
  %t = arith.mulf %ins2, %fb : tensor<6x4xf64>
  %th = math.tanh %t : tensor<6x4xf64>
  %w = arith.constant dense<[[0.7, -1.3, 0.4, 0.1], [2.1, 0.5, -0.8, 0.3], [1.1, -0.6, 0.9, -0.2],
                             [0.2, 1.4, -0.3, 0.6], [-0.5, 0.8, 1.2, -1.1], [0.9, -0.4, 0.05, 0.75]]> : tensor<6x4xf64>
  %wt = arith.mulf %th, %w : tensor<6x4xf64>
  %zero = arith.constant 0.0 : f64
  %e0 = tensor.empty() : tensor<f64>
  %z = linalg.fill ins(%zero : f64) outs(%e0 : tensor<f64>) -> tensor<f64>
  %sum = linalg.reduce ins(%wt : tensor<6x4xf64>) outs(%z : tensor<f64>) dimensions = [0, 1]
    (%in: f64, %acc: f64) {
      %r = arith.addf %in, %acc : f64
      linalg.yield %r : f64
    }
  %l = tensor.extract %sum[] : tensor<f64>
  return %l : f64
}
