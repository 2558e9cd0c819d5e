// A kernel that returns its tensor argument as is (lq.noop, lq.noop_grad and
// the STE gradients with clip_value = none lower to that argument) gets a
// bufferization.clone from the buffer deallocation pipeline: lq-to-llvm must
// lower it too (convert-bufferization-to-memref), not leave it between
// unrealized_conversion_casts in an otherwise LLVM dialect module that
// mlir-translate and mlir-runner reject.

// RUN: lq-opt %s --lq-to-llvm | FileCheck %s --implicit-check-not=bufferization. --implicit-check-not=unrealized_conversion_cast
// RUN: lq-opt %s --lq-to-llvm | mlir-translate --mlir-to-llvmir | FileCheck %s --check-prefix=LLVM

// CHECK-LABEL: llvm.func @noop(
// CHECK-LABEL: llvm.func @clip_none(
// LLVM: define {{.*}} @noop(
// LLVM: define {{.*}} @clip_none(

func.func @noop(%x: tensor<?xf32>) -> tensor<?xf32> {
  %y = lq.noop %x {precision = 1} : tensor<?xf32>
  return %y : tensor<?xf32>
}

func.func @clip_none(%x: tensor<?xf32>, %dy: tensor<?xf32>) -> tensor<?xf32> {
  %dx = lq.ste_sign_grad %x, %dy {clip_value = none} : tensor<?xf32>
  return %dx : tensor<?xf32>
}
