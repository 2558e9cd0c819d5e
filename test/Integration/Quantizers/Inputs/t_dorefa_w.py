import math
from common import *

RUNS = (run('="libm-transcendentals=1"', ' --check-prefixes=CHECK,LIBM') +
        run('') +
        run('="libm-transcendentals=1 vector-bits=128"', ' --check-prefixes=CHECK,LIBM') +
        run('="vector-bits=512"'))
HEADER = RUNS + FOLDED + '''
// lq.dorefa {mode = "weights"} and its gradient executed (lq-to-llvm) against
// values computed by hand from the semantics page and against the constant
// folder. l = tanh(x), D = max|l| over the whole tensor (a reduction),
// p = D == 0 ? 0.5 : l / (2D) + 0.5, y = 2 * round(p * n) / n - 1 (half to
// even, n = 2^k_bit - 1). A zero weight is a tie (p = 0.5): -1 for k_bit = 1,
// +1/n for k_bit >= 2 (2 * round(1.5) / 3 - 1 = 1/3, 2 * round(3.5) / 7 - 1
// = 1/7); an all-zero tensor (D = 0) maps every element there. A NaN weight
// makes D and every output NaN. Gradient: dy * (1 - tanh(x)^2) / D, and 0
// everywhere (even for a NaN/inf dy) when D = 0.
//
// The folder calls the host libm's tanh. With libm-transcendentals=1 so does
// the code: LIBM checks the printed gradients and all bits against the
// folder. By default f32 tanh (and f16/bf16, computed in f32) is MLIR's
// polynomial approximation: the quantized outputs below are still exact (no
// input is near a rounding boundary), and each gradient element must equal
// the folder's or lie within 1e-6 * |dy| * (1 + tanh(x)^2) / D of it, a
// relative 1e-6 of the terms of 1 - tanh(x)^2 ("far: 0"): the cancellation
// for large |x| amplifies the few-ulp error of the approximated tanh. f64
// tanh is a libm call in both modes: bit for bit.
''' + FOLDED_CHECK
f = File(HEADER, ['f32', 'f64', 'f16', 'bf16'])

def fwd(ty, xs, k, label, shape=None, dyn=True, note=None):
    xs = [M.R(ty, v) for v in xs]
    d = M.max_abs_tanh(ty, xs)
    attr = 'mode = "weights"' if k == 2 else f'k_bit = {k}, mode = "weights"'
    f.tensor_case(label, 'dorefa', attr, ty, shape or [len(xs)], xs,
                  expected=[M.dorefa_w(ty, x, d, k) for x in xs], dynamic=dyn,
                  bprefix=None if ty == 'f64' else 'LIBM', note=note)

def grad_scale(ty, x, dy, d):
    if d == 0 or M.isnan(d) or M.isnan(x) or M.isnan(dy): return 0.0
    t = math.tanh(x)
    return M.R(ty, abs(dy) * (1 + t * t) / d) if not math.isinf(dy) else 0.0

def grad(ty, xs, dys, k, label, shape=None, dyn=True, note=None):
    xs = [M.R(ty, v) for v in xs]; dys = [M.R(ty, v) for v in dys]
    d = M.max_abs_tanh(ty, xs)
    attr = 'mode = "weights"' if k == 2 else f'k_bit = {k}, mode = "weights"'
    exact_prefix = 'CHECK' if ty == 'f64' else 'LIBM'
    f.tensor_case(label, 'dorefa_grad', attr, ty, shape or [len(xs)], xs, dys,
                  expected=[M.dorefa_w_grad(ty, x, dy, d) for x, dy in zip(xs, dys)], dynamic=dyn,
                  vprefix=exact_prefix, far=([grad_scale(ty, x, dy, d) for x, dy in zip(xs, dys)], 1e-6, 'CHECK'),
                  note=note)

XW = [0.0, -0.0, 10.0, -10.0, 0.5, -0.5, 1.0, -1.0, 0.1, 2.0, -3.0, 0.25, 0.75, 1.5, -0.05, 0.3, -0.7, INF, 5.0]
DW = [1.0, 2.0, 3.0, -1.0, 0.5, 1.5, -2.0, 1.0, 4.0, 1.0, 1.0, -1.0, 2.0, 1.0, 1.0, 3.0, 1.0, NAN, 1.0]
for k in (1, 2, 3):
    fwd('f32', XW, k, f'dorefa weights f32 k_bit {k}', note='D = tanh(10) = 1 in f32; x[0], x[1] = +-0 are ties.' if k == 1 else None)
fwd('f32', XW, 8, 'dorefa weights f32 k_bit 8')
XS = [0.5, -0.25, 0.0, 0.1, -0.5, 0.3, -0.0, 0.2, 0.45, -0.35, 0.05, -0.15, 0.4, 0.125, -0.375, 0.0625, -0.4375, 0.49, 0.01]
for k in (1, 2, 3):
    fwd('f32', XS, k, f'dorefa weights f32 small k_bit {k}',
        note='D = tanh(0.5) < 1: x = 0.5 maps to +1, x = -0.5 to -1.' if k == 1 else None)
Z = [0.0, -0.0] * 9 + [0.0]
for k in (1, 2, 3):
    fwd('f32', Z, k, f'dorefa weights f32 zeros k_bit {k}', note='All zeros: D = 0, p = 0.5 everywhere.' if k == 1 else None)
fwd('f32', XW[:6] + [NAN] + XW[7:], 2, 'dorefa weights f32 nan', note='A NaN weight: D = NaN, every output NaN.')
for ty, dyn in (('f64', False), ('f16', True), ('bf16', True)):
    for k in (1, 2, 3):
        fwd(ty, XW, k, f'dorefa weights {ty} k_bit {k}', dyn=dyn)
    fwd(ty, Z, 2, f'dorefa weights {ty} zeros k_bit 2', dyn=dyn)
X37 = [((i * 13) % 37 - 18) * 0.125 for i in range(37)]
fwd('f32', X37, 3, 'dorefa weights f32 k_bit 3 rank 2', shape=[37, 1])
X40 = [((i * 11) % 40 - 20) * 0.1 for i in range(40)]
fwd('f32', X40, 2, 'dorefa weights f32 k_bit 2 rank 4', shape=[2, 2, 2, 5])

grad('f32', XW, DW, 2, 'dorefa_grad weights f32', note='D = 1; dy = NaN at x = inf gives NaN (no mask).')
grad('f32', XS, DW, 3, 'dorefa_grad weights f32 small', note='D = tanh(0.5).')
grad('f32', Z, [1.0, NAN, INF, -INF] * 4 + [1.0, 2.0, NAN], 2, 'dorefa_grad weights f32 zeros',
     note='D = 0: 0 everywhere, whatever dy.')
grad('f32', XW[:6] + [NAN] + XW[7:], DW, 1, 'dorefa_grad weights f32 nan')
for ty, dyn in (('f64', False), ('f16', True), ('bf16', True)):
    grad(ty, XW, DW, 2, f'dorefa_grad weights {ty}', dyn=dyn)
    grad(ty, Z, [1.0, NAN, INF, -INF] * 4 + [1.0, 2.0, NAN], 2, f'dorefa_grad weights {ty} zeros', dyn=dyn)
grad('f32', X37, [1.0 + (i % 5) * 0.25 for i in range(37)], 2, 'dorefa_grad weights f32 rank 2', shape=[37, 1])
grad('f32', X40, [(-1.0) ** i * (1 + i % 3) for i in range(40)], 2, 'dorefa_grad weights f32 rank 4', shape=[2, 2, 2, 5])
open(OUT + '/dorefa-weights.mlir', 'w').write(f.render())
