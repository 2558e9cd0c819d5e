from common import *
from twn import twn_fixed_point, nextdown

HEADER = run() + run('="vector-bits=128"') + run('="vector-bits=512"') + FOLDED + '''
// lq.ste_tern and lq.ste_tern_grad executed (lq-to-llvm) against values
// computed by hand from the semantics page and bit for bit against the
// constant folder. Forward: +1 for x >= t, -1 for x <= -t, 0 in between (the
// boundary goes to +-1; t = |threshold_value|, t = 0 gives sign with
// sign(0) = 0, NaN gives 0). With ternary_weight_networks the threshold is
// t = 0.7 * sum|x| / size(x) over the whole tensor (sum in f64, rounded once):
// each TWN tensor below is built so that +-t itself and the next float below
// t are elements. Gradient: STE(clip_value), independent of t.
''' + FOLDED_CHECK
f = File(HEADER, ['f32', 'f64', 'f16', 'bf16'])

def tern_edges(ty, t):
    t = M.R(ty, t)
    below = nextdown(ty, t)
    return [-0.0, 0.0, t, -t, below, -below, INF, -INF, NAN, 0.5, -0.5, 1.0, -1.0,
            M.R(ty, 0.04), M.R(ty, -0.06), 2.0 ** (M.FMT[ty][1] - M.FMT[ty][0] + 1), 3.0, -3.0, M.R(ty, 0.1)]

for ty, dyn in (('f32', True), ('f64', False), ('f16', True), ('bf16', True)):
    xs = tern_edges(ty, 0.05)
    t = M.R(ty, 0.05)
    f.tensor_case(f'ste_tern {ty} threshold 0.05', 'ste_tern', '', ty, [19], xs,
                  expected=[M.ternarize(ty, x, t) for x in xs], dynamic=dyn)
for ty in ('f32', 'f64'):
    xs = tern_edges(ty, 0.5)
    for thr, attr in ((0.5, 'threshold_value = 0.5'), (-0.5, 'threshold_value = -0.5'), (0.0, 'threshold_value = 0.0')):
        f.tensor_case(f'ste_tern {ty} threshold {thr}', 'ste_tern', attr, ty, [19], xs,
                      expected=[M.ternarize(ty, x, M.R(ty, thr)) for x in xs])

base = [1.0, -2.0, 3.0, 0.5, -0.25, 1.5, -1.0, 0.75, 2.5, -3.0, 0.1, -0.2, 0.3, 4.0, -0.0]
for ty, dyn in (('f32', True), ('f64', True), ('f16', False), ('bf16', True)):
    xs, t = twn_fixed_point(ty, base)
    f.tensor_case(f'ste_tern {ty} twn 19', 'ste_tern', 'ternary_weight_networks = true', ty, [19], xs,
                  expected=[M.ternarize(ty, x, t) for x in xs], dynamic=dyn,
                  note=f'TWN threshold t = {t!r}: x[15], x[16] = +-t, x[17], x[18] = +-nextdown(t).')
# 37 elements as a dynamic 37x1 and a 2-D 4x? tensor: the reduction runs in
# vector partial sums plus a remainder.
base37 = [((i * 7) % 11 - 5) * 0.375 for i in range(31)]
for ty, shape in (('f32', [37]), ('f64', [37])):
    xs, t = twn_fixed_point(ty, base37, m_pairs=2)
    f.tensor_case(f'ste_tern {ty} twn 37', 'ste_tern', 'ternary_weight_networks = true', ty, shape, xs,
                  expected=[M.ternarize(ty, x, t) for x in xs],
                  note=f'TWN threshold t = {t!r} (31 values, then +-t twice and +-nextdown(t)).')
xs, t = twn_fixed_point('f32', [v * 1.25 for v in base37[:23]] , m_pairs=2)
assert len(xs) == 29
xs = xs[:28] if False else xs
xs2, t2 = twn_fixed_point('f32', [v * 1.25 for v in base37[:22]], m_pairs=3)
assert len(xs2) == 30, len(xs2)
f.tensor_case('ste_tern f32 twn rank 2', 'ste_tern', 'ternary_weight_networks = true', 'f32', [5, 6], xs2,
              expected=[M.ternarize('f32', x, t2) for x in xs2],
              note=f'TWN over a 5x6 tensor, t = {t2!r} (+-t three times, then +-nextdown(t)).')
# Special values in a TWN tensor: inf makes t = inf (only +-inf reach it:
# inf - inf is NaN, sign0(NaN) = 0, so +inf -> +1), NaN makes t = NaN (all 0).
for name, special in (('inf', [INF, -INF]), ('nan', [NAN, 1.0])):
    xs = [M.R('f32', v) for v in base + special + [5.0, -5.0]]
    t = M.twn_threshold('f32', xs)
    f.tensor_case(f'ste_tern f32 twn {name}', 'ste_tern', 'ternary_weight_networks = true', 'f32', [19], xs,
                  expected=[M.ternarize('f32', x, t) for x in xs])
# Regression: an f64 TWN sum whose value depends on the summation order
# (2^53 + 1 rounds back to 2^53). The folder sums sequentially; the executed
# sum must too (a vector of partial sums would add the 1s up first and move
# t by a few ulps, turning the elements equal to t into 0).
big = 2.0 ** 53
t = 0.0
for _ in range(100):
    xs = [big] + [1.0] * 16 + [t, -t]
    t2 = M.twn_threshold('f64', xs)
    if t2 == t: break
    t = t2
f.tensor_case('ste_tern f64 twn order', 'ste_tern', 'ternary_weight_networks = true', 'f64', [19], xs,
              expected=[M.ternarize('f64', x, t) for x in xs],
              note=f'TWN threshold t = {t!r} = x[17] = -x[18].')

# Gradient: STE(clip_value), whatever the threshold.
for ty, dyn in (('f32', True), ('f64', False), ('f16', True), ('bf16', True)):
    xs = [M.R(ty, v) for v in edges(ty)]
    dys = [M.R(ty, v) for v in edge_dys(ty)]
    for clip, attr in ((1.0, ''), (0.5, 'threshold_value = 0.7, ternary_weight_networks = true, clip_value = 0.5')):
        f.tensor_case(f'ste_tern_grad {ty} clip {clip}', 'ste_tern_grad', attr, ty, [19], xs, dys,
                      expected=[M.ste(ty, x, d, clip) for x, d in zip(xs, dys)], dynamic=dyn)
for ty in ('f32', 'f64'):
    xs = tern_edges(ty, 0.05)
    t = M.R(ty, 0.05)
    f.small_case(f'ste_tern {ty} vector', 'ste_tern', '', ty, xs,
                 expected=[M.ternarize(ty, x, t) for x in xs], vector=[19])
    xs = [M.R(ty, v) for v in edges(ty)]
    dys = [M.R(ty, v) for v in edge_dys(ty)]
    f.small_case(f'ste_tern_grad {ty} vector clip 0.0', 'ste_tern_grad', 'clip_value = 0.0', ty, xs, dys,
                 expected=[M.ste(ty, x, d, 0.0) for x, d in zip(xs, dys)], vector=[19])
for ty in ('f32', 'bf16'):
    t = M.R(ty, 0.05)
    for x, name in ((t, 'x = t'), (-t, 'x = -t'), (nextdown(ty, t), 'x = nextdown(t)'), (-0.0, 'x = -0'), (NAN, 'x = nan')):
        f.small_case(f'ste_tern {ty} scalar {name}', 'ste_tern', '', ty, [x],
                     expected=[M.ternarize(ty, x, t)])
open(OUT + '/ste-tern.mlir', 'w').write(f.render())
