#!/usr/bin/env python3
"""Emit a module of lq.bconv2d / lq.bmatmul / lq.bitpack cases on fixed
pseudo-random packed data, whose @main prints every result.

The lit tests lower the same module with the reference lowering
(binary-kernels=reference) and with the fast kernels under several
configurations, and require identical output. The cases cover the kernels'
edges: partial row and column tiles, groups whose channel count is not a
whole tile, tail words (channels 31, 33, 65, 130, 200), zero and one padding
(the correction table), strides and dilation, batches, and the three output
kinds (float epilogue with clamps, bit-packed with tail masking, raw i32).

Usage: gen_cases.py SEED
"""
import random
import sys

rng = random.Random(int(sys.argv[1]) if len(sys.argv) > 1 else 1)

# N, H, W, Cin, Cout, KH, KW, strides, dilations, padding (t, b, l, r),
# pad_value, groups, output kind
CONVS = [
    (1, 6, 7, 33, 13, 3, 3, (1, 1), (1, 1), (1, 1, 1, 1), 0, 1, 'f32'),
    (2, 5, 5, 64, 8, 3, 3, (2, 2), (1, 1), (1, 1, 1, 1), 0, 1, 'i32'),
    (1, 7, 6, 65, 70, 3, 3, (1, 1), (2, 2), (2, 2, 2, 2), 0, 1, 'i64'),
    (1, 6, 6, 130, 9, 5, 5, (1, 1), (1, 1), (2, 2, 2, 2), 1, 1, 'f32'),
    (1, 5, 7, 64, 12, 3, 3, (1, 1), (1, 1), (1, 1, 1, 1), 0, 2, 'f32'),
    (1, 5, 5, 200, 64, 1, 1, (1, 1), (1, 1), (0, 0, 0, 0), 0, 1, 'i64'),
    (3, 4, 4, 31, 5, 3, 3, (1, 2), (1, 1), (0, 1, 1, 0), 0, 1, 'i32'),
    (1, 8, 8, 40, 6, 3, 3, (1, 1), (1, 1), (1, 1, 1, 1), 1, 2, 'i32'),
]
# M, K (bits), N, output kind
# (11, 100, 5, i32): a single partial column tile; with threads and byte
# popcount it once left an OpenMP region lq-to-llvm could not lower.
MATMULS = [(11, 150, 13, 'f32'), (5, 64, 70, 'i64'), (9, 1000, 33, 'i32'),
           (1, 4096, 10, 'f32'), (11, 100, 5, 'i32')]
# shape, groups
BITPACKS = [((3, 5, 100), 1), ((2, 64), 2), ((7, 200), 1)]


def words(channels, groups, count):
    """`count` rows of packed words with zero tail bits."""
    per_group = channels // groups
    result = []
    for _ in range(count):
        for _ in range(groups):
            for w in range((per_group + 63) // 64):
                v = rng.getrandbits(min(64, per_group - 64 * w))
                result.append(v if v < 2**63 else v - 2**64)
    return result


def dense(values, shape, elt='i64'):
    flat = ','.join(str(v) for v in values)
    size = 1
    for d in shape:
        size *= d
    dims = 'x'.join(map(str, shape))
    return (f'dense<[{flat}]> : tensor<{size}x{elt}>', f'tensor<{dims}x{elt}>',
            size)


out = ['func.func private @printMemrefF32(tensor<*xf32>)',
       'func.func private @printMemrefI32(tensor<*xi32>)',
       'func.func private @printMemrefI64(tensor<*xi64>)']
calls = []


def epilogue(kind, channels):
    """Operands/attributes of a random epilogue for the output kind."""
    lines, operands, attrs = [], '', ''
    if kind == 'f32':
        m = ','.join(str(rng.choice([0.5, 1.0, -2.0, 0.25]))
                     for _ in range(channels))
        b = ','.join(str(rng.choice([0.0, 1.5, -3.0])) for _ in range(channels))
        lines += [f'  %m = arith.constant dense<[{m}]> : tensor<{channels}xf32>',
                  f'  %b = arith.constant dense<[{b}]> : tensor<{channels}xf32>']
        operands = (f' multiplier(%m : tensor<{channels}xf32>) '
                    f'bias(%b : tensor<{channels}xf32>)')
        attrs = ' output_min = -20.0, dot_max = 60.0,'
    elif kind == 'i64':
        b = ','.join(str(rng.choice([0.0, 1.5, -3.0, 7.0]))
                     for _ in range(channels))
        lines += [f'  %b = arith.constant dense<[{b}]> : tensor<{channels}xf32>']
        operands = f' bias(%b : tensor<{channels}xf32>)'
    return lines, operands, attrs


def call(i, name, arg_type, result_type, kind, values, shape):
    literal, _, size = dense(values, shape)
    flat_type = f'tensor<{size}xi64>'
    dims = ",".join(str(d) for d in range(len(shape)))
    calls.extend([
        f'  %x{i} = arith.constant {literal}',
        f'  %xr{i} = tensor.expand_shape %x{i} [[{dims}]] '
        f'output_shape [{",".join(map(str, shape))}] : {flat_type} into {arg_type}',
        f'  %r{i} = call @{name}(%xr{i}) : ({arg_type}) -> {result_type}',
        f'  %c{i} = tensor.cast %r{i} : {result_type} to tensor<*x{kind}>',
        f'  call @printMemref{kind.upper()}(%c{i}) : (tensor<*x{kind}>) -> ()'])


case = 0
for (n, h, w, cin, cout, kh, kw, st, dl, pd, pv, g, kind) in CONVS:
    cg, wg = cin // g, (cin // g + 63) // 64
    ho = (h + pd[0] + pd[1] - dl[0] * (kh - 1) - 1) // st[0] + 1
    wo = (w + pd[2] + pd[3] - dl[1] * (kw - 1) - 1) // st[1] + 1
    filt, filt_flat, fsize = dense(words(cg, 1, cout * kh * kw),
                                   [cout, kh, kw, wg])
    in_type = f'tensor<{n}x{h}x{w}x{g * wg}xi64>'
    width = (cout + 63) // 64 if kind == 'i64' else cout
    res_type = f'tensor<{n}x{ho}x{wo}x{width}x{kind}>'
    lines, operands, attrs = epilogue(kind, cout)
    out += [f'func.func @conv{case}(%x: {in_type}) -> {res_type} {{',
            f'  %f = arith.constant {filt}',
            f'  %fr = tensor.expand_shape %f [[0, 1, 2, 3]] output_shape '
            f'[{cout}, {kh}, {kw}, {wg}] : tensor<{fsize}xi64> into {filt_flat}',
            *lines,
            f'  %r = lq.bconv2d %x, %fr{operands} {{channels_in = {cin},{attrs} '
            f'strides = array<i64: {st[0]}, {st[1]}>, dilations = array<i64: '
            f'{dl[0]}, {dl[1]}>, padding = array<i64: {pd[0]}, {pd[1]}, '
            f'{pd[2]}, {pd[3]}>, pad_value = {pv}, groups = {g}}} : '
            f'{in_type}, {filt_flat} -> {res_type}',
            f'  return %r : {res_type}', '}']
    call(case, f'conv{case}', in_type, res_type, kind,
         words(cin, g, n * h * w), [n, h, w, g * wg])
    case += 1

for (m, k, ncols, kind) in MATMULS:
    kw = (k + 63) // 64
    rhs, rhs_flat, rsize = dense(words(k, 1, ncols), [ncols, kw])
    in_type = f'tensor<{m}x{kw}xi64>'
    width = (ncols + 63) // 64 if kind == 'i64' else ncols
    res_type = f'tensor<{m}x{width}x{kind}>'
    lines, operands, attrs = epilogue(kind, ncols)
    out += [f'func.func @matmul{case}(%x: {in_type}) -> {res_type} {{',
            f'  %w = arith.constant {rhs}',
            f'  %wr = tensor.expand_shape %w [[0, 1]] output_shape '
            f'[{ncols}, {kw}] : tensor<{rsize}xi64> into {rhs_flat}',
            *lines,
            f'  %r = lq.bmatmul %x, %wr{operands} {{{attrs} k = {k}}} : '
            f'{in_type}, {rhs_flat} -> {res_type}',
            f'  return %r : {res_type}', '}']
    call(case, f'matmul{case}', in_type, res_type, kind,
         words(k, 1, m), [m, kw])
    case += 1

for (shape, g) in BITPACKS:
    channels = shape[-1]
    count = 1
    for d in shape:
        count *= d
    values = [rng.choice([-1.5, -0.0, 0.0, 2.0, -3.0, 0.25]) for _ in range(count)]
    flat = ','.join(str(v) for v in values)
    in_type = f'tensor<{"x".join(map(str, shape))}xf32>'
    packed = list(shape[:-1]) + [g * ((channels // g + 63) // 64)]
    res_type = f'tensor<{"x".join(map(str, packed))}xi64>'
    out += [f'func.func @bitpack{case}(%x: {in_type}) -> {res_type} {{',
            f'  %r = lq.bitpack %x {{groups = {g}}} : {in_type} -> {res_type}',
            f'  return %r : {res_type}', '}']
    calls.extend([
        f'  %x{case} = arith.constant dense<[{flat}]> : tensor<{count}xf32>',
        f'  %xr{case} = tensor.expand_shape %x{case} [[{",".join(str(d) for d in range(len(shape)))}]] '
        f'output_shape [{",".join(map(str, shape))}] : tensor<{count}xf32> into {in_type}',
        f'  %r{case} = call @bitpack{case}(%xr{case}) : ({in_type}) -> {res_type}',
        f'  %c{case} = tensor.cast %r{case} : {res_type} to tensor<*xi64>',
        f'  call @printMemrefI64(%c{case}) : (tensor<*xi64>) -> ()'])
    case += 1

out += ['func.func @main() {', *calls, '  return', '}']
print('\n'.join(out))
