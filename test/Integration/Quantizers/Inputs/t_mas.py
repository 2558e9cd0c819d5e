from common import *

HEADER = run() + run('="vector-bits=128"') + run('="vector-bits=512"') + FOLDED + '''
// lq.magnitude_aware_sign and its gradient executed (lq-to-llvm) against
// values computed by hand from the semantics page and bit for bit against the
// constant folder. Forward: scale[c] * sign(x) with scale = mean(|x|) over
// every axis but the last (one per channel; the sum in f64, rounded once, then
// divided by the row count in the element type). On rank 1 (and 0) every
// element is its own channel: scale = |x|, so y = x except -0.0 -> +0.0.
// Gradient: scale[c] * dy where |x| <= clip_value, else 0 (a select, the
// scale treated as a constant).
//
// The per-channel sums vectorize over the channels (vector<8xf32> at 256
// bits) with a scalar remainder: 19 and 11 channels.
''' + FOLDED_CHECK
f = File(HEADER, ['f32', 'f64', 'f16', 'bf16'])

def mas(ty, xs, shape):
    nch = shape[-1] if shape else 1
    rows = [xs[i:i + nch] for i in range(0, len(xs), nch)]
    if len(shape) <= 1:
        scales = None
    else:
        scales = M.channel_scales(ty, rows)
    out = []
    for i, x in enumerate(xs):
        s = abs(x) if scales is None else scales[i % nch]
        out.append(M.mul(ty, M.sign(ty, x), s))
    return out, scales

def mas_grad(ty, xs, dys, shape, clip):
    nch = shape[-1] if shape else 1
    rows = [xs[i:i + nch] for i in range(0, len(xs), nch)]
    scales = None if len(shape) <= 1 else M.channel_scales(ty, rows)
    out = []
    for i, (x, d) in enumerate(zip(xs, dys)):
        s = abs(x) if scales is None else scales[i % nch]
        out.append(M.ste(ty, x, M.mul(ty, s, d), clip))
    return out

def case(ty, xs, shape, label, dys=None, clip=1.0, attr='', dyn=True, note=None):
    xs = [M.R(ty, v) for v in xs]
    if dys is None:
        exp, _ = mas(ty, xs, shape)
        f.tensor_case(label, 'magnitude_aware_sign', attr, ty, shape, xs, expected=exp, dynamic=dyn, note=note)
    else:
        dys = [M.R(ty, v) for v in dys]
        f.tensor_case(label, 'magnitude_aware_sign_grad', attr, ty, shape, xs, dys,
                      expected=mas_grad(ty, xs, dys, shape, clip), dynamic=dyn, note=note)

# Rank 1: scale = |x|.
for ty, dyn in (('f32', True), ('f64', False), ('f16', True), ('bf16', True)):
    case(ty, edges(ty), [19], f'magnitude_aware_sign {ty} rank 1', dyn=dyn)
    case(ty, edges(ty), [19], f'magnitude_aware_sign_grad {ty} rank 1', dys=edge_dys(ty), dyn=dyn)

# Rank 2: 3 rows x 19 channels. Channel 0 has a NaN, 1 an inf, 2 only zeros,
# 3 a lone -tiny whose mean underflows to 0 (-tiny * 0 = -0.0), 4 values at
# +-clip_value, the rest ordinary values.
def rank2(ty):
    p, emin, _ = M.FMT[ty]
    tiny = 2.0 ** (emin - p + 1)
    cols = [[NAN, 1.0, -2.0], [INF, -1.0, 0.5], [0.0, -0.0, 0.0], [-tiny, 0.0, -0.0], [1.0, -1.0, 0.5]]
    for c in range(14):
        cols.append([((c * 3 + r * 5) % 9 - 4) * 0.375 for r in range(3)])
    return [cols[c][r] for r in range(3) for c in range(19)]
for ty, dyn in (('f32', True), ('f64', True), ('f16', False), ('bf16', True)):
    xs = rank2(ty)
    case(ty, xs, [3, 19], f'magnitude_aware_sign {ty} rank 2', dyn=dyn,
         note='Channels: 0 has a NaN, 1 an inf, 2 only zeros, 3 a lone -tiny (mean\nunderflows to 0: -0.0), 4 has +-1 = the clip bound.' if ty == 'f32' else None)
    dys = [[1.5, NAN, INF, -2.0, 0.5][i % 5] if i < 15 else 1.0 + i * 0.25 for i in range(57)]
    case(ty, xs, [3, 19], f'magnitude_aware_sign_grad {ty} rank 2', dys=dys, dyn=dyn)
    case(ty, xs, [3, 19], f'magnitude_aware_sign_grad {ty} rank 2 clip 0.5', dys=dys, clip=0.5,
         attr='clip_value = 0.5', dyn=dyn)
xs = rank2('f32')
dys = [[1.5, NAN, INF, -2.0, 0.5][i % 5] for i in range(57)]
case('f32', xs, [3, 19], 'magnitude_aware_sign_grad f32 rank 2 clip none', dys=dys, clip=None,
     attr='clip_value = none')

# Rank 4: 2 x 3 x 2 x 11 (12 rows x 11 channels), the layout of a conv kernel.
X4 = [((i * 7) % 23 - 11) * 0.125 for i in range(132)]
X4[5] = -0.0; X4[16] = 0.0
D4 = [((i * 5) % 13 - 6) * 0.5 for i in range(132)]
for ty in ('f32', 'f64', 'bf16'):
    case(ty, X4, [2, 3, 2, 11], f'magnitude_aware_sign {ty} rank 4')
    case(ty, X4, [2, 3, 2, 11], f'magnitude_aware_sign_grad {ty} rank 4', dys=D4, clip=1.0)
case('f32', X4, [2, 3, 2, 11], 'magnitude_aware_sign f32 rank 4 static', dyn=False)
# Rank 0: scale = |x|.
for x, name in ((-0.0, '-0.0'), (-2.5, '-2.5'), (NAN, 'nan')):
    f.tensor_case(f'magnitude_aware_sign f32 rank 0 x = {name}', 'magnitude_aware_sign', '', 'f32', [], [x],
                  expected=[M.mul('f32', M.sign('f32', x), abs(x))], dynamic=False)
f.tensor_case('magnitude_aware_sign_grad f64 rank 0', 'magnitude_aware_sign_grad', '', 'f64', [], [-0.75], [4.0],
              expected=[M.ste('f64', -0.75, M.mul('f64', 0.75, 4.0), 1.0)], dynamic=False)
open(OUT + '/magnitude-aware-sign.mlir', 'w').write(f.render())
