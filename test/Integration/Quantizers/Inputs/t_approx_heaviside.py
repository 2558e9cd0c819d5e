from common import *

# ---------------------------------------------------------------- approx_sign
HEADER = run() + FOLDED + '''
// lq.approx_sign and lq.approx_sign_grad executed (lq-to-llvm) against values
// computed by hand from the semantics page and bit for bit against the
// constant folder. Forward: the sign of lq.ste_sign. Gradient:
// (1 - |x|) * 2 * dy where |x| <= 1 (inclusive), else 0 (a select). At
// |x| = 1 the slope is 0, so dy = +-inf gives NaN there (0 * inf), while
// NaN/inf in dy where |x| > 1 gives 0.
''' + FOLDED_CHECK
f = File(HEADER, ['f32', 'f64', 'f16', 'bf16'])
def adys(ty):
    # x:  -0   +0   1    -1   inf  -inf nan  tiny -tiny 0.5 -0.5 1+   -1-  1-   2.5  -2.5  3    big  -big
    return [1.5, 2.5, INF, -4.5, NAN, INF, -INF, 8.5, 9.5, NAN, 11.5, INF, NAN, -13.5, 14.5, -15.5, -INF, NAN, INF]
for ty, dyn in (('f32', True), ('f64', False), ('f16', True), ('bf16', True)):
    xs = [M.R(ty, v) for v in edges(ty)]
    f.tensor_case(f'approx_sign {ty}', 'approx_sign', '', ty, [19], xs,
                  expected=[M.sign(ty, v) for v in xs], dynamic=dyn)
    dys = [M.R(ty, v) for v in adys(ty)]
    f.tensor_case(f'approx_sign_grad {ty}', 'approx_sign_grad', '', ty, [19], xs, dys,
                  expected=[M.approx_sign_grad(ty, x, d) for x, d in zip(xs, dys)], dynamic=dyn)
# Values inside the mask: the slope (1 - |x|) * 2 rounds in the element type.
for ty in ('f32', 'f64', 'f16', 'bf16'):
    xs = [M.R(ty, v) for v in [0.1, -0.1, 0.3, -0.7, 0.999, 1/3, -2/3, 0.25, -0.75, 1e-3, 0.9, -0.9, 0.123, 0.5, -0.5, 0.875, 0.0625, -0.0625, 0.6]]
    dys = [M.R(ty, v) for v in [1.0, -1.0, 3.0, 0.1, 7.0, 1/3, 5.0, -2.0, 0.5, 1e3, -1e-3, 2.0, 3.3, -0.0, 0.0, 1.0, 4.0, -4.0, 0.7]]
    f.tensor_case(f'approx_sign_grad {ty} inside', 'approx_sign_grad', '', ty, [19], xs, dys,
                  expected=[M.approx_sign_grad(ty, x, d) for x, d in zip(xs, dys)])
for ty in ('f32', 'f64'):
    xs = [M.R(ty, v) for v in edges(ty)]
    dys = [M.R(ty, v) for v in adys(ty)]
    f.small_case(f'approx_sign_grad {ty} vector', 'approx_sign_grad', '', ty, xs, dys,
                 expected=[M.approx_sign_grad(ty, x, d) for x, d in zip(xs, dys)], vector=[19])
    f.small_case(f'approx_sign {ty} vector', 'approx_sign', '', ty, xs,
                 expected=[M.sign(ty, x) for x in xs], vector=[19])
for ty in ('f32', 'f16'):
    for x, d, name in ((1.0, INF, 'x = 1, dy = inf'), (-0.0, 3.0, 'x = -0, dy = 3'), (0.75, -2.0, 'x = 0.75, dy = -2')):
        xr, dr = M.R(ty, x), M.R(ty, d)
        f.small_case(f'approx_sign_grad {ty} scalar {name}', 'approx_sign_grad', '', ty, [xr], [dr],
                     expected=[M.approx_sign_grad(ty, xr, dr)])
open(OUT + '/approx-sign.mlir', 'w').write(f.render())

# -------------------------------------------------------------- ste_heaviside
HEADER = run() + run('="vector-bits=128"') + FOLDED + '''
// lq.ste_heaviside and lq.ste_heaviside_grad executed (lq-to-llvm) against
// values computed by hand from the semantics page and bit for bit against the
// constant folder. Forward: 1 for x > 0, else 0 (both zeros and NaN give 0).
// Gradient: the symmetric STE mask |x| <= clip_value (a select).
''' + FOLDED_CHECK
f = File(HEADER, ['f32', 'f64', 'f16', 'bf16'])
for ty, dyn in (('f32', True), ('f64', True), ('f16', False), ('bf16', True)):
    xs = [M.R(ty, v) for v in edges(ty)]
    f.tensor_case(f'ste_heaviside {ty}', 'ste_heaviside', '', ty, [19], xs,
                  expected=[M.heaviside(ty, v) for v in xs], dynamic=dyn)
for ty, dyn in (('f32', True), ('f64', True), ('f16', True), ('bf16', False)):
    xs = [M.R(ty, v) for v in edges(ty)]
    dys = [M.R(ty, v) for v in edge_dys(ty)]
    for clip, attr in ((1.0, ''), (0.5, 'clip_value = 0.5'), (0.0, 'clip_value = 0.0')):
        if ty != 'f32' and clip == 0.0: continue
        f.tensor_case(f'ste_heaviside_grad {ty} clip {clip}', 'ste_heaviside_grad', attr, ty, [19], xs, dys,
                      expected=[M.ste(ty, x, d, clip) for x, d in zip(xs, dys)], dynamic=dyn)
# Rank 3, dynamic: 2 x 3 x 7 = 42 elements, one 1-D loop after collapsing.
xs = [M.R('f32', v) for v in (edges('f32') * 3)[:42]]
f.tensor_case('ste_heaviside f32 rank 3', 'ste_heaviside', '', 'f32', [2, 3, 7], xs,
              expected=[M.heaviside('f32', v) for v in xs])
for ty in ('f32', 'f64', 'bf16'):
    xs = [M.R(ty, v) for v in edges(ty)]
    dys = [M.R(ty, v) for v in edge_dys(ty)]
    f.small_case(f'ste_heaviside {ty} vector', 'ste_heaviside', '', ty, xs,
                 expected=[M.heaviside(ty, x) for x in xs], vector=[19])
    f.small_case(f'ste_heaviside_grad {ty} vector clip none', 'ste_heaviside_grad', 'clip_value = none', ty, xs, dys,
                 expected=[M.ste(ty, x, d, None) for x, d in zip(xs, dys)], vector=[19])
    f.small_case(f'ste_heaviside_grad {ty} vector clip 0.5', 'ste_heaviside_grad', 'clip_value = 0.5', ty, xs, dys,
                 expected=[M.ste(ty, x, d, 0.5) for x, d in zip(xs, dys)], vector=[19])
for ty in ('f32', 'f64', 'f16'):
    for x, name in ((-0.0, '-0.0'), (0.0, '+0.0'), (NAN, 'nan'), (M.FMT and 2.0 ** (M.FMT[ty][1] - M.FMT[ty][0] + 1), 'tiny')):
        xr = M.R(ty, x)
        f.small_case(f'ste_heaviside {ty} scalar {name}', 'ste_heaviside', '', ty, [xr],
                     expected=[M.heaviside(ty, xr)])
open(OUT + '/ste-heaviside.mlir', 'w').write(f.render())
