from common import *

# ------------------------------------------------------------ noop (passing)
HEADER = run() + FOLDED + '''
// lq.noop (y = x) and lq.noop_grad (dx = dy) executed (lq-to-llvm) and
// compared bit for bit with the folder: every value passes through
// unchanged, -0.0, NaN and inf included. Scalars and vectors here; tensor
// kernels compose noop (or an STE gradient with clip_value = none) with
// another quantizer (identity.mlir has kernels that return their argument as
// is).
''' + FOLDED_CHECK
f = File(HEADER, ['f32', 'f64', 'f16', 'bf16'])
for ty in ('f32', 'f64'):
    xs = [M.R(ty, v) for v in edges(ty)]
    dys = [M.R(ty, v) for v in edge_dys(ty)]
    f.small_case(f'noop {ty} vector', 'noop', 'precision = 1', ty, xs, expected=xs, vector=[19])
    f.small_case(f'noop_grad {ty} vector', 'noop_grad', 'precision = 2', ty, xs, dys, expected=dys, vector=[19])
for ty in ('f32', 'f16', 'bf16'):
    for x, name in ((-0.0, '-0.0'), (NAN, 'nan'), (-INF, '-inf')):
        f.small_case(f'noop {ty} scalar {name}', 'noop', 'precision = 8', ty, [x], expected=[x])
        f.small_case(f'noop_grad {ty} scalar {name}', 'noop_grad', 'precision = 8', ty, [1.0], [x], expected=[x])
for ty in ('f32', 'f64'):
    xs = [M.R(ty, v) for v in edges(ty)]
    dys = [M.R(ty, v) for v in edge_dys(ty)]
    f.tensor_case(f'noop then ste_sign {ty}', 'ste_sign', '', ty, [19], xs,
                  expected=[M.sign(ty, x) for x in xs], pre=('noop', 'precision = 1'))
    f.tensor_case(f'noop_grad then approx_sign_grad {ty}', 'approx_sign_grad', '', ty, [19], xs, dys,
                  expected=[M.approx_sign_grad(ty, x, d) for x, d in zip(xs, dys)], pre=('noop_grad', 'precision = 1'))
    f.tensor_case(f'ste_sign_grad clip none then dorefa_grad {ty}', 'dorefa_grad', '', ty, [19], xs, dys,
                  expected=[M.dorefa_act_grad(ty, x, d) for x, d in zip(xs, dys)], pre=('ste_sign_grad', 'clip_value = none'))
open(OUT + '/noop.mlir', 'w').write(f.render())

# ------------------------------------------------------- identity
HEADER = ('''// Tensor kernels that return one of their arguments unchanged: lq.noop,
// lq.noop_grad and the STE gradients with clip_value = none lower to the
// argument itself, so the function returns its argument (a
// bufferization.clone, which lq-to-llvm must lower as well). Executed values
// against hand-computed ones and bit for bit against the folder.
''' + run() + FOLDED + FOLDED_CHECK)
f = File(HEADER, ['f32', 'f64'])
for ty in ('f32', 'f64'):
    xs = [M.R(ty, v) for v in edges(ty)]
    dys = [M.R(ty, v) for v in edge_dys(ty)]
    f.tensor_case(f'noop {ty}', 'noop', 'precision = 1', ty, [19], xs, expected=xs)
    f.tensor_case(f'noop_grad {ty}', 'noop_grad', 'precision = 1', ty, [19], xs, dys, expected=dys)
    for op in ('ste_sign_grad', 'ste_heaviside_grad', 'ste_tern_grad'):
        f.tensor_case(f'{op} {ty} clip none', op, 'clip_value = none', ty, [19], xs, dys, expected=dys)
open(OUT + '/identity.mlir', 'w').write(f.render())
