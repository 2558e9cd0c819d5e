// Regression test for lq-to-llvm (not lq-differentiate): a linalg op reading
// an i1 tensor from memory. Vectorized, the read would be a
// vector.transfer_read of vector<3xi1>, which LLVM loads bit-packed from a
// buffer that holds one byte per i1, so the select took the wrong lanes (it
// printed [1, 20, 30]). lq-vectorize-linalg now leaves ops with i1 operands
// scalar.
// RUN: lq-opt %s -lq-to-llvm | %lq_finish_llvm | %lq_run_main | FileCheck %s

// CHECK: [1,  20,  3]

func.func @main() {
  %a = arith.constant dense<[1.0, 2.0, 3.0]> : tensor<3xf64>
  %b = arith.constant dense<[10.0, 20.0, 30.0]> : tensor<3xf64>
  %cond = arith.constant dense<[true, false, true]> : tensor<3xi1>
  %e = tensor.empty() : tensor<3xf64>
  %s = linalg.select ins(%cond, %a, %b : tensor<3xi1>, tensor<3xf64>, tensor<3xf64>) outs(%e : tensor<3xf64>) -> tensor<3xf64>
  %u = tensor.cast %s : tensor<3xf64> to tensor<*xf64>
  func.call @printMemrefF64(%u) : (tensor<*xf64>) -> ()
  return
}
func.func private @printMemrefF64(tensor<*xf64>)
