#!/usr/bin/env python3
# ===- gen_kernels.py - the kernels of the binary benchmark ----------------===#
#
# Part of the lq project: Larq's quantizers as first-class MLIR.
#
# ===-----------------------------------------------------------------------===#
#
# The single source of truth of bench/binary: the shapes, and per shape the
# lq kernels (lq.bmatmul / lq.bconv2d with constant weights, their output
# kinds and padding modes) and the float graph of the same shape
# (linalg.matmul / tensor.pad + linalg.conv_2d_nhwc_hwcf). Called at build
# time (bench/binary/CMakeLists.txt):
#
#   gen_kernels.py mlir --set=full --part=binary --suffix=fast -o out.mlir
#   gen_kernels.py mlir --set=full --part=float --suffix=f32 -o out.mlir
#   gen_kernels.py mlir --set=sweep --part=binary --suffix=t4x2 -o out.mlir
#   gen_kernels.py header --variants=fast,mt,ref --sweep=t4x2:"..." -o k.h
#
# Every public function gets the symbol suffix `_<set>_<suffix>` so that the
# same kernels lowered with several pipelines link into one binary. Constant
# weights are pseudo-random words from splitmix64 seeded per layer; the C++
# side (Data.h) regenerates the same words for its baselines and checks.
#
# ===-----------------------------------------------------------------------===#

import argparse
import struct
import sys

MASK64 = (1 << 64) - 1


def splitmix64_words(seed, count):
    """`count` words of the splitmix64 stream that starts at `seed`."""
    state = seed & MASK64
    out = []
    for _ in range(count):
        state = (state + 0x9E3779B97F4A7C15) & MASK64
        z = state
        z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & MASK64
        z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & MASK64
        out.append(z ^ (z >> 31))
    return out


def packed_rows(seed, rows, bits):
    """`rows` packed rows of `bits` channels: ceil(bits/64) words each, the
    unused tail bits 0 (Data.h: packedRows)."""
    words = (bits + 63) // 64
    data = splitmix64_words(seed, rows * words)
    tail = bits % 64
    if tail:
        keep = (1 << tail) - 1
        for r in range(rows):
            data[r * words + words - 1] &= keep
    return data


def dense_hex(words):
    return '"0x' + struct.pack("<%dQ" % len(words), *words).hex().upper() + '"'


# ---------------------------------------------------------------------------
# The shapes
# ---------------------------------------------------------------------------


class Gemm:
    """lq.bmatmul: [M, K bits] x [N, K bits]^T."""

    def __init__(self, sym, title, m, n, k, weights="const", out="i32",
                 seed=0):
        self.sym, self.title = sym, title
        self.m, self.n, self.k = m, n, k
        self.weights, self.out, self.seed = weights, out, seed
        self.kw = (k + 63) // 64


class Conv:
    """A conv layer (NHWC, batch 1, square kernel/stride/padding) and the
    output kinds x padding modes to generate for it."""

    def __init__(self, sym, title, h, w, cin, cout, kernel, stride, pad, seed,
                 outs=("f32", "i64", "i32"), pads=(1, 0)):
        self.sym, self.title = sym, title
        self.h, self.w, self.cin, self.cout = h, w, cin, cout
        self.kernel, self.stride, self.pad, self.seed = kernel, stride, pad, seed
        self.outs, self.pads = outs, pads
        self.cw = (cin + 63) // 64
        self.oh = (h + 2 * pad - kernel) // stride + 1
        self.ow = (w + 2 * pad - kernel) // stride + 1

    def variants(self):
        return [(o, p) for o in self.outs for p in self.pads]


SETS = {
    "full": {
        "gemms": [
            Gemm("bgemm1024", "bgemm 1024", 1024, 1024, 1024, seed=11),
            Gemm("bgemm2048", "bgemm 2048", 2048, 2048, 2048, seed=12),
            Gemm("bgemm4096", "bgemm 4096", 4096, 4096, 4096, seed=13),
            # The same product with the weights as an argument: the run-time
            # panel re-layout (2 MiB) is part of every call.
            Gemm("bgemm4096w", "bgemm 4096", 4096, 4096, 4096, "arg", seed=13),
            # Float epilogue (multiplier + bias) instead of the raw dot.
            Gemm("bgemm4096f", "bgemm 4096", 4096, 4096, 4096, out="f32",
                 seed=13),
            # Tails everywhere: 1000 rows / columns, K = 1000 bits.
            Gemm("bgemm1000", "bgemm 1000 (tail)", 1000, 1000, 1000, seed=14),
            Gemm("bgemv4096", "bgemv 4096", 1, 4096, 4096, seed=15),
        ],
        "convs": [
            Conv("c56x64", "conv 56x56x64 3x3", 56, 56, 64, 64, 3, 1, 1, 21),
            Conv("c28x128", "conv 28x28x128 3x3", 28, 28, 128, 128, 3, 1, 1, 22),
            Conv("c14x256", "conv 14x14x256 3x3", 14, 14, 256, 256, 3, 1, 1, 23),
            Conv("c7x512", "conv 7x7x512 3x3", 7, 7, 512, 512, 3, 1, 1, 24),
            Conv("c14x256s2", "conv 14x14x256 3x3/2", 14, 14, 256, 256, 3, 2, 1,
                 25),
            Conv("c14x256k5", "conv 14x14x256 5x5", 14, 14, 256, 256, 5, 1, 2,
                 26),
        ],
    },
    # Tiny shapes with every tail: rows not a multiple of the tile, channel
    # counts not multiples of the vector or of 64.
    "smoke": {
        "gemms": [
            Gemm("sgemm37", "bgemm 37x70x100", 37, 70, 100, seed=31),
            Gemm("sgemm37w", "bgemm 37x70x100", 37, 70, 100, "arg", seed=31),
            Gemm("sgemm37f", "bgemm 37x70x100", 37, 70, 100, out="f32", seed=31),
            Gemm("sgemm37b", "bgemm 37x70x100", 37, 70, 100, out="i64", seed=31),
            Gemm("sgemv", "bgemv 1x40x130", 1, 40, 130, seed=32),
        ],
        "convs": [
            Conv("s9x64", "conv 9x7x64 3x3", 9, 7, 64, 64, 3, 1, 1, 41),
            Conv("s6x96", "conv 6x5x96->72 3x3", 6, 5, 96, 72, 3, 1, 1, 42,
                 outs=("f32", "i32")),
            Conv("s8x128s2", "conv 8x8x128 3x3/2", 8, 8, 128, 128, 3, 2, 1, 43),
            Conv("s7x64k5", "conv 7x7x64 5x5", 7, 7, 64, 64, 5, 1, 2, 44),
        ],
    },
}

# The tile sweep (--sweep): a few of the full kernels, compiled once per
# tile configuration; they reuse the full set's references.
SWEEP_GEMMS = ["bgemm4096"]
SWEEP_CONVS = [("c56x64", "f32", 1), ("c28x128", "f32", 1),
               ("c14x256", "f32", 1), ("c7x512", "f32", 1)]


def sweep_set():
    full = SETS["full"]
    gemms = [g for g in full["gemms"] if g.sym in SWEEP_GEMMS]
    convs = []
    for sym, out, pad in SWEEP_CONVS:
        base = next(c for c in full["convs"] if c.sym == sym)
        convs.append(Conv(base.sym, base.title, base.h, base.w, base.cin,
                          base.cout, base.kernel, base.stride, base.pad,
                          base.seed, outs=(out,), pads=(pad,)))
    return {"gemms": gemms, "convs": convs}


def get_set(name):
    return sweep_set() if name == "sweep" else SETS[name]


# ---------------------------------------------------------------------------
# MLIR
# ---------------------------------------------------------------------------


def gemm_out_type(g):
    if g.out == "i64":
        return "tensor<%dx%dxi64>" % (g.m, (g.n + 63) // 64)
    return "tensor<%dx%dx%s>" % (g.m, g.n, g.out)


def conv_out_type(c, out):
    if out == "i64":
        return "tensor<1x%dx%dx%dxi64>" % (c.oh, c.ow, (c.cout + 63) // 64)
    return "tensor<1x%dx%dx%dx%s>" % (c.oh, c.ow, c.cout, out)


def gemm_binary(g, name):
    a = "tensor<%dx%dxi64>" % (g.m, g.kw)
    w = "tensor<%dx%dxi64>" % (g.n, g.kw)
    vec = "tensor<%dxf32>" % g.n
    out = gemm_out_type(g)
    args = ["%%a: %s" % a]
    body = []
    if g.weights == "arg":
        args.append("%%w: %s" % w)
    else:
        body.append("  %%w = arith.constant dense<%s> : %s"
                    % (dense_hex(packed_rows(g.seed, g.n, g.k)), w))
    args += ["%%m: %s" % vec, "%%b: %s" % vec]
    epilogue = ""
    if g.out != "i32":
        epilogue = " multiplier(%%m : %s) bias(%%b : %s)" % (vec, vec)
    body.append("  %%y = lq.bmatmul %%a, %%w%s {k = %d} : %s, %s -> %s"
                % (epilogue, g.k, a, w, out))
    return ("func.func @%s(%s) -> %s {\n%s\n  return %%y : %s\n}\n"
            % (name, ", ".join(args), out, "\n".join(body), out))


def conv_binary(c, out, pad_value, name):
    x = "tensor<1x%dx%dx%dxi64>" % (c.h, c.w, c.cw)
    f = "tensor<%dx%dx%dx%dxi64>" % (c.cout, c.kernel, c.kernel, c.cw)
    vec = "tensor<%dxf32>" % c.cout
    result = conv_out_type(c, out)
    weights = packed_rows(c.seed, c.cout * c.kernel * c.kernel, c.cin)
    epilogue = ""
    if out != "i32":
        epilogue = " multiplier(%%m : %s) bias(%%b : %s)" % (vec, vec)
    p = c.pad
    return (
        "func.func @%s(%%x: %s, %%m: %s, %%b: %s) -> %s {\n"
        "  %%w = arith.constant dense<%s> : %s\n"
        "  %%y = lq.bconv2d %%x, %%w%s {channels_in = %d, "
        "strides = array<i64: %d, %d>, padding = array<i64: %d, %d, %d, %d>, "
        "pad_value = %d} : %s, %s -> %s\n"
        "  return %%y : %s\n}\n"
        % (name, x, vec, vec, result, dense_hex(weights), f, epilogue, c.cin,
           c.stride, c.stride, p, p, p, p, pad_value, x, f, result, result))


def gemm_float(g, name):
    a = "tensor<%dx%dxf32>" % (g.m, g.k)
    b = "tensor<%dx%dxf32>" % (g.k, g.n)
    out = "tensor<%dx%dxf32>" % (g.m, g.n)
    return (
        "func.func @%s(%%a: %s, %%b: %s) -> %s {\n"
        "  %%zero = arith.constant 0.0 : f32\n"
        "  %%e = tensor.empty() : %s\n"
        "  %%z = linalg.fill ins(%%zero : f32) outs(%%e : %s) -> %s\n"
        "  %%y = linalg.matmul ins(%%a, %%b : %s, %s) outs(%%z : %s) -> %s\n"
        "  return %%y : %s\n}\n"
        % (name, a, b, out, out, out, out, a, b, out, out, out))


def conv_float(c, name):
    x = "tensor<1x%dx%dx%dxf32>" % (c.h, c.w, c.cin)
    hp, wp = c.h + 2 * c.pad, c.w + 2 * c.pad
    xp = "tensor<1x%dx%dx%dxf32>" % (hp, wp, c.cin)
    f = "tensor<%dx%dx%dx%dxf32>" % (c.kernel, c.kernel, c.cin, c.cout)
    out = "tensor<1x%dx%dx%dxf32>" % (c.oh, c.ow, c.cout)
    p = c.pad
    return (
        "func.func @%s(%%x: %s, %%f: %s) -> %s {\n"
        "  %%zero = arith.constant 0.0 : f32\n"
        "  %%p = tensor.pad %%x low[0, %d, %d, 0] high[0, %d, %d, 0] {\n"
        "  ^bb0(%%i: index, %%j: index, %%k: index, %%l: index):\n"
        "    tensor.yield %%zero : f32\n"
        "  } : %s to %s\n"
        "  %%e = tensor.empty() : %s\n"
        "  %%z = linalg.fill ins(%%zero : f32) outs(%%e : %s) -> %s\n"
        "  %%y = linalg.conv_2d_nhwc_hwcf {dilations = dense<1> : "
        "tensor<2xi64>, strides = dense<%d> : tensor<2xi64>}\n"
        "       ins(%%p, %%f : %s, %s) outs(%%z : %s) -> %s\n"
        "  return %%y : %s\n}\n"
        % (name, x, f, out, p, p, p, p, x, xp, out, out, out, c.stride, xp, f,
           out, out, out))


def conv_kernel_sym(c, out, pad_value):
    return "%s_%s_%s" % (c.sym, out, "one" if pad_value else "zero")


def write_mlir(args):
    kernels = get_set(args.set)
    tail = "_%s_%s" % (args.set, args.suffix)
    text = ["// Generated by bench/binary/gen_kernels.py (set %s, part %s): "
            "do not edit.\n" % (args.set, args.part)]
    if args.part == "binary":
        for g in kernels["gemms"]:
            text.append(gemm_binary(g, g.sym + tail))
        for c in kernels["convs"]:
            for out, pad in c.variants():
                text.append(conv_binary(c, out, pad,
                                        conv_kernel_sym(c, out, pad) + tail))
    else:
        seen = set()
        for g in kernels["gemms"]:
            key = (g.m, g.n, g.k)
            if key in seen:
                continue
            seen.add(key)
            text.append(gemm_float(g, "f%dx%dx%d%s" % (g.m, g.n, g.k, tail)))
        for c in kernels["convs"]:
            text.append(conv_float(c, "f" + c.sym + tail))
    with open(args.output, "w") as out:
        out.write("\n".join(text))


# ---------------------------------------------------------------------------
# The C++ header
# ---------------------------------------------------------------------------


def write_header(args):
    variants = [v for v in args.variants.split(",") if v]
    sweep = []
    for item in args.sweep:
        label, _, options = item.partition(":")
        sweep.append((label, options))
    decls, gemm_rows, conv_rows, float_rows, sweep_rows = [], [], [], [], []

    def fn(sym, setname, suffix, arity):
        name = "_mlir_ciface_%s_%s_%s" % (sym, setname, suffix)
        decls.append("void %s(%s);" % (name, ", ".join(["void *"] * arity)))
        return "{reinterpret_cast<void *>(&%s), %d}" % (name, arity)

    def fns(sym, setname, arity):
        return "{" + ", ".join(
            fn(sym, setname, v, arity) if v in variants else "{nullptr, 0}"
            for v in ("fast", "mt", "ref")) + "}"

    for setname in ("full", "smoke"):
        if setname not in args.sets.split(","):
            continue
        kernels = SETS[setname]
        seen = {}
        for g in kernels["gemms"]:
            key = (g.m, g.n, g.k)
            if key not in seen:
                seen[key] = fn("f%dx%dx%d" % key, setname, "f32", 3)
            arity = 5 if g.weights == "arg" else 4
            gemm_rows.append(
                '  {"%s", "%s", %s, %d, %d, %d, %s, lqb::Out::%s, %duLL, %s, '
                "%s},"
                % (g.sym, g.title, str(setname == "smoke").lower(), g.m, g.n,
                   g.k, str(g.weights == "arg").lower(), g.out.upper(),
                   g.seed, fns(g.sym, setname, arity), seen[key]))
        for c in kernels["convs"]:
            ffn = fn("f" + c.sym, setname, "f32", 3)
            for out, pad in c.variants():
                sym = conv_kernel_sym(c, out, pad)
                conv_rows.append(
                    '  {"%s", "%s", %s, %d, %d, %d, %d, %d, %d, %d, %d, '
                    "lqb::Out::%s, %duLL, %s, %s},"
                    % (sym, c.title, str(setname == "smoke").lower(), c.h,
                       c.w, c.cin, c.cout, c.kernel, c.stride, c.pad, pad,
                       out.upper(), c.seed, fns(sym, setname, 4), ffn))
    if sweep:
        kernels = sweep_set()
        for label, options in sweep:
            for g in kernels["gemms"]:
                sweep_rows.append('  {"%s", "%s", "%s", %s},' % (
                    g.sym, label, options,
                    fn(g.sym, "sweep", label, 5 if g.weights == "arg" else 4)))
            for c in kernels["convs"]:
                for out, pad in c.variants():
                    sym = conv_kernel_sym(c, out, pad)
                    sweep_rows.append('  {"%s", "%s", "%s", %s},' % (
                        sym, label, options, fn(sym, "sweep", label, 4)))
    del float_rows

    def table(kind, name, rows):
        if not rows:
            return "static const std::vector<lqb::%s> %s;\n" % (kind, name)
        return "static const std::vector<lqb::%s> %s = {\n%s\n};\n" % (
            kind, name, "\n".join(rows))

    with open(args.output, "w") as out:
        out.write(
            "// Generated by bench/binary/gen_kernels.py: do not edit.\n"
            "// The kernels lowered by bench/binary/CMakeLists.txt; variants "
            "built: %s.\n#pragma once\n#include \"Spec.h\"\n#include <vector>\n"
            'extern "C" {\n%s\n}\n%s%s%s'
            % (", ".join(variants) or "none", "\n".join(decls),
               table("GemmSpec", "kGemms", gemm_rows),
               table("ConvSpec", "kConvs", conv_rows),
               table("SweepSpec", "kSweep", sweep_rows)))


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    sub = parser.add_subparsers(dest="command", required=True)
    mlir = sub.add_parser("mlir", help="write one .mlir file of kernels")
    mlir.add_argument("--set", choices=["full", "smoke", "sweep"],
                      required=True)
    mlir.add_argument("--part", choices=["binary", "float"], required=True)
    mlir.add_argument("--suffix", required=True)
    mlir.add_argument("-o", "--output", required=True)
    header = sub.add_parser("header", help="write the C++ kernel table")
    header.add_argument("--sets", default="full,smoke")
    header.add_argument("--variants", default="fast,mt,ref",
                        help="lq variants built: fast, mt (threads=1), ref")
    header.add_argument("--sweep", action="append", default=[],
                        help="LABEL:PIPELINE-OPTIONS of a sweep object")
    header.add_argument("-o", "--output", required=True)
    args = parser.parse_args()
    if args.command == "mlir":
        write_mlir(args)
    else:
        write_header(args)
    return 0


if __name__ == "__main__":
    sys.exit(main())
