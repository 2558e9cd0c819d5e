from common import *
from twn import nextdown

HEADER = run() + run('="vector-bits=512"') + FOLDED + '''
// lq.dorefa (mode "activations", the default) and its gradient executed
// (lq-to-llvm) against values computed by hand from the semantics page and
// bit for bit against the constant folder. Forward:
// round(clip(x, 0, 1) * n) / n, n = 2^k_bit - 1, rounding half to even:
//   k_bit = 1 (n = 1): 0.5 -> 0;
//   k_bit = 2 (n = 3): 0.5 * 3 = 1.5 -> 2 (2/3), f(1/6) * 3 rounds to 0.5 -> 0,
//                      f(5/6) * 3 rounds to 2.5 -> 2 (2/3);
//   k_bit = 3 (n = 7): f(1/14) * 7 = 0.5 -> 0, f(3/14) * 7 = 1.5 -> 2 (2/7),
//                      0.5 * 7 = 3.5 -> 4 (4/7), f(5/14) * 7 = 2.5 -> 2.
// (f(v) is v rounded to the element type; each product rounds to the exact
// tie in the element type, which the folder and the code see alike.)
// clip is maximum(minimum(x, 1), 0): NaN propagates, -0.0 becomes +0.
// Gradient: dy where 0 <= x <= 1 (both ends inclusive, -0.0 inside), else 0.
''' + FOLDED_CHECK
f = File(HEADER, ['f32', 'f64', 'f16', 'bf16'])

def act_edges(ty):
    return [-0.0, 0.0, 1.0, -1.0, INF, -INF, NAN, 0.5, 1/6, 5/6, 1/14, 3/14, 5/14, 0.25, 0.75,
            2.0, nextdown(ty, 1.0), 1 + 2.0 ** (1 - M.FMT[ty][0]), 0.3]

for ty, dyn in (('f32', True), ('f64', False), ('f16', True), ('bf16', True)):
    xs = [M.R(ty, v) for v in act_edges(ty)]
    for k in (1, 2, 3):
        attr = '' if k == 2 else f'k_bit = {k}'
        f.tensor_case(f'dorefa {ty} k_bit {k}', 'dorefa', attr, ty, [19], xs,
                      expected=[M.dorefa_act(ty, x, k) for x in xs], dynamic=dyn)
# Ties in f32 at k_bit = 1, 2, 3 (the products are exact ties).
for k, ties in ((1, [0.5, 1.5]), (2, [1/6, 0.5, 5/6]), (3, [1/14, 3/14, 5/14, 0.5, 9/14, 11/14, 13/14])):
    for v in ties:
        x = M.R('f32', v)
        if x > 1: continue
        assert (M.mul('f32', x, float(2**k - 1)) * 2) % 2 == 1, (k, v)
# Large k_bit: 8 (bf16 max), 11 (f16 max), 24 (f32 max), 53 (f64 max).
for ty, k in (('bf16', 8), ('f16', 11), ('f32', 24), ('f64', 53)):
    xs = [M.R(ty, v) for v in [0.1, 0.2, 1/3, 0.7, 0.999, 2.0 ** -20, 0.5, 0.123456789, 0.9, 0.01, 0.33, 0.66, 0.77, 0.88, 0.11, 0.22, 0.44, 0.55, 0.99]]
    f.tensor_case(f'dorefa {ty} k_bit {k}', 'dorefa', f'k_bit = {k}', ty, [19], xs,
                  expected=[M.dorefa_act(ty, x, k) for x in xs])
# 37 elements, 2-D dynamic (3 x 13 minus... 37 is prime: 37 x 1).
xs = [M.R('f32', v) for v in (act_edges('f32') * 2)[:37]]
f.tensor_case('dorefa f32 k_bit 3 rank 2', 'dorefa', 'k_bit = 3', 'f32', [37, 1], xs,
              expected=[M.dorefa_act('f32', x, 3) for x in xs])
for ty, dyn in (('f32', True), ('f64', True), ('f16', False), ('bf16', True)):
    xs = [M.R(ty, v) for v in act_edges(ty)]
    dys = [M.R(ty, v) for v in [1.5, 2.5, 3.5, INF, NAN, -INF, INF, NAN, 9.5, 10.5, -11.5, 12.5, 13.5, 14.5, 15.5, NAN, 17.5, INF, -19.5]]
    f.tensor_case(f'dorefa_grad {ty}', 'dorefa_grad', 'k_bit = 3' if ty == 'f64' else '', ty, [19], xs, dys,
                  expected=[M.dorefa_act_grad(ty, x, d) for x, d in zip(xs, dys)], dynamic=dyn)
for ty in ('f32', 'f64'):
    xs = [M.R(ty, v) for v in act_edges(ty)]
    f.small_case(f'dorefa {ty} vector k_bit 2', 'dorefa', '', ty, xs,
                 expected=[M.dorefa_act(ty, x, 2) for x in xs], vector=[19])
    dys = [M.R(ty, v) for v in [1.5, 2.5, 3.5, INF, NAN, -INF, INF, NAN, 9.5, 10.5, -11.5, 12.5, 13.5, 14.5, 15.5, NAN, 17.5, INF, -19.5]]
    f.small_case(f'dorefa_grad {ty} vector', 'dorefa_grad', '', ty, xs, dys,
                 expected=[M.dorefa_act_grad(ty, x, d) for x, d in zip(xs, dys)], vector=[19])
for ty in ('f32', 'f16'):
    for x, k in ((0.5, 1), (M.R(ty, 5/6), 2), (0.5, 3), (-0.0, 2)):
        x = M.R(ty, x)
        f.small_case(f'dorefa {ty} scalar k_bit {k} x = {x!r}', 'dorefa', f'k_bit = {k}', ty, [x],
                     expected=[M.dorefa_act(ty, x, k)])
open(OUT + '/dorefa-activations.mlir', 'w').write(f.render())
