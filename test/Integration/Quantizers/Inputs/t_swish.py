import math
from common import *

RUNS = (run('="libm-transcendentals=1"', ' --check-prefixes=CHECK,LIBM') +
        run('', '') +
        run('="vector-bits=128"', '') +
        run('="libm-transcendentals=1 vector-bits=512"', ' --check-prefixes=CHECK,LIBM'))
HEADER = RUNS + FOLDED + '''
// lq.swish_sign and lq.swish_sign_grad executed (lq-to-llvm) against values
// computed by hand from the semantics page and against the constant folder.
// Forward: the hard sign of lq.ste_sign. Gradient, bx = beta * x:
// dy * beta * (2 - bx * tanh(bx / 2)) / (1 + cosh(bx)); no mask; negative for
// |x| > 2.3994 / beta; 0 (-0.0 for dy > 0) once cosh(bx) overflows; NaN at
// x = +-inf (-inf / inf).
//
// The folder calls the host libm's tanh/cosh. With libm-transcendentals=1 the
// executed code calls the same functions: LIBM checks the printed values and
// the bits against the folder. By default f32 tanh/cosh (and f16/bf16,
// computed in f32) are MLIR's polynomial approximations: every run checks
// that each element is equal to the folder's value or within
// 1e-6 * |dy * beta| * (2 + |bx * tanh(bx / 2)|) / (1 + cosh(bx)) of it, i.e.
// a relative 1e-6 of the terms before the cancellation in the numerator
// ("far: 0"). f64 tanh/cosh are libm calls in both modes: bit for bit.
''' + FOLDED_CHECK
f = File(HEADER, ['f32', 'f64', 'f16', 'bf16'])

def scale(ty, x, dy, beta):
    if M.isnan(x) or M.isnan(dy) or math.isinf(x): return 0.0
    bx = beta * x
    try:
        c = math.cosh(bx)
    except OverflowError:
        return 0.0
    return M.R(ty, abs(dy * beta) * (2 + abs(bx * math.tanh(bx / 2))) / (1 + c))

for ty in ('f32', 'f64', 'f16', 'bf16'):
    xs = [M.R(ty, v) for v in edges(ty)]
    f.tensor_case(f'swish_sign {ty}', 'swish_sign', '', ty, [19], xs, expected=[M.sign(ty, v) for v in xs])

def grad_case(ty, beta, xs, dys, shape=None, dyn=True, label=None, note=None):
    xs = [M.R(ty, v) for v in xs]; dys = [M.R(ty, v) for v in dys]
    attr = '' if beta == 5.0 else f'beta = {beta}'
    exp = [M.swish_sign_grad(ty, x, d, beta) for x, d in zip(xs, dys)]
    sc = [scale(ty, x, d, beta) for x, d in zip(xs, dys)]
    exact_prefix = 'CHECK' if ty == 'f64' else 'LIBM'
    f.tensor_case(label or f'swish_sign_grad {ty} beta {beta}', 'swish_sign_grad', attr, ty, shape or [len(xs)], xs, dys,
                  expected=exp, dynamic=dyn, vprefix=exact_prefix, far=(sc, 1e-6, 'CHECK'), note=note)

X5 = [0.0, -0.0, 0.1, -0.1, 0.3, 0.47, 0.49, -0.49, 0.5, 1.0, -1.0, 2.0, 5.0, 17.8, -17.8, 20.0, INF, -INF, NAN]
D5 = [1.0, 2.0, NAN, 0.5, 1.0, 1.0, 1.0, 1.0, 1.0, 3.0, -3.0, 1.0, 1.0, 1.5, 1.0, 1.0, 1.0, 1.0, 1.0]
grad_case('f32', 5.0, X5, D5, note='x = 0.47 is above zero, 0.49 below (|x| > 2.3994 / 5); at x = +-17.8\n(bx = 89) cosh is still finite in f32, at 20 (bx = 100) it overflows.')
grad_case('f32', 10.0, X5, D5)
X64 = X5[:15] + [150.0, INF, -INF, NAN]
grad_case('f64', 5.0, X64, D5, dyn=False, note='x = 150: cosh(750) overflows in f64.')
grad_case('f64', 10.0, X64, D5)
XH = [0.0, -0.0, 0.1, -0.1, 0.3, 0.47, 0.49, -0.49, 0.5, 1.0, -1.0, 2.0, 3.0, 1.5, -1.5, 20.0, INF, -INF, NAN]
grad_case('f16', 5.0, XH, [1.0, 2.0, NAN, 0.5, 1.0, 1.0, 1.0, 1.0, 1.0, 3.0, -3.0, 1.0, 1.0, 1.5, 1.0, 1.0, 1.0, 1.0, 1.0],
          note='f16: cosh(bx) overflows (65504) for bx > ~11.8, so x = 3 already gives -0.')
grad_case('bf16', 5.0, X5, D5)
# 37 elements over a 2-D dynamic tensor (37 x 1) and a 4-D one.
X37 = [((i * 13) % 37 - 18) * 0.0625 for i in range(37)]
D37 = [1.0 + (i % 5) * 0.25 for i in range(37)]
grad_case('f32', 5.0, X37, D37, shape=[37, 1], label='swish_sign_grad f32 beta 5.0 rank 2')
X40 = [((i * 11) % 40 - 20) * 0.05 for i in range(40)]
D40 = [(-1.0) ** i * (1 + i % 3) for i in range(40)]
grad_case('f32', 2.5, X40, D40, shape=[2, 2, 2, 5], label='swish_sign_grad f32 beta 2.5 rank 4')
# Scalars and vectors: arith/math on the values themselves.
for ty in ('f64',):
    xs = [M.R(ty, v) for v in X64]; dys = D5
    f.small_case(f'swish_sign_grad {ty} vector', 'swish_sign_grad', '', ty, xs, dys,
                 expected=[M.swish_sign_grad(ty, x, d) for x, d in zip(xs, dys)], vector=[19])
    for x, d in ((0.0, 1.0), (0.5, 1.0), (-17.8, 2.0)):
        f.small_case(f'swish_sign_grad {ty} scalar x = {x}', 'swish_sign_grad', '', ty, [x], [d],
                     expected=[M.swish_sign_grad(ty, x, d)])
xs = [M.R('f32', v) for v in X5]
f.small_case('swish_sign_grad f32 vector', 'swish_sign_grad', '', 'f32', xs, D5,
             expected=[M.swish_sign_grad('f32', x, d) for x, d in zip(xs, D5)], vector=[19], vprefix='LIBM')
for x, d in ((0.0, 1.0), (0.5, 1.0), (17.8, 1.0), (20.0, 1.0)):
    xr = M.R('f32', x)
    f.small_case(f'swish_sign_grad f32 scalar x = {x}', 'swish_sign_grad', '', 'f32', [xr], [d],
                 expected=[M.swish_sign_grad('f32', xr, d)], vprefix='LIBM')
xs = [M.R('f32', v) for v in edges('f32')]
f.small_case('swish_sign f32 vector', 'swish_sign', '', 'f32', xs, expected=[M.sign('f32', v) for v in xs], vector=[19])
open(OUT + '/swish-sign.mlir', 'w').write(f.render())
