// Finite-difference harness shared by the fd-*.mlir tests (concatenated
// after a test, not a test itself). The test defines
//   @params() -> tensor<?xf64>               smooth evaluation point p
//   @f(tensor<?xf64>) -> f64                 marked lq.differentiate
// and lq-differentiate generates @f_grad. For every i the harness compares
// df/dp_i from @f_grad with the central difference
//   (f(p + h e_i) - f(p - h e_i)) / 2h,  h = 1e-6,
// and prints the largest relative error |fd - ad| / max(1, |fd|) and PASS
// when it is at most 1e-6 (the truncation error is O(h^2) ~ 1e-12 and the
// rounding error O(eps/h) ~ 1e-10 in f64).

func.func private @f_grad(tensor<?xf64>, f64) -> tensor<?xf64>

func.func @main() {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %zero = arith.constant 0.0 : f64
  %one = arith.constant 1.0 : f64
  %h = arith.constant 1.0e-6 : f64
  %two_h = arith.constant 2.0e-6 : f64
  %tol = arith.constant 1.0e-6 : f64
  %p = func.call @params() : () -> tensor<?xf64>
  %g = func.call @f_grad(%p, %one) : (tensor<?xf64>, f64) -> tensor<?xf64>
  %n = tensor.dim %p, %c0 : tensor<?xf64>
  %err = scf.for %i = %c0 to %n step %c1 iter_args(%e = %zero) -> (f64) {
    %v = tensor.extract %p[%i] : tensor<?xf64>
    %vp = arith.addf %v, %h : f64
    %vm = arith.subf %v, %h : f64
    %pp = tensor.insert %vp into %p[%i] : tensor<?xf64>
    %pm = tensor.insert %vm into %p[%i] : tensor<?xf64>
    %fp = func.call @f(%pp) : (tensor<?xf64>) -> f64
    %fm = func.call @f(%pm) : (tensor<?xf64>) -> f64
    %df = arith.subf %fp, %fm : f64
    %fd = arith.divf %df, %two_h : f64
    %ad = tensor.extract %g[%i] : tensor<?xf64>
    %diff = arith.subf %fd, %ad : f64
    %adiff = math.absf %diff : f64
    %afd = math.absf %fd : f64
    %scale = arith.maximumf %afd, %one : f64
    %rel = arith.divf %adiff, %scale : f64
    %next = arith.maximumf %e, %rel : f64
    scf.yield %next : f64
  }
  vector.print str "parameters: "
  vector.print %n : index
  vector.print str "max relative error: "
  vector.print %err : f64
  %ok = arith.cmpf ole, %err, %tol : f64
  scf.if %ok {
    vector.print str "PASS\n"
  } else {
    vector.print str "FAIL\n"
  }
  return
}
