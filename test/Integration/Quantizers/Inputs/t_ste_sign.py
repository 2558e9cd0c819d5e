from common import *

HEADER = run() + run('="vector-bits=128"') + run('="vector-bits=512"') + FOLDED + '''
// lq.ste_sign and lq.ste_sign_grad executed (lq-to-llvm, vectorized main loop
// plus scalar remainder: 19 elements) against values computed by hand from
// the semantics page, and bit for bit against the constant folder.
//
// Forward: +1 for x >= 0 including -0.0 (and NaN, lq's documented choice),
// -1 for x < 0. Gradient: dy where |x| <= clip_value (inclusive), else 0, a
// select: NaN/inf in dy never leaks through a closed mask. clip_value = 0
// passes dy only at x = +-0; clip_value = none passes dy everywhere.
''' + FOLDED_CHECK

f = File(HEADER, ['f32', 'f64', 'f16', 'bf16'])
for ty, dyn in (('f32', True), ('f64', False), ('f16', True), ('bf16', True)):
    xs = [M.R(ty, v) for v in edges(ty)]
    f.tensor_case(f'ste_sign {ty}', 'ste_sign', '', ty, [19], xs,
                  expected=[M.sign(ty, v) for v in xs], dynamic=dyn)
for ty, dyn in (('f32', True), ('f64', False), ('f16', True), ('bf16', False)):
    xs = [M.R(ty, v) for v in edges(ty)]
    dys = [M.R(ty, v) for v in edge_dys(ty)]
    for clip, attr in ((1.0, ''), (0.0, 'clip_value = 0.0'), (2.5, 'clip_value = 2.5')):
        if ty in ('f16', 'bf16') and clip == 0.0: continue
        f.tensor_case(f'ste_sign_grad {ty} clip {clip}', 'ste_sign_grad', attr, ty, [19], xs, dys,
                      expected=[M.ste(ty, x, d, clip) for x, d in zip(xs, dys)], dynamic=dyn)
# 37 elements: 32 in vectors + 5 remainder at 256 bits.
xs37 = [M.R('f32', v) for v in (edges('f32') + edges('f32')[:18])]
dy37 = [M.R('f32', v) for v in (edge_dys('f32') + edge_dys('f32')[::-1][:18])]
f.tensor_case('ste_sign_grad f32 clip 1.0 37 elements', 'ste_sign_grad', '', 'f32', [37], xs37, dy37,
              expected=[M.ste('f32', x, d, 1.0) for x, d in zip(xs37, dy37)], kernel='ste_sign_grad_f32_37')
# 2-D dynamic.
f.tensor_case('ste_sign f32 rank 2', 'ste_sign', '', 'f32', [2, 19], xs37 + [5.0],
              expected=[M.sign('f32', v) for v in xs37 + [5.0]])
# Scalars and vectors (arith/math directly, no linalg).
for ty in ('f32', 'f64', 'f16', 'bf16'):
    for x, name in ((-0.0, '-0.0'), (0.0, '+0.0'), (NAN, 'nan'), (-1e-30 if ty != 'f16' else -6e-8, 'tiny negative')):
        xr = M.R(ty, x)
        f.small_case(f'ste_sign {ty} scalar {name}', 'ste_sign', '', ty, [xr],
                     expected=[M.sign(ty, xr)])
for ty in ('f32', 'f64'):
    xs = [M.R(ty, v) for v in edges(ty)]
    dys = [M.R(ty, v) for v in edge_dys(ty)]
    f.small_case(f'ste_sign {ty} vector', 'ste_sign', '', ty, xs, expected=[M.sign(ty, v) for v in xs], vector=[19])
    for clip, attr in ((1.0, ''), (0.0, 'clip_value = 0.0'), (None, 'clip_value = none')):
        f.small_case(f'ste_sign_grad {ty} vector clip {clip}', 'ste_sign_grad', attr, ty, xs, dys,
                     expected=[M.ste(ty, x, d, clip) for x, d in zip(xs, dys)], vector=[19])
xs = [M.R('f16', v) for v in edges('f16')][:16]
dys = [M.R('f16', v) for v in edge_dys('f16')][:16]
f.small_case('ste_sign_grad f16 vector 2x8 clip none', 'ste_sign_grad', 'clip_value = none', 'f16', xs, dys,
             expected=[M.ste('f16', x, d, None) for x, d in zip(xs, dys)], vector=[2, 8])
open(OUT + '/ste-sign.mlir', 'w').write(f.render())
