#!/usr/bin/env python3
"""Write the example binarized CNN as tensor-level MLIR (linalg + lq).

The network is what a Larq user writes for a small image classifier:

  float 3x3 conv (3 -> 32 channels) + batch norm       (first layer stays float)
  3 x [ste_sign -> 3x3 conv, zero padding -> batch norm -> 2x2 max pool]
                                                       (binary conv blocks)
  flatten -> ste_sign -> dense (-> 10) -> batch norm   (binary dense head)

Kernels are float latent weights quantized by `lq.ste_sign`, as in a trained
Larq model; batch norm is in its inference form (multiply, then add). The
weights are pseudo-random with a fixed seed, so every run is identical.

Usage: make_model.py OUTPUT.mlir [--batch N] [--iterations N]
The module's @main runs @bnn on a fixed input `iterations` times, prints the
time per inference (ms) and the logits.
"""

import argparse
import random
import struct

IMAGE = 32
STEM = 32
BLOCKS = [64, 128, 256]
CLASSES = 10


def hex_f32(values):
    return '"0x' + ''.join(struct.pack('<f', v).hex() for v in values) + '"'


class Writer:
    def __init__(self, rng):
        self.rng = rng
        self.lines = []
        self.counter = 0

    def fresh(self, name):
        self.counter += 1
        return f'%{name}{self.counter}'

    def emit(self, line):
        self.lines.append('  ' + line)

    def constant(self, shape, values):
        name = self.fresh('cst')
        ty = f'tensor<{"x".join(map(str, shape))}xf32>'
        self.emit(f'{name} = arith.constant dense<{hex_f32(values)}> : {ty}')
        return name

    def random_constant(self, shape, scale=1.0, offset=0.0):
        count = 1
        for d in shape:
            count *= d
        values = [offset + scale * self.rng.uniform(-1.0, 1.0)
                  for _ in range(count)]
        return self.constant(shape, values)

    def zeros(self, shape, value='0.0'):
        ty = f'tensor<{"x".join(map(str, shape))}xf32>'
        empty, scalar, fill = (self.fresh('empty'), self.fresh('c'),
                               self.fresh('init'))
        self.emit(f'{empty} = tensor.empty() : {ty}')
        self.emit(f'{scalar} = arith.constant {value} : f32')
        self.emit(f'{fill} = linalg.fill ins({scalar} : f32) outs({empty} : '
                  f'{ty}) -> {ty}')
        return fill

    def pad(self, value, shape, amount):
        padded = [shape[0], shape[1] + 2 * amount, shape[2] + 2 * amount,
                  shape[3]]
        name, zero = self.fresh('pad'), self.fresh('c')
        self.emit(f'{zero} = arith.constant 0.0 : f32')
        self.emit(f'{name} = tensor.pad {value} low[0, {amount}, {amount}, 0] '
                  f'high[0, {amount}, {amount}, 0] {{')
        self.emit('^bb0(%i: index, %j: index, %k: index, %l: index):')
        self.emit(f'  tensor.yield {zero} : f32')
        self.emit(f'}} : {ty(shape)} to {ty(padded)}')
        return name, padded

    def conv3x3(self, value, shape, out_channels):
        padded, padded_shape = self.pad(value, shape, 1)
        kernel = self.random_constant([3, 3, shape[3], out_channels])
        return padded, padded_shape, kernel

    def batch_norm(self, value, shape):
        channels = shape[3]
        scale = self.constant([channels], [self.rng.uniform(0.2, 1.5) *
                                           self.rng.choice([1, 1, 1, -1])
                                           for _ in range(channels)])
        shift = self.constant([channels], [self.rng.uniform(-3.0, 3.0)
                                           for _ in range(channels)])
        out = value
        for op, operand in (('mulf', scale), ('addf', shift)):
            name, empty = self.fresh('bn'), self.fresh('empty')
            self.emit(f'{empty} = tensor.empty() : {ty(shape)}')
            self.emit(
                f'{name} = linalg.generic {{indexing_maps = [#id4, #ch4, #id4],'
                f' iterator_types = ["parallel", "parallel", "parallel", '
                f'"parallel"]}} ins({out}, {operand} : {ty(shape)}, '
                f'tensor<{channels}xf32>) outs({empty} : {ty(shape)}) {{')
            self.emit('^bb0(%a: f32, %b: f32, %o: f32):')
            self.emit(f'  %r = arith.{op} %a, %b : f32')
            self.emit('  linalg.yield %r : f32')
            self.emit(f'}} -> {ty(shape)}')
            out = name
        return out

    def max_pool(self, value, shape):
        out_shape = [shape[0], shape[1] // 2, shape[2] // 2, shape[3]]
        init = self.zeros(out_shape, '0xFF800000')
        window, name = self.fresh('window'), self.fresh('pool')
        self.emit(f'{window} = tensor.empty() : tensor<2x2xf32>')
        self.emit(f'{name} = linalg.pooling_nhwc_max {{dilations = dense<1> : '
                  f'tensor<2xi64>, strides = dense<2> : tensor<2xi64>}} '
                  f'ins({value}, {window} : {ty(shape)}, tensor<2x2xf32>) '
                  f'outs({init} : {ty(out_shape)}) -> {ty(out_shape)}')
        return name, out_shape


def ty(shape):
    return f'tensor<{"x".join(map(str, shape))}xf32>'


def model(batch, rng):
    w = Writer(rng)
    shape = [batch, IMAGE, IMAGE, 3]
    # Float stem.
    padded, padded_shape, kernel = w.conv3x3('%x', shape, STEM)
    out_shape = [batch, IMAGE, IMAGE, STEM]
    init = w.zeros(out_shape)
    conv = w.fresh('conv')
    w.emit(f'{conv} = linalg.conv_2d_nhwc_hwcf {{dilations = dense<1> : '
           f'tensor<2xi64>, strides = dense<1> : tensor<2xi64>}} '
           f'ins({padded}, {kernel} : {ty(padded_shape)}, '
           f'tensor<3x3x3x{STEM}xf32>) outs({init} : {ty(out_shape)}) -> '
           f'{ty(out_shape)}')
    value, shape = w.batch_norm(conv, out_shape), out_shape
    # Binary conv blocks.
    for channels in BLOCKS:
        signed = w.fresh('sign')
        w.emit(f'{signed} = lq.ste_sign {value} : {ty(shape)}')
        padded, padded_shape, latent = w.conv3x3(signed, shape, channels)
        kernel = w.fresh('kernel')
        kernel_ty = f'tensor<3x3x{shape[3]}x{channels}xf32>'
        w.emit(f'{kernel} = lq.ste_sign {latent} : {kernel_ty}')
        out_shape = [batch, shape[1], shape[2], channels]
        init = w.zeros(out_shape)
        conv = w.fresh('conv')
        w.emit(f'{conv} = linalg.conv_2d_nhwc_hwcf {{dilations = dense<1> : '
               f'tensor<2xi64>, strides = dense<1> : tensor<2xi64>}} '
               f'ins({padded}, {kernel} : {ty(padded_shape)}, {kernel_ty}) '
               f'outs({init} : {ty(out_shape)}) -> {ty(out_shape)}')
        value = w.batch_norm(conv, out_shape)
        value, shape = w.max_pool(value, out_shape)
    # Binary dense head.
    signed, flat = w.fresh('sign'), w.fresh('flat')
    features = shape[1] * shape[2] * shape[3]
    w.emit(f'{signed} = lq.ste_sign {value} : {ty(shape)}')
    w.emit(f'{flat} = tensor.collapse_shape {signed} [[0], [1, 2, 3]] : '
           f'{ty(shape)} into tensor<{batch}x{features}xf32>')
    latent = w.random_constant([features, CLASSES])
    kernel, logits = w.fresh('kernel'), w.fresh('dense')
    w.emit(f'{kernel} = lq.ste_sign {latent} : tensor<{features}x{CLASSES}xf32>')
    init = w.zeros([batch, CLASSES])
    w.emit(f'{logits} = linalg.matmul ins({flat}, {kernel} : '
           f'tensor<{batch}x{features}xf32>, tensor<{features}x{CLASSES}xf32>) '
           f'outs({init} : tensor<{batch}x{CLASSES}xf32>) -> '
           f'tensor<{batch}x{CLASSES}xf32>')
    w.emit(f'return {logits} : tensor<{batch}x{CLASSES}xf32>')
    return w.lines


MAIN = '''
func.func private @rtclock() -> f64
func.func private @printMemrefF32(tensor<*xf32>)
func.func private @printF64(f64)
func.func private @printNewline()

func.func @main() -> i32 {{
  %x = arith.constant dense<{input}> : tensor<{batch}x{image}x{image}x3xf32>
  %warm = call @bnn(%x) : (tensor<{batch}x{image}x{image}x3xf32>) -> tensor<{batch}x{classes}xf32>
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %n = arith.constant {iterations} : index
  %t0 = call @rtclock() : () -> f64
  %last = scf.for %i = %c0 to %n step %c1 iter_args(%acc = %warm) -> (tensor<{batch}x{classes}xf32>) {{
    %y = func.call @bnn(%x) : (tensor<{batch}x{image}x{image}x3xf32>) -> tensor<{batch}x{classes}xf32>
    scf.yield %y : tensor<{batch}x{classes}xf32>
  }}
  %t1 = call @rtclock() : () -> f64
  %dt = arith.subf %t1, %t0 : f64
  %nf = arith.constant {iterations}.0 : f64
  %ms = arith.constant 1000.0 : f64
  %per = arith.divf %dt, %nf : f64
  %perms = arith.mulf %per, %ms : f64
  call @printF64(%perms) : (f64) -> ()
  call @printNewline() : () -> ()
  %u = tensor.cast %last : tensor<{batch}x{classes}xf32> to tensor<*xf32>
  call @printMemrefF32(%u) : (tensor<*xf32>) -> ()
  %ok = arith.constant 0 : i32
  return %ok : i32
}}
'''


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument('output')
    parser.add_argument('--batch', type=int, default=1)
    parser.add_argument('--iterations', type=int, default=20)
    parser.add_argument('--seed', type=int, default=2024)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    body = model(args.batch, rng)
    image = [rng.uniform(-1.0, 1.0)
             for _ in range(args.batch * IMAGE * IMAGE * 3)]
    with open(args.output, 'w') as f:
        f.write('// Generated by examples/bnn/make_model.py; do not edit.\n')
        f.write('#id4 = affine_map<(n, h, w, c) -> (n, h, w, c)>\n')
        f.write('#ch4 = affine_map<(n, h, w, c) -> (c)>\n')
        f.write(f'func.func @bnn(%x: tensor<{args.batch}x{IMAGE}x{IMAGE}x3xf32>)'
                f' -> tensor<{args.batch}x{CLASSES}xf32> {{\n')
        f.write('\n'.join(body) + '\n}\n')
        f.write(MAIN.format(input=hex_f32(image), batch=args.batch,
                            image=IMAGE, classes=CLASSES,
                            iterations=args.iterations))


if __name__ == '__main__':
    main()
