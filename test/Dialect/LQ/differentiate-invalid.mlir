// Errors of lq-differentiate: functions, marks and ops it cannot handle.
// RUN: lq-opt %s -split-input-file -lq-differentiate -verify-diagnostics

// An op without a reverse-mode rule on the differentiated path is named.
func.func @no_rule(%x: f32) -> f32 attributes {lq.differentiate} {
  // expected-error @+1 {{'math.sin' op has no reverse-mode rule (DifferentiableOpInterface); lq-differentiate cannot differentiate through it}}
  %y = math.sin %x : f32
  %z = math.exp %y : f32
  return %z : f32
}

// -----

func.func private @callee(f32) -> f32

func.func @call(%x: f32) -> f32 attributes {lq.differentiate} {
  // expected-error @+1 {{'func.call' op has no reverse-mode rule}}
  %y = func.call @callee(%x) : (f32) -> f32
  return %y : f32
}

// -----

// An op without a rule inside a linalg payload.
func.func @no_rule_in_payload(%x: tensor<4xf32>) -> tensor<4xf32> attributes {lq.differentiate} {
  %e = tensor.empty() : tensor<4xf32>
  %y = linalg.generic {indexing_maps = [affine_map<(i) -> (i)>, affine_map<(i) -> (i)>], iterator_types = ["parallel"]}
      ins(%x : tensor<4xf32>) outs(%e : tensor<4xf32>) {
  ^bb0(%a: f32, %o: f32):
    // expected-error @+1 {{'math.cos' op has no reverse-mode rule}}
    %c = math.cos %a : f32
    linalg.yield %c : f32
  } -> tensor<4xf32>
  return %y : tensor<4xf32>
}

// -----

// The gradient of an lq.*_grad op (a second derivative) is not defined.
func.func @second_order(%x: tensor<4xf32>, %dy: tensor<4xf32>) -> tensor<4xf32> attributes {lq.differentiate = {wrt = [0]}} {
  // expected-error @+1 {{'lq.ste_sign_grad' op has no reverse-mode rule}}
  %g = lq.ste_sign_grad %x, %dy : tensor<4xf32>
  return %g : tensor<4xf32>
}

// -----

func.func @reduction_generic(%x: tensor<4xf32>, %init: tensor<f32>) -> tensor<f32> attributes {lq.differentiate = {wrt = [0]}} {
  // expected-error @+1 {{'linalg.generic' op has reduction loops; lq-differentiate supports linalg ops with elementwise (all-parallel) bodies: express reductions with linalg.reduce}}
  %y = linalg.generic {indexing_maps = [affine_map<(i) -> (i)>, affine_map<(i) -> ()>], iterator_types = ["reduction"]}
      ins(%x : tensor<4xf32>) outs(%init : tensor<f32>) {
  ^bb0(%a: f32, %o: f32):
    %s = arith.addf %a, %o : f32
    linalg.yield %s : f32
  } -> tensor<f32>
  return %y : tensor<f32>
}

// -----

func.func @shifted_map(%x: tensor<5xf32>, %y: tensor<4x2xf32>) -> tensor<4x2xf32> attributes {lq.differentiate = {wrt = [0]}} {
  %e = tensor.empty() : tensor<4x2xf32>
  // expected-error @+1 {{'linalg.generic' op reads operand #0 through the indexing map affine_map<(d0, d1) -> (d0 + d1)>, which is not a projected permutation; its cotangent is not supported}}
  %z = linalg.generic {indexing_maps = [affine_map<(i, j) -> (i + j)>, affine_map<(i, j) -> (i, j)>, affine_map<(i, j) -> (i, j)>],
                       iterator_types = ["parallel", "parallel"]}
      ins(%x, %y : tensor<5xf32>, tensor<4x2xf32>) outs(%e : tensor<4x2xf32>) {
  ^bb0(%a: f32, %b: f32, %o: f32):
    %m = arith.mulf %a, %b : f32
    linalg.yield %m : f32
  } -> tensor<4x2xf32>
  return %z : tensor<4x2xf32>
}

// -----

func.func @captured(%x: tensor<4xf32>, %s: f32) -> tensor<4xf32> attributes {lq.differentiate = {wrt = [1]}} {
  %e = tensor.empty() : tensor<4xf32>
  // expected-error @+1 {{'linalg.generic' op uses a value being differentiated inside its region without taking it as an operand; lq-differentiate cannot differentiate through it}}
  %y = linalg.generic {indexing_maps = [affine_map<(i) -> (i)>, affine_map<(i) -> (i)>], iterator_types = ["parallel"]}
      ins(%x : tensor<4xf32>) outs(%e : tensor<4xf32>) {
  ^bb0(%a: f32, %o: f32):
    %m = arith.mulf %a, %s : f32
    linalg.yield %m : f32
  } -> tensor<4xf32>
  return %y : tensor<4xf32>
}

// -----

func.func @pad_value(%x: tensor<2xf32>, %v: f32) -> tensor<4xf32> attributes {lq.differentiate} {
  // expected-error @+1 {{'tensor.pad' op uses a value being differentiated inside its region}}
  %p = tensor.pad %x low[1] high[1] {
  ^bb0(%i: index):
    tensor.yield %v : f32
  } : tensor<2xf32> to tensor<4xf32>
  return %p : tensor<4xf32>
}

// -----

func.func @reduce_mul(%x: tensor<4xf32>, %init: tensor<f32>) -> tensor<f32> attributes {lq.differentiate = {wrt = [0]}} {
  // expected-error @+1 {{'linalg.reduce' op has a combiner that is neither an addf nor a maximumf/maxnumf of the element and the accumulator}}
  %y = linalg.reduce ins(%x : tensor<4xf32>) outs(%init : tensor<f32>) dimensions = [0]
    (%a: f32, %o: f32) {
      %s = arith.mulf %a, %o : f32
      linalg.yield %s : f32
    }
  return %y : tensor<f32>
}

// -----

func.func @conv_dynamic(%x: tensor<1x?x?x2xf32>, %w: tensor<3x3x2x4xf32>, %o: tensor<1x?x?x4xf32>) -> tensor<1x?x?x4xf32> attributes {lq.differentiate = {wrt = [0]}} {
  // expected-error @+1 {{'linalg.conv_2d_nhwc_hwcf' op needs static spatial input and filter sizes to differentiate with respect to its input}}
  %y = linalg.conv_2d_nhwc_hwcf ins(%x, %w : tensor<1x?x?x2xf32>, tensor<3x3x2x4xf32>) outs(%o : tensor<1x?x?x4xf32>) -> tensor<1x?x?x4xf32>
  return %y : tensor<1x?x?x4xf32>
}

// -----

// expected-error @+1 {{'func.func' op has several blocks; lq-differentiate handles straight-line functions only}}
func.func @blocks(%x: f32, %c: i1) -> f32 attributes {lq.differentiate} {
  cf.cond_br %c, ^a, ^b
^a:
  return %x : f32
^b:
  %y = math.exp %x : f32
  return %y : f32
}

// -----

// expected-error @+1 {{'func.func' op is marked for differentiation but has no body}}
func.func private @external(f32) -> f32 attributes {lq.differentiate}

// -----

// expected-error @+1 {{'wrt' index 2 is out of range for function 'out_of_range' with 2 arguments}}
func.func @out_of_range(%x: f32, %y: f32) -> f32 attributes {lq.differentiate = {wrt = [2]}} {
  return %x : f32
}

// -----

// expected-error @+1 {{'wrt' index 0 is repeated}}
func.func @repeated(%x: f32) -> f32 attributes {lq.differentiate = {wrt = [0, 0]}} {
  return %x : f32
}

// -----

// expected-error @+1 {{argument #1 of 'integer' has type 'i32', which cannot be differentiated (expected a float scalar, or a vector or ranked tensor of floats)}}
func.func @integer(%x: f32, %i: i32) -> f32 attributes {lq.differentiate = {wrt = [1]}} {
  return %x : f32
}

// -----

// expected-error @+1 {{function 'no_float' has no float argument to differentiate with respect to}}
func.func @no_float(%i: i32) -> i32 attributes {lq.differentiate} {
  return %i : i32
}

// -----

// expected-error @+1 {{'wrt' is empty}}
func.func @empty_wrt(%x: f32) -> f32 attributes {lq.differentiate = {wrt = []}} {
  return %x : f32
}

// -----

// expected-error @+1 {{'wrt' must be an array of integers, got ["x"]}}
func.func @bad_wrt(%x: f32) -> f32 attributes {lq.differentiate = {wrt = ["x"]}} {
  return %x : f32
}

// -----

// expected-error @+1 {{unknown key 'wrtt' in 'lq.differentiate' (expected 'wrt', 'name' or 'return_values')}}
func.func @unknown_key(%x: f32) -> f32 attributes {lq.differentiate = {wrtt = [0]}} {
  return %x : f32
}

// -----

// expected-error @+1 {{'lq.differentiate' must be a unit attribute or a dictionary, got [0]}}
func.func @bad_mark(%x: f32) -> f32 attributes {lq.differentiate = [0]} {
  return %x : f32
}

// -----

// expected-error @+1 {{'name' must be a non-empty string, got ""}}
func.func @empty_name(%x: f32) -> f32 attributes {lq.differentiate = {name = ""}} {
  return %x : f32
}

// -----

// expected-error @+1 {{'return_values' must be a boolean, got 1 : i64}}
func.func @bad_return_values(%x: f32) -> f32 attributes {lq.differentiate = {return_values = 1}} {
  return %x : f32
}

// -----

func.func @taken_grad(%x: f32) -> f32 {
  return %x : f32
}

// expected-error @+1 {{'func.func' op cannot generate its gradient function: the name 'taken_grad' is already taken}}
func.func @taken(%x: f32) -> f32 attributes {lq.differentiate} {
  return %x : f32
}

// -----

func.func @twice(%x: f32) -> f32 attributes {lq.differentiate = {name = "g"}} {
  return %x : f32
}

// expected-error @+1 {{'func.func' op cannot generate its gradient function: the name 'g' is requested twice}}
func.func @twice2(%x: f32) -> f32 attributes {lq.differentiate = {name = "g"}} {
  return %x : f32
}

// -----

// expected-error @+1 {{'func.func' op declares the gradient function of 'declared' with type '(f32) -> f32', but it has type '(f32, f32) -> f32'}}
func.func private @declared_grad(f32) -> f32

func.func @declared(%x: f32) -> f32 attributes {lq.differentiate} {
  return %x : f32
}
