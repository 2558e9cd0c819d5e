#!/usr/bin/env python3
"""Generate the execution tests of the binary ops (test/Integration/Binary).

Regenerate after editing the case lists below (from anywhere):

    python3 test/Integration/Binary/gen_cases.py

It rewrites conv.mlir, conv-bits.mlir, matmul.mlir, maxpool.mlir and
tosa.mlir next to this script. Each generated file holds, per case,

  * @ref_<case>: the ORIGINAL float graph. Its sign quantizers are plain arith
    (select(x < 0, -1, +1)), which lq-binarize does not recognize, so it stays
    float all the way through lq-to-llvm;
  * @bin_<case>: the same graph with lq.ste_sign as the quantizer, which
    lq-binarize turns into lq.bitpack + lq.bconv2d / lq.bmatmul /
    lq.bmaxpool2d (the IR RUN line checks that it did, and what it fused);
    the raw i32 cases write lq.bconv2d / lq.bmatmul with an i32 result
    directly and their reference is fptosi of the float product;
  * in @main: deterministic pseudo-random inputs (a hash of the element's
    linear index inside a linalg.generic, including -0.0 and NaN, which must
    sign to +1), one call of each function, and per result two lines:
    "mismatches N" (elements where @bin differs from @ref) and "checksum C"
    (sum over elements i of s_i * (i mod 13 + 1), s_i the sign of a float
    element or the value of an integer one, of @bin's result).

The expected checksums come from the Python model below (exact integer dot
products, the batch norm in IEEE single precision), so a case also fails if
both graphs agree on something else than the model, and a checksum of 0
flags trivial data.

Tolerance: integer and +-1 results must match exactly. Float results are
compared with |bin - ref| <= atol + 2^-20 |ref| (NaN counts as a mismatch);
atol = 0 except for the scaled-weight case, where the float reference sums
K products +-s with rounding (|error| <= K^2 s 2^-24) while the binary op
computes round(dot * s) once. (The batch-norm epilogue is the same two IEEE
operations in both graphs, so in practice the float results are identical.)
"""

import math
import os
import struct
import sys

M64 = (1 << 64) - 1
HERE = os.path.dirname(os.path.abspath(__file__))


def signed64(v):
    v &= M64
    return v - (1 << 64) if v >> 63 else v


HASH_MUL1 = 0x9E3779B97F4A7C15
HASH_MUL2 = 0xBF58476D1CE4E5B9


def hash_value(lin, seed):
    """The value the MLIR generator puts at linear index `lin`."""
    h = (lin * HASH_MUL1 + seed) & M64
    h ^= h >> 29
    h = (h * HASH_MUL2) & M64
    h ^= h >> 32
    r = (h >> 16) % 61
    if r == 0:
        return -0.0
    if r == 1:
        return float("nan")
    return ((h & 0xFFFF) - 32768) / 4096.0


def sign(x):
    """Larq's sign: -1 for x < 0, +1 otherwise (-0.0 and NaN included)."""
    return -1 if x < 0 else 1


def round_to(v, et):
    if et == "f32":
        return struct.unpack("f", struct.pack("f", v))[0]
    if et == "f16":
        return struct.unpack("e", struct.pack("e", v))[0]
    raise ValueError(et)


def shape_size(shape):
    n = 1
    for d in shape:
        n *= d
    return n


def strides_of(shape):
    s = [1] * len(shape)
    for d in range(len(shape) - 2, -1, -1):
        s[d] = s[d + 1] * shape[d + 1]
    return s


def random_tensor(shape, seed):
    """Flat list of the generator's values."""
    return [hash_value(i, seed) for i in range(shape_size(shape))]


def checksum(values, integer=False):
    total = 0
    for i, v in enumerate(values):
        s = v if integer else (0 if v == 0 else (1 if v > 0 else -1))
        total += s * (i % 13 + 1)
    return total


def fmt_float(v):
    """An MLIR float literal (needs a '.': 1e+30 -> 1.0e+30)."""
    if math.isnan(v):
        return "0x7FC00000"
    r = repr(float(v))
    if "." in r:
        return r
    if "e" in r:
        mantissa, exponent = r.split("e")
        return mantissa + ".0e" + exponent
    return r + ".0"


def tt(shape, et="f32"):
    if not shape:
        return "tensor<%s>" % et
    return "tensor<%sx%s>" % ("x".join(str(d) for d in shape), et)


def dense(values, shape, et="f32"):
    """A dense literal of the flat `values` in `shape`."""
    if et.startswith("i"):
        items = [str(int(v)) for v in values]
    else:
        items = [fmt_float(v) for v in values]
    if len(set(items)) == 1:
        return "dense<%s> : %s" % (items[0], tt(shape, et))

    def nest(offset, dims):
        if not dims:
            return items[offset]
        step = shape_size(dims[1:])
        return "[" + ", ".join(nest(offset + i * step, dims[1:])
                               for i in range(dims[0])) + "]"

    return "dense<%s> : %s" % (nest(0, list(shape)), tt(shape, et))


def idmap(rank):
    dims = ", ".join("d%d" % i for i in range(rank))
    return "affine_map<(%s) -> (%s)>" % (dims, dims)


def chmap(rank):
    dims = ", ".join("d%d" % i for i in range(rank))
    return "affine_map<(%s) -> (d%d)>" % (dims, rank - 1)


def scalarmap(rank):
    dims = ", ".join("d%d" % i for i in range(rank))
    return "affine_map<(%s) -> ()>" % dims


def iters(rank, kind="parallel"):
    return "[" + ", ".join('"%s"' % kind for _ in range(rank)) + "]"


class Fn:
    """An MLIR function body under construction."""

    def __init__(self):
        self.lines = []
        self.n = 0

    def tmp(self, prefix="v"):
        self.n += 1
        return "%%%s%d" % (prefix, self.n)

    def emit(self, line):
        self.lines.append("  " + line)

    # -- building blocks ----------------------------------------------------

    def const(self, literal):
        v = self.tmp("c")
        self.emit("%s = arith.constant %s" % (v, literal))
        return v

    def zeros(self, shape, et="f32"):
        e = self.tmp("e")
        self.emit("%s = tensor.empty() : %s" % (e, tt(shape, et)))
        z = self.tmp("z")
        zero = "0.0" if et.startswith("f") else "0"
        self.emit("%s = arith.constant %s : %s" % (z, zero, et))
        f = self.tmp("init")
        self.emit("%s = linalg.fill ins(%s : %s) outs(%s : %s) -> %s" %
                  (f, z, et, e, tt(shape, et), tt(shape, et)))
        return f

    def filled(self, shape, literal, et="f32"):
        e = self.tmp("e")
        self.emit("%s = tensor.empty() : %s" % (e, tt(shape, et)))
        z = self.tmp("c")
        self.emit("%s = arith.constant %s : %s" % (z, literal, et))
        f = self.tmp("init")
        self.emit("%s = linalg.fill ins(%s : %s) outs(%s : %s) -> %s" %
                  (f, z, et, e, tt(shape, et), tt(shape, et)))
        return f

    def random(self, shape, seed):
        """linalg.generic filling `shape` with hash_value(linear index)."""
        rank = len(shape)
        e = self.tmp("e")
        self.emit("%s = tensor.empty() : %s" % (e, tt(shape)))
        r = self.tmp("rand")
        self.emit("%s = linalg.generic {indexing_maps = [%s], iterator_types"
                  " = %s} outs(%s : %s) {" % (r, idmap(rank), iters(rank), e,
                                              tt(shape)))
        self.emit("^bb0(%o: f32):")
        b = []
        strides = strides_of(shape)
        lin = None
        for d in range(rank):
            b.append("%%i%d = linalg.index %d : index" % (d, d))
            if strides[d] != 1:
                b.append("%%s%d = arith.constant %d : index" % (d, strides[d]))
                b.append("%%m%d = arith.muli %%i%d, %%s%d : index" % (d, d, d))
                term = "%%m%d" % d
            else:
                term = "%%i%d" % d
            if lin is None:
                lin = term
            else:
                b.append("%%l%d = arith.addi %s, %s : index" % (d, lin, term))
                lin = "%%l%d" % d
        b += [
            "%%li = arith.index_cast %s : index to i64" % lin,
            "%%k1 = arith.constant %d : i64" % signed64(HASH_MUL1),
            "%h0 = arith.muli %li, %k1 : i64",
            "%%seed = arith.constant %d : i64" % signed64(seed),
            "%h1 = arith.addi %h0, %seed : i64",
            "%k29 = arith.constant 29 : i64",
            "%h2 = arith.shrui %h1, %k29 : i64",
            "%h3 = arith.xori %h1, %h2 : i64",
            "%%k2 = arith.constant %d : i64" % signed64(HASH_MUL2),
            "%h4 = arith.muli %h3, %k2 : i64",
            "%k32 = arith.constant 32 : i64",
            "%h5 = arith.shrui %h4, %k32 : i64",
            "%h = arith.xori %h4, %h5 : i64",
            "%kmask = arith.constant 65535 : i64",
            "%v = arith.andi %h, %kmask : i64",
            "%khalf = arith.constant 32768 : i64",
            "%t = arith.subi %v, %khalf : i64",
            "%tf = arith.sitofp %t : i64 to f32",
            "%kscale = arith.constant 2.44140625e-04 : f32",
            "%x = arith.mulf %tf, %kscale : f32",
            "%k16 = arith.constant 16 : i64",
            "%hs = arith.shrui %h, %k16 : i64",
            "%k61 = arith.constant 61 : i64",
            "%r = arith.remui %hs, %k61 : i64",
            "%k0 = arith.constant 0 : i64",
            "%is0 = arith.cmpi eq, %r, %k0 : i64",
            "%nzero = arith.constant -0.0 : f32",
            "%x0 = arith.select %is0, %nzero, %x : f32",
            "%k1i = arith.constant 1 : i64",
            "%is1 = arith.cmpi eq, %r, %k1i : i64",
            "%nan = arith.constant 0x7FC00000 : f32",
            "%x1 = arith.select %is1, %nan, %x0 : f32",
            "linalg.yield %x1 : f32",
        ]
        for line in b:
            self.emit("  " + line)
        self.emit("} -> %s" % tt(shape))
        return r

    def truncf(self, x, shape, et):
        rank = len(shape)
        e = self.tmp("e")
        self.emit("%s = tensor.empty() : %s" % (e, tt(shape, et)))
        r = self.tmp("t")
        self.emit("%s = linalg.generic {indexing_maps = [%s, %s], "
                  "iterator_types = %s} ins(%s : %s) outs(%s : %s) {" %
                  (r, idmap(rank), idmap(rank), iters(rank), x, tt(shape), e,
                   tt(shape, et)))
        self.emit("^bb0(%a: f32, %o: " + et + "):")
        self.emit("  %r = arith.truncf %a : f32 to " + et)
        self.emit("  linalg.yield %r : " + et)
        self.emit("} -> %s" % tt(shape, et))
        return r

    def sign_ref(self, x, shape, et="f32"):
        """select(x < 0, -1, +1): a sign lq-binarize does not recognize."""
        rank = len(shape)
        e = self.tmp("e")
        self.emit("%s = tensor.empty() : %s" % (e, tt(shape, et)))
        r = self.tmp("sgn")
        self.emit("%s = linalg.generic {indexing_maps = [%s, %s], "
                  "iterator_types = %s} ins(%s : %s) outs(%s : %s) {" %
                  (r, idmap(rank), idmap(rank), iters(rank), x, tt(shape, et),
                   e, tt(shape, et)))
        self.emit("^bb0(%a: " + et + ", %o: " + et + "):")
        self.emit("  %zero = arith.constant 0.0 : " + et)
        self.emit("  %neg = arith.cmpf olt, %a, %zero : " + et)
        self.emit("  %m1 = arith.constant -1.0 : " + et)
        self.emit("  %p1 = arith.constant 1.0 : " + et)
        self.emit("  %s = arith.select %neg, %m1, %p1 : " + et)
        self.emit("  linalg.yield %s : " + et)
        self.emit("} -> %s" % tt(shape, et))
        return r

    def sign_lq(self, x, shape, et="f32"):
        r = self.tmp("sgn")
        self.emit("%s = lq.ste_sign %s : %s" % (r, x, tt(shape, et)))
        return r

    def pad(self, x, shape, low, high, literal, et="f32"):
        out = [s + l + h for s, l, h in zip(shape, low, high)]
        c = self.const("%s : %s" % (literal, et))
        r = self.tmp("pad")
        args = ", ".join("%%p%d: index" % i for i in range(len(shape)))
        self.emit("%s = tensor.pad %s low[%s] high[%s] {" %
                  (r, x, ", ".join(map(str, low)), ", ".join(map(str, high))))
        self.emit("^bb0(%s):" % args)
        self.emit("  tensor.yield %s : %s" % (c, et))
        self.emit("} : %s to %s" % (tt(shape, et), tt(out, et)))
        return r, out

    def per_channel(self, y, shape, values, op, et="f32"):
        """y <op> c[channel] as a linalg.generic with a channel map."""
        rank = len(shape)
        c = self.const(dense(values, [len(values)], et))
        e = self.tmp("e")
        self.emit("%s = tensor.empty() : %s" % (e, tt(shape, et)))
        r = self.tmp("bn")
        self.emit("%s = linalg.generic {indexing_maps = [%s, %s, %s], "
                  "iterator_types = %s} ins(%s, %s : %s, %s) outs(%s : %s) {" %
                  (r, idmap(rank), chmap(rank), idmap(rank), iters(rank), y, c,
                   tt(shape, et), tt([len(values)], et), e, tt(shape, et)))
        self.emit("^bb0(%%a: %s, %%b: %s, %%o: %s):" % (et, et, et))
        self.emit("  %%r = arith.%s %%a, %%b : %s" % (op, et))
        self.emit("  linalg.yield %r : " + et)
        self.emit("} -> %s" % tt(shape, et))
        return r

    def scalar_step(self, y, shape, value, op, et="f32"):
        """y <op> value with the constant in the body (a ReLU / clamp)."""
        rank = len(shape)
        e = self.tmp("e")
        self.emit("%s = tensor.empty() : %s" % (e, tt(shape, et)))
        r = self.tmp("clamp")
        self.emit("%s = linalg.generic {indexing_maps = [%s, %s], "
                  "iterator_types = %s} ins(%s : %s) outs(%s : %s) {" %
                  (r, idmap(rank), idmap(rank), iters(rank), y, tt(shape, et),
                   e, tt(shape, et)))
        self.emit("^bb0(%%a: %s, %%o: %s):" % (et, et))
        self.emit("  %%k = arith.constant %s : %s" % (fmt_float(value), et))
        self.emit("  %%r = arith.%s %%a, %%k : %s" % (op, et))
        self.emit("  linalg.yield %r : " + et)
        self.emit("} -> %s" % tt(shape, et))
        return r

    def fptosi(self, y, shape):
        rank = len(shape)
        e = self.tmp("e")
        self.emit("%s = tensor.empty() : %s" % (e, tt(shape, "i32")))
        r = self.tmp("int")
        self.emit("%s = linalg.generic {indexing_maps = [%s, %s], "
                  "iterator_types = %s} ins(%s : %s) outs(%s : %s) {" %
                  (r, idmap(rank), idmap(rank), iters(rank), y, tt(shape), e,
                   tt(shape, "i32")))
        self.emit("^bb0(%a: f32, %o: i32):")
        self.emit("  %r = arith.fptosi %a : f32 to i32")
        self.emit("  linalg.yield %r : i32")
        self.emit("} -> %s" % tt(shape, "i32"))
        return r

    def expand(self, x, shape, groups, et="f32"):
        """[.., C] -> [.., G, C / G]."""
        out = list(shape[:-1]) + [groups, shape[-1] // groups]
        reassoc = [[d] for d in range(len(shape) - 1)]
        reassoc.append([len(shape) - 1, len(shape)])
        r = self.tmp("x")
        self.emit("%s = tensor.expand_shape %s %s output_shape %s : %s into %s"
                  % (r, x, reassoc, out, tt(shape, et), tt(out, et)))
        return r, out

    def expand_front(self, x, shape, groups, et="f32"):
        """[G*F, ...] -> [G, F, ...]."""
        out = [groups, shape[0] // groups] + list(shape[1:])
        reassoc = [[0, 1]] + [[d + 1] for d in range(1, len(shape))]
        r = self.tmp("x")
        self.emit("%s = tensor.expand_shape %s %s output_shape %s : %s into %s"
                  % (r, x, reassoc, out, tt(shape, et), tt(out, et)))
        return r, out

    def collapse_last(self, x, shape, et="f32"):
        out = list(shape[:-2]) + [shape[-2] * shape[-1]]
        reassoc = [[d] for d in range(len(shape) - 2)]
        reassoc.append([len(shape) - 2, len(shape) - 1])
        r = self.tmp("x")
        self.emit("%s = tensor.collapse_shape %s %s : %s into %s" %
                  (r, x, reassoc, tt(shape, et), tt(out, et)))
        return r, out

    # -- comparison and printing (in @main) ----------------------------------

    def count_mismatches(self, ref, binv, shape, et, atol):
        rank = len(shape)
        acc = self.zeros([], "i64")
        r = self.tmp("mis")
        self.emit("%s = linalg.generic {indexing_maps = [%s, %s, %s], "
                  "iterator_types = %s} ins(%s, %s : %s, %s) outs(%s : %s) {" %
                  (r, idmap(rank), idmap(rank), scalarmap(rank),
                   iters(rank, "reduction"), ref, binv, tt(shape, et),
                   tt(shape, et), acc, tt([], "i64")))
        self.emit("^bb0(%%a: %s, %%b: %s, %%acc: i64):" % (et, et))
        if et in ("i32", "i64"):
            self.emit("  %%bad = arith.cmpi ne, %%a, %%b : %s" % et)
        else:
            a, b = "%a", "%b"
            if et != "f32":
                self.emit("  %%a32 = arith.extf %%a : %s to f32" % et)
                self.emit("  %%b32 = arith.extf %%b : %s to f32" % et)
                a, b = "%a32", "%b32"
            self.emit("  %%d = arith.subf %s, %s : f32" % (b, a))
            self.emit("  %ad = math.absf %d : f32")
            self.emit("  %%aa = math.absf %s : f32" % a)
            self.emit("  %rtol = arith.constant 9.5367431640625e-07 : f32")
            self.emit("  %%atol = arith.constant %s : f32" % fmt_float(atol))
            self.emit("  %rel = arith.mulf %aa, %rtol : f32")
            self.emit("  %lim = arith.addf %rel, %atol : f32")
            self.emit("  %bad = arith.cmpf ugt, %ad, %lim : f32")
        self.emit("  %one = arith.constant 1 : i64")
        self.emit("  %zero = arith.constant 0 : i64")
        self.emit("  %inc = arith.select %bad, %one, %zero : i64")
        self.emit("  %sum = arith.addi %acc, %inc : i64")
        self.emit("  linalg.yield %sum : i64")
        self.emit("} -> %s" % tt([], "i64"))
        return r

    def weighted_sum(self, x, shape, et):
        """sum_i s_i * (i mod 13 + 1), s_i = sign (floats) or value (ints)."""
        rank = len(shape)
        acc = self.zeros([], "i64")
        r = self.tmp("sum")
        self.emit("%s = linalg.generic {indexing_maps = [%s, %s], "
                  "iterator_types = %s} ins(%s : %s) outs(%s : %s) {" %
                  (r, idmap(rank), scalarmap(rank), iters(rank, "reduction"),
                   x, tt(shape, et), acc, tt([], "i64")))
        self.emit("^bb0(%%a: %s, %%acc: i64):" % et)
        strides = strides_of(shape)
        lin = None
        for d in range(rank):
            self.emit("  %%i%d = linalg.index %d : index" % (d, d))
            if strides[d] != 1:
                self.emit("  %%s%d = arith.constant %d : index" % (d, strides[d]))
                self.emit("  %%m%d = arith.muli %%i%d, %%s%d : index" % (d, d, d))
                term = "%%m%d" % d
            else:
                term = "%%i%d" % d
            if lin is None:
                lin = term
            else:
                self.emit("  %%l%d = arith.addi %s, %s : index" % (d, lin, term))
                lin = "%%l%d" % d
        self.emit("  %%li = arith.index_cast %s : index to i64" % lin)
        self.emit("  %k13 = arith.constant 13 : i64")
        self.emit("  %rem = arith.remui %li, %k13 : i64")
        self.emit("  %one = arith.constant 1 : i64")
        self.emit("  %w = arith.addi %rem, %one : i64")
        if et == "i32":
            self.emit("  %s = arith.extsi %a : i32 to i64")
        else:
            self.emit("  %%fz = arith.constant 0.0 : %s" % et)
            self.emit("  %%neg = arith.cmpf olt, %%a, %%fz : %s" % et)
            self.emit("  %%pos = arith.cmpf ogt, %%a, %%fz : %s" % et)
            self.emit("  %zero = arith.constant 0 : i64")
            self.emit("  %minus1 = arith.constant -1 : i64")
            self.emit("  %sp = arith.select %pos, %one, %zero : i64")
            self.emit("  %s = arith.select %neg, %minus1, %sp : i64")
        self.emit("  %t = arith.muli %s, %w : i64")
        self.emit("  %r = arith.addi %acc, %t : i64")
        self.emit("  linalg.yield %r : i64")
        self.emit("} -> %s" % tt([], "i64"))
        return r

    def print_i64(self, label, t):
        v = self.tmp("p")
        self.emit("%s = tensor.extract %s[] : %s" % (v, t, tt([], "i64")))
        self.emit('vector.print str "%s"' % label)
        self.emit("vector.print %s : i64" % v)


# ----------------------------------------------------------------------------
# Python model
# ----------------------------------------------------------------------------


def same_padding(size, k, s, d):
    out = -(-size // s)
    total = max((out - 1) * s + (k - 1) * d + 1 - size, 0)
    return total // 2, total - total // 2


def model_conv(xs, x_shape, ws, case):
    """Integer conv of +-1 NHWC activations (channels G*Cg) with +-1 OHWI
    filters [Cout, KH, KW, Cg]; padded taps contribute 0 (pad_value 0) or
    w (pad_value 1)."""
    n_, h_, w_, c_ = x_shape
    g = case["groups"]
    cg = c_ // g
    cout, kh, kw = case["cout"], case["k"][0], case["k"][1]
    sh, sw = case["stride"]
    dh, dw = case["dil"]
    pt, pb, pl, pr = case["padding"]
    oh = (h_ + pt + pb - (dh * (kh - 1) + 1)) // sh + 1
    ow = (w_ + pl + pr - (dw * (kw - 1) + 1)) // sw + 1
    one = case["pad_value"] == 1
    out = []
    cog = cout // g
    for n in range(n_):
        for y in range(oh):
            for x in range(ow):
                for o in range(cout):
                    grp = o // cog
                    acc = 0
                    for i in range(kh):
                        iy = y * sh + i * dh - pt
                        for j in range(kw):
                            ix = x * sw + j * dw - pl
                            wbase = ((o * kh + i) * kw + j) * cg
                            inside = 0 <= iy < h_ and 0 <= ix < w_
                            if not inside and not one:
                                continue
                            if inside:
                                abase = ((n * h_ + iy) * w_ + ix) * c_ + grp * cg
                                acc += sum(xs[abase + c] * ws[wbase + c]
                                           for c in range(cg))
                            else:
                                acc += sum(ws[wbase:wbase + cg])
                    out.append(acc)
    return out, [n_, oh, ow, cout]


def model_epilogue(dots, cout, case, et="f32"):
    """The float ops after the product: dot (* m + b), clamp; as IEEE ops."""
    out = []
    for i, d in enumerate(dots):
        c = i % cout
        if case.get("pre_clamp"):
            d = min(max(d, case["pre_clamp"][0]), case["pre_clamp"][1])
        y = round_to(float(d) * case["scale"][c], et) if case.get("scale") else float(d)
        if case.get("bn"):
            m, b = case["bn"][0][c], case["bn"][1][c]
            y = round_to(round_to(y * m, et) + b, et)
        if case.get("clamp"):
            lo, hi = case["clamp"]
            if lo is not None:
                y = max(y, lo)
            if hi is not None:
                y = min(y, hi)
        out.append(y)
    return out


# ----------------------------------------------------------------------------
# Case definitions
# ----------------------------------------------------------------------------


def bn_values(cout, seed):
    """Per-channel multiplier (both signs, a zero) and bias of a folded
    batch norm, f32-exact short decimals."""
    ms, bs = [], []
    for c in range(cout):
        h = hash_value(c, seed + 7)
        h = 0.0 if math.isnan(h) else h
        m = round_to(0.25 + abs(h) / 4.0, "f32")
        if c % 3 == 1:
            m = -m
        if c % 11 == 5:
            m = 0.0
        b = round_to((hash_value(c, seed + 11) if not math.isnan(
            hash_value(c, seed + 11)) else 0.5) * 2.0, "f32")
        ms.append(m)
        bs.append(b)
    return ms, bs


def const_weights(shape, seed):
    """+-1 constant weights (any layout), from the same hash."""
    return [float(sign(v)) for v in random_tensor(shape, seed)]


class Module:
    def __init__(self, title):
        self.title = title
        self.funcs = []
        self.main = Fn()
        self.checks = []
        self.ir_checks = []
        self.seed = 1000

    def next_seed(self):
        self.seed += 101
        return self.seed

    def add(self, text):
        self.funcs.append(text)

    def report(self, label, ref, binv, shape, et, expected, atol=0.0,
               integer=False):
        m = self.main
        mis = m.count_mismatches(ref, binv, shape, et, atol)
        m.print_i64("%s mismatches " % label, mis)
        s = m.weighted_sum(binv, shape, et)
        m.print_i64("%s checksum " % label, s)
        self.checks.append("// CHECK: %s mismatches 0" % label)
        self.checks.append("// CHECK-NEXT: %s checksum %d" % (label, expected))
        if expected == 0:
            sys.exit("case %s has a zero checksum (trivial data)" % label)

    def render(self, run_lines, header):
        out = [header, ""]
        out += run_lines
        out.append("")
        out += self.checks
        out.append("")
        out += self.ir_checks
        out.append("")
        out += self.funcs
        out.append("func.func @main() {")
        out += self.main.lines
        out.append("  return")
        out.append("}")
        return "\n".join(out) + "\n"


def function(name, args, results, body):
    sig = ", ".join("%%%s: %s" % (n, t) for n, t in args)
    res = ", ".join(results)
    text = ["func.func @%s(%s) -> (%s) {" % (name, sig, res)]
    text += body.lines
    return "\n".join(text) + "\n}\n"


# -- convolutions ---------------------------------------------------------------


def conv_case(mod, name, N, H, W, cin, cout, k, stride=(1, 1), dil=(1, 1),
              pad="valid", groups=1, weights="runtime", layout="hwcf",
              out="float", bn=False, clamp=None, scale=None, next_layer=None):
    """One convolution case. `pad`: valid, same0 (zero padding) or same1
    (padding with +1). `out`: float, bits (BN -> sign -> next 1x1 / 3x3
    binary conv consuming the bits) or i32 (lq.bconv2d written directly)."""
    case = dict(name=name, cout=cout, k=k, stride=stride, dil=dil,
                groups=groups)
    if pad == "valid":
        padding = [0, 0, 0, 0]
    else:
        padding = list(same_padding(H, k[0], stride[0], dil[0]) +
                       same_padding(W, k[1], stride[1], dil[1]))
    case["padding"] = padding
    case["pad_value"] = 1 if pad == "same1" else 0
    if bn:
        case["bn"] = bn_values(cout, mod.seed)
    case["clamp"] = clamp
    if scale:
        scale = [round_to(v, "f32") for v in scale]
    case["scale"] = scale
    cg = cin // groups
    x_shape = [N, H, W, cin]
    x_seed = mod.next_seed()
    w_seed = mod.next_seed()
    ohwi = [cout, k[0], k[1], cg]
    xs = [sign(v) for v in random_tensor(x_shape, x_seed)]
    # Weights in OHWI order for the model; the float op's layout is derived.
    if weights == "const":
        w_ohwi = [int(v) for v in const_weights(ohwi, w_seed)]
    else:
        w_ohwi = None  # runtime: generated in the op's layout, permuted below
    # Layout of the float op's filter and the permutation to OHWI.
    if groups > 1:
        layout = "gfhwc"
        # [G, F, KH, KW, C] flattens to OHWI [G*F, KH, KW, C]
        w_shape = [groups, cout // groups, k[0], k[1], cg]
    elif layout == "hwcf":
        w_shape = [k[0], k[1], cg, cout]
    else:
        w_shape = [cout, k[0], k[1], cg]
    if weights == "runtime":
        wv = [sign(v) for v in random_tensor(w_shape, w_seed)]
    else:
        wv = None
    if layout == "hwcf":
        if weights == "runtime":
            w_ohwi = [0] * len(wv)
            st = strides_of(w_shape)
            for o in range(cout):
                for i in range(k[0]):
                    for j in range(k[1]):
                        for c in range(cg):
                            w_ohwi[((o * k[0] + i) * k[1] + j) * cg + c] = \
                                wv[i * st[0] + j * st[1] + c * st[2] + o]
        else:
            # constant: the literal is the OHWI values permuted to HWCF
            wv = [0] * len(w_ohwi)
            st = strides_of(w_shape)
            for o in range(cout):
                for i in range(k[0]):
                    for j in range(k[1]):
                        for c in range(cg):
                            wv[i * st[0] + j * st[1] + c * st[2] + o] = \
                                w_ohwi[((o * k[0] + i) * k[1] + j) * cg + c]
    else:
        if weights == "runtime":
            w_ohwi = wv
        else:
            wv = w_ohwi
    if scale:
        # constant weights +-s per output channel: scale the OHWI values
        assert weights == "const"
        per = len(w_ohwi) // cout
        wv_scaled = list(wv)
        if layout == "hwcf":
            for idx in range(len(wv)):
                wv_scaled[idx] = wv[idx] * scale[idx % cout]
        else:
            for idx in range(len(wv)):
                wv_scaled[idx] = wv[idx] * scale[idx // per]
        wv_literal = wv_scaled
    else:
        wv_literal = wv

    dots, y_shape = model_conv(xs, x_shape, w_ohwi, case)
    oh, ow = y_shape[1], y_shape[2]

    # -- the float graph -----------------------------------------------------
    def float_graph(fn, sign_fn, x, w):
        s = sign_fn(x, x_shape)
        in_shape = x_shape
        if groups > 1:
            s, in_shape = fn.expand(s, x_shape, groups)
        if pad != "valid":
            low = [0, padding[0], padding[2]] + [0] * (len(in_shape) - 3)
            high = [0, padding[1], padding[3]] + [0] * (len(in_shape) - 3)
            s, in_shape = fn.pad(s, in_shape, low, high,
                                 "1.0" if pad == "same1" else "0.0")
        if weights == "const":
            wq = fn.const(dense(wv_literal, w_shape))
        else:
            wq = sign_fn(w, w_shape)
        if groups > 1:
            res_shape = [N, oh, ow, groups, cout // groups]
            opname = "linalg.conv_2d_nhwgc_gfhwc"
        else:
            res_shape = [N, oh, ow, cout]
            opname = ("linalg.conv_2d_nhwc_hwcf" if layout == "hwcf" else
                      "linalg.conv_2d_nhwc_fhwc")
        init = fn.zeros(res_shape)
        y = fn.tmp("conv")
        fn.emit("%s = %s {dilations = dense<[%d, %d]> : tensor<2xi64>, "
                "strides = dense<[%d, %d]> : tensor<2xi64>} ins(%s, %s : %s, "
                "%s) outs(%s : %s) -> %s" %
                (y, opname, dil[0], dil[1], stride[0], stride[1], s, wq,
                 tt(in_shape), tt(w_shape), init, tt(res_shape),
                 tt(res_shape)))
        if groups > 1:
            y, _ = fn.collapse_last(y, res_shape)
        return y

    def epilogue(fn, y, shape, cfg):
        if cfg.get("bn"):
            y = fn.per_channel(y, shape, cfg["bn"][0], "mulf")
            y = fn.per_channel(y, shape, cfg["bn"][1], "addf")
        if cfg.get("clamp"):
            lo, hi = cfg["clamp"]
            if lo is not None:
                y = fn.scalar_step(y, shape, lo, "maximumf")
            if hi is not None:
                y = fn.scalar_step(y, shape, hi, "minimumf")
        return y

    args = [("x", tt(x_shape))]
    if weights == "runtime":
        args.append(("w", tt(w_shape)))
    results = []
    bodies = {}
    expected = []
    if out in ("float", "bits"):
        for variant, sign_name in (("ref", "sign_ref"), ("bin", "sign_lq")):
            fn = Fn()
            sign_fn = getattr(fn, sign_name)
            y = float_graph(fn, sign_fn, "%x", "%w")
            y = epilogue(fn, y, y_shape, case)
            rets = [(y, y_shape)]
            if out == "bits":
                s = sign_fn(y, y_shape)
                nk, ncout, nseed = next_layer
                nw_shape = [nk, nk, cout, ncout]
                nw = fn.const(dense(const_weights(nw_shape, nseed), nw_shape))
                npad = (nk - 1) // 2
                sp, sp_shape = s, y_shape
                if npad:
                    sp, sp_shape = fn.pad(s, y_shape, [0, npad, npad, 0],
                                          [0, npad, npad, 0], "0.0")
                z_shape = [N, oh, ow, ncout]
                init = fn.zeros(z_shape)
                z = fn.tmp("conv")
                fn.emit("%s = linalg.conv_2d_nhwc_hwcf {dilations = dense<1> :"
                        " tensor<2xi64>, strides = dense<1> : tensor<2xi64>} "
                        "ins(%s, %s : %s, %s) outs(%s : %s) -> %s" %
                        (z, sp, nw, tt(sp_shape), tt(nw_shape), init,
                         tt(z_shape), tt(z_shape)))
                rets = [(s, y_shape), (z, z_shape)]
            fn.emit("return %s : %s" % (", ".join(r for r, _ in rets),
                                         ", ".join(tt(s) for _, s in rets)))
            bodies[variant] = fn
            results = [s for _, s in rets]
        ys = model_epilogue(dots, cout, case)
        if out == "float":
            expected = [checksum(ys)]
        else:
            signs = [sign(v) for v in ys]
            nk, ncout, nseed = next_layer
            nw = const_weights([nk, nk, cout, ncout], nseed)
            # next layer: HWCF constant, zero padding SAME, stride 1
            nw_ohwi = [0] * len(nw)
            st = strides_of([nk, nk, cout, ncout])
            for o in range(ncout):
                for i in range(nk):
                    for j in range(nk):
                        for c in range(cout):
                            nw_ohwi[((o * nk + i) * nk + j) * cout + c] = int(
                                nw[i * st[0] + j * st[1] + c * st[2] + o])
            npad = (nk - 1) // 2
            ncase = dict(cout=ncout, k=(nk, nk), stride=(1, 1), dil=(1, 1),
                         groups=1, padding=[npad] * 4, pad_value=0)
            zs, _ = model_conv(signs, y_shape, nw_ohwi, ncase)
            expected = [checksum(signs), checksum(zs)]
    else:  # i32: lq.bconv2d written directly vs fptosi of the float conv
        fn = Fn()
        y = float_graph(fn, fn.sign_ref, "%x", "%w")
        yi = fn.fptosi(y, y_shape)
        fn.emit("return %s : %s" % (yi, tt(y_shape, "i32")))
        bodies["ref"] = fn
        fn = Fn()
        words = groups * -(-cg // 64)
        px = fn.tmp("packed")
        fn.emit("%s = lq.bitpack %%x {groups = %d} : %s -> %s" %
                (px, groups, tt(x_shape), tt([N, H, W, words], "i64")))
        wohwi_shape = [cout, k[0], k[1], cg]
        if weights == "const":
            # packed at compile time (lq.bitpack of a constant folds)
            wsrc = fn.const(dense([float(v) for v in w_ohwi], wohwi_shape))
        else:
            # run-time OHWI (FHWC) weights packed by lq.bitpack
            assert layout == "fhwc" and groups == 1
            wsrc = "%w"
        pw = fn.tmp("packed")
        fn.emit("%s = lq.bitpack %s : %s -> %s" %
                (pw, wsrc, tt(wohwi_shape), tt(cout_words(wohwi_shape), "i64")))
        yb = fn.tmp("bconv")
        fn.emit("%s = lq.bconv2d %s, %s {channels_in = %d, strides = array<i64:"
                " %d, %d>, dilations = array<i64: %d, %d>, padding = "
                "array<i64: %s>, pad_value = %d, groups = %d} : %s, %s -> %s" %
                (yb, px, pw, cin, stride[0], stride[1], dil[0], dil[1],
                 ", ".join(map(str, padding)), case["pad_value"], groups,
                 tt([N, H, W, words], "i64"),
                 tt(cout_words(wohwi_shape), "i64"), tt(y_shape, "i32")))
        fn.emit("return %s : %s" % (yb, tt(y_shape, "i32")))
        bodies["bin"] = fn
        results = [y_shape]
        expected = [checksum(dots, integer=True)]

    res_types = ([tt(s, "i32") for s in results] if out == "i32" else
                 [tt(s) for s in results])
    for variant in ("ref", "bin"):
        mod.add(function("%s_%s" % (variant, name), args, res_types,
                         bodies[variant]))

    # -- IR checks -------------------------------------------------------------
    ir = mod.ir_checks
    ir.append("// IR-LABEL: func.func @bin_%s(" % name)
    ir.append("// IR-NOT:     linalg.conv")
    if out == "bits":
        words = -(-cout // 64)
        # the next layer reads the packed words, no run-time repacking
        ir.append("// IR:         %%[[P:.*]] = lq.bconv2d {{.*}} -> %s" %
                  tt([N, oh, ow, words], "i64"))
        ir.append("// IR-NOT:     lq.bitpack")
        ir.append("// IR:         lq.bconv2d %%[[P]], {{.*}} -> %s" %
                  tt([N, oh, ow, next_layer[1]], "f32"))
    else:
        ir.append("// IR:         lq.bconv2d")
    ir.append("// IR-NOT:     linalg.conv")
    if out != "i32":
        # the batch norm and clamps are fused into the epilogue
        ir.append("// IR-NOT:     linalg.generic")
    ir.append("// IR:         return")

    # -- main ----------------------------------------------------------------------
    m = mod.main
    m.emit("// %s" % name)
    x = m.random(x_shape, x_seed)
    call_args = [x]
    if weights == "runtime":
        call_args.append(m.random(w_shape, w_seed))
    arg_types = ", ".join(t for _, t in args)
    outs = {}
    for variant in ("ref", "bin"):
        names = [m.tmp(variant) for _ in results]
        m.emit("%s = call @%s_%s(%s) : (%s) -> (%s)" %
               (", ".join(names), variant, name, ", ".join(call_args),
                arg_types, ", ".join(res_types)))
        outs[variant] = names
    labels = (["%s out" % name] if len(results) == 1 else
              ["%s sign" % name, "%s next" % name])
    atol = 0.0
    if scale:
        kk = k[0] * k[1] * cg
        atol = kk * kk * max(scale) * 2.0 ** -24
    for i, shape in enumerate(results):
        et = "i32" if out == "i32" else "f32"
        mod.report(labels[i], outs["ref"][i], outs["bin"][i], shape, et,
                   expected[i], atol=atol, integer=(out == "i32"))


def cout_words(ohwi_shape):
    return list(ohwi_shape[:-1]) + [-(-ohwi_shape[-1] // 64)]


# -- matrix products ----------------------------------------------------------------


def matmul_case(mod, name, M, K, N, batch=None, weights="runtime",
                transposed=False, out="float", bn=False, clamp=None,
                next_layer=None, et="f32", pre_clamp=None):
    """lhs [B.., M, K] x rhs ([K, N] or transposed [N, K]) (+ clamp of the
    product, BN, clamp)."""
    case = dict(cout=N, bn=bn_values(N, mod.seed) if bn else None,
                clamp=clamp, pre_clamp=pre_clamp)
    if case["bn"] and et != "f32":
        # the literals are parsed in `et`: the model uses the same values
        case["bn"] = tuple([round_to(v, et) for v in vs] for vs in case["bn"])
    lead = [batch] if batch else []
    x_shape = lead + [M, K]
    w_shape = lead + ([N, K] if transposed else [K, N])
    x_seed, w_seed = mod.next_seed(), mod.next_seed()
    xs = [sign(v) for v in random_tensor(x_shape, x_seed)]
    if weights == "const":
        wv = const_weights(w_shape, w_seed)
    else:
        wv = [float(sign(v)) for v in random_tensor(w_shape, w_seed)]
    B = batch or 1
    # model: dots[b, m, n]
    dots = []
    for b in range(B):
        for mm in range(M):
            for n in range(N):
                acc = 0
                for kk in range(K):
                    a = xs[(b * M + mm) * K + kk]
                    if transposed:
                        w = wv[(b * N + n) * K + kk]
                    else:
                        w = wv[(b * K + kk) * N + n]
                    acc += a * int(w)
                dots.append(acc)
    y_shape = lead + [M, N]
    if batch:
        opname = "linalg.batch_matmul"
    else:
        opname = "linalg.matmul"
    maps = ""
    if transposed:
        maps = ("indexing_maps = [affine_map<(m, n, k) -> (m, k)>, "
                "affine_map<(m, n, k) -> (n, k)>, affine_map<(m, n, k) -> "
                "(m, n)>] ")

    def float_graph(fn, sign_fn):
        x = "%x"
        if et != "f32":
            x = fn.truncf(x, x_shape, et)
        s = sign_fn(x, x_shape, et)
        if weights == "const":
            wq = fn.const(dense(wv, w_shape, et))
        else:
            w = "%w"
            if et != "f32":
                w = fn.truncf(w, w_shape, et)
            wq = sign_fn(w, w_shape, et)
        init = fn.zeros(y_shape, et)
        y = fn.tmp("mm")
        fn.emit("%s = %s %sins(%s, %s : %s, %s) outs(%s : %s) -> %s" %
                (y, opname, maps, s, wq, tt(x_shape, et), tt(w_shape, et),
                 init, tt(y_shape, et), tt(y_shape, et)))
        return y

    args = [("x", tt(x_shape))]
    if weights == "runtime":
        args.append(("w", tt(w_shape)))
    bodies = {}
    if out in ("float", "bits"):
        for variant, sign_name in (("ref", "sign_ref"), ("bin", "sign_lq")):
            fn = Fn()
            sign_fn = getattr(fn, sign_name)
            y = float_graph(fn, sign_fn)
            if pre_clamp:
                y = fn.scalar_step(y, y_shape, pre_clamp[0], "maximumf", et)
                y = fn.scalar_step(y, y_shape, pre_clamp[1], "minimumf", et)
            if case["bn"]:
                y = fn.per_channel(y, y_shape, case["bn"][0], "mulf", et)
                y = fn.per_channel(y, y_shape, case["bn"][1], "addf", et)
            if clamp:
                if clamp[0] is not None:
                    y = fn.scalar_step(y, y_shape, clamp[0], "maximumf", et)
                if clamp[1] is not None:
                    y = fn.scalar_step(y, y_shape, clamp[1], "minimumf", et)
            rets = [(y, y_shape)]
            if out == "bits":
                s = sign_fn(y, y_shape, et)
                n2, nseed = next_layer
                nw_shape = [N, n2]
                nw = fn.const(dense(const_weights(nw_shape, nseed), nw_shape,
                                    et))
                z_shape = [M, n2]
                init = fn.zeros(z_shape, et)
                z = fn.tmp("mm")
                fn.emit("%s = linalg.matmul ins(%s, %s : %s, %s) outs(%s : %s)"
                        " -> %s" % (z, s, nw, tt(y_shape, et),
                                    tt(nw_shape, et), init, tt(z_shape, et),
                                    tt(z_shape, et)))
                rets = [(s, y_shape), (z, z_shape)]
            fn.emit("return %s : %s" % (", ".join(r for r, _ in rets),
                                         ", ".join(tt(s, et) for _, s in rets)))
            bodies[variant] = fn
        results = [s for _, s in rets]
        res_types = [tt(s, et) for s in results]
        ys = model_epilogue(dots, N, case, et)
        if out == "float":
            expected = [checksum(ys)]
        else:
            signs = [sign(v) for v in ys]
            n2, nseed = next_layer
            nw = const_weights([N, n2], nseed)
            zs = [sum(signs[mm * N + n] * int(nw[n * n2 + j])
                      for n in range(N)) for mm in range(M) for j in range(n2)]
            expected = [checksum(signs), checksum(zs)]
    else:  # i32
        assert transposed and not batch and weights == "runtime"
        fn = Fn()
        y = float_graph(fn, fn.sign_ref)
        yi = fn.fptosi(y, y_shape)
        fn.emit("return %s : %s" % (yi, tt(y_shape, "i32")))
        bodies["ref"] = fn
        fn = Fn()
        words = -(-K // 64)
        px, pw = fn.tmp("packed"), fn.tmp("packed")
        fn.emit("%s = lq.bitpack %%x : %s -> %s" %
                (px, tt(x_shape), tt([M, words], "i64")))
        fn.emit("%s = lq.bitpack %%w : %s -> %s" %
                (pw, tt(w_shape), tt([N, words], "i64")))
        yb = fn.tmp("bmm")
        fn.emit("%s = lq.bmatmul %s, %s {k = %d} : %s, %s -> %s" %
                (yb, px, pw, K, tt([M, words], "i64"), tt([N, words], "i64"),
                 tt(y_shape, "i32")))
        fn.emit("return %s : %s" % (yb, tt(y_shape, "i32")))
        bodies["bin"] = fn
        results = [y_shape]
        res_types = [tt(y_shape, "i32")]
        expected = [checksum(dots, integer=True)]
    for variant in ("ref", "bin"):
        mod.add(function("%s_%s" % (variant, name), args, res_types,
                         bodies[variant]))

    ir = mod.ir_checks
    ir.append("// IR-LABEL: func.func @bin_%s(" % name)
    ir.append("// IR-NOT:     linalg.{{matmul|batch_matmul}}")
    if out == "bits":
        ir.append("// IR:         %%[[P:.*]] = lq.bmatmul {{.*}} -> %s" %
                  tt(lead + [M, -(-N // 64)], "i64"))
        ir.append("// IR-NOT:     lq.bitpack")
        ir.append("// IR:         lq.bmatmul %%[[P]], {{.*}} -> %s" %
                  tt([M, next_layer[0]], et))
    else:
        ir.append("// IR:         lq.bmatmul")
    ir.append("// IR-NOT:     linalg.{{matmul|batch_matmul}}")
    if out != "i32" and et == "f32":
        ir.append("// IR-NOT:     linalg.generic")
    ir.append("// IR:         return")

    m = mod.main
    m.emit("// %s" % name)
    call_args = [m.random(x_shape, x_seed)]
    if weights == "runtime":
        call_args.append(m.random(w_shape, w_seed))
    arg_types = ", ".join(t for _, t in args)
    outs = {}
    for variant in ("ref", "bin"):
        names = [m.tmp(variant) for _ in results]
        m.emit("%s = call @%s_%s(%s) : (%s) -> (%s)" %
               (", ".join(names), variant, name, ", ".join(call_args),
                arg_types, ", ".join(res_types)))
        outs[variant] = names
    labels = (["%s out" % name] if len(results) == 1 else
              ["%s sign" % name, "%s next" % name])
    for i, shape in enumerate(results):
        ret = "i32" if out == "i32" else et
        mod.report(labels[i], outs["ref"][i], outs["bin"][i], shape, ret,
                   expected[i], integer=(out == "i32"))


# -- max pooling ------------------------------------------------------------------------


def maxpool_case(mod, name, N, H, W, C, k, stride, pad="valid"):
    """sign(maxpool(x)) with -inf padding vs lq.bmaxpool2d."""
    x_shape = [N, H, W, C]
    x_seed = mod.next_seed()
    xv = random_tensor(x_shape, x_seed)
    if pad == "valid":
        padding = [0, 0, 0, 0]
    else:
        padding = list(same_padding(H, k[0], stride[0], 1) +
                       same_padding(W, k[1], stride[1], 1))
    oh = (H + padding[0] + padding[1] - k[0]) // stride[0] + 1
    ow = (W + padding[2] + padding[3] - k[1]) // stride[1] + 1
    y_shape = [N, oh, ow, C]
    # model: max over in-bounds taps (maximumf: NaN wins), then sign
    ys = []
    for n in range(N):
        for y in range(oh):
            for x in range(ow):
                for c in range(C):
                    best = -math.inf
                    for i in range(k[0]):
                        iy = y * stride[0] + i - padding[0]
                        for j in range(k[1]):
                            ix = x * stride[1] + j - padding[2]
                            if 0 <= iy < H and 0 <= ix < W:
                                v = xv[((n * H + iy) * W + ix) * C + c]
                                if math.isnan(v) or math.isnan(best):
                                    best = math.nan
                                else:
                                    best = max(best, v)
                    ys.append(float(sign(best)))
    bodies = {}
    for variant, sign_name in (("ref", "sign_ref"), ("bin", "sign_lq")):
        fn = Fn()
        xin, in_shape = "%x", x_shape
        if pad != "valid":
            xin, in_shape = fn.pad("%x", x_shape,
                                   [0, padding[0], padding[2], 0],
                                   [0, padding[1], padding[3], 0],
                                   "0xFF800000")
        init = fn.filled(y_shape, "0xFF800000")
        win = fn.tmp("win")
        fn.emit("%s = tensor.empty() : %s" % (win, tt(list(k))))
        p = fn.tmp("pool")
        fn.emit("%s = linalg.pooling_nhwc_max {dilations = dense<1> : "
                "tensor<2xi64>, strides = dense<[%d, %d]> : tensor<2xi64>} "
                "ins(%s, %s : %s, %s) outs(%s : %s) -> %s" %
                (p, stride[0], stride[1], xin, win, tt(in_shape), tt(list(k)),
                 init, tt(y_shape), tt(y_shape)))
        s = getattr(fn, sign_name)(p, y_shape)
        fn.emit("return %s : %s" % (s, tt(y_shape)))
        bodies[variant] = fn
    for variant in ("ref", "bin"):
        mod.add(function("%s_%s" % (variant, name), [("x", tt(x_shape))],
                         [tt(y_shape)], bodies[variant]))
    ir = mod.ir_checks
    ir.append("// IR-LABEL: func.func @bin_%s(" % name)
    ir.append("// IR-NOT:     linalg.pooling")
    ir.append("// IR:         lq.bmaxpool2d")
    ir.append("// IR-NOT:     linalg.pooling")
    ir.append("// IR:         return")
    m = mod.main
    m.emit("// %s" % name)
    x = m.random(x_shape, x_seed)
    outs = {}
    for variant in ("ref", "bin"):
        r = m.tmp(variant)
        m.emit("%s = call @%s_%s(%s) : (%s) -> %s" %
               (r, variant, name, x, tt(x_shape), tt(y_shape)))
        outs[variant] = r
    mod.report("%s out" % name, outs["ref"], outs["bin"], y_shape, "f32",
               checksum(ys))


# -- TOSA -----------------------------------------------------------------------


def tosa_const(fn, values, shape, et="f32"):
    v = fn.tmp("c")
    fn.emit('%s = "tosa.const"() <{values = %s}> : () -> %s' %
            (v, dense(values, shape, et), tt(shape, et)))
    return v


def tosa_bn(fn, y, shape, bn, clamp):
    """tosa.mul (shift 0) / tosa.add by [1, .., C] constants, tosa.clamp."""
    cshape = [1] * (len(shape) - 1) + [shape[-1]]
    if bn:
        m = tosa_const(fn, bn[0], cshape)
        shift = tosa_const(fn, [0], [1], "i8")
        r = fn.tmp("mul")
        fn.emit("%s = tosa.mul %s, %s, %s : (%s, %s, tensor<1xi8>) -> %s" %
                (r, y, m, shift, tt(shape), tt(cshape), tt(shape)))
        b = tosa_const(fn, bn[1], cshape)
        y = fn.tmp("add")
        fn.emit("%s = tosa.add %s, %s : (%s, %s) -> %s" %
                (y, r, b, tt(shape), tt(cshape), tt(shape)))
    if clamp:
        r = fn.tmp("clamp")
        fn.emit("%s = tosa.clamp %s {min_val = %s : f32, max_val = %s : f32} "
                ": (%s) -> %s" % (r, y, fmt_float(clamp[0]),
                                  fmt_float(clamp[1]), tt(shape), tt(shape)))
        y = r
    return y


def tosa_conv_case(mod, name, N, H, W, cin, cout, k, stride=(1, 1),
                   pad="valid", bias=False, bn=False, clamp=None):
    """tosa.conv2d (OHWI run-time weights, built-in zero padding or a
    tensor.pad with 1.0, a constant bias) + TOSA batch norm / clamp."""
    if pad == "valid":
        padding = [0, 0, 0, 0]
    else:
        padding = list(same_padding(H, k[0], stride[0], 1) +
                       same_padding(W, k[1], stride[1], 1))
    x_shape, w_shape = [N, H, W, cin], [cout, k[0], k[1], cin]
    x_seed, w_seed = mod.next_seed(), mod.next_seed()
    case = dict(cout=cout, k=k, stride=stride, dil=(1, 1), groups=1,
                padding=padding, pad_value=1 if pad == "same1" else 0)
    xs = [sign(v) for v in random_tensor(x_shape, x_seed)]
    ws = [sign(v) for v in random_tensor(w_shape, w_seed)]
    dots, y_shape = model_conv(xs, x_shape, ws, case)
    # not dyadic: the float reference rounds its partial sums
    biases = ([round_to(0.3 * ((c % 5) - 2) + 0.1, "f32")
               for c in range(cout)] if bias else [0.0] * cout)
    bn_v = bn_values(cout, mod.seed) if bn else None
    kk = k[0] * k[1] * cin
    atol = 0.0
    ys = []
    for i, d in enumerate(dots):
        c = i % cout
        y = float(d) + biases[c]
        if bn_v:
            y = y * bn_v[0][c] + bn_v[1][c]
        if clamp:
            y = min(max(y, clamp[0]), clamp[1])
        ys.append(y)
    if bias:
        # the float reference accumulates the taps onto the bias, rounding
        # every partial sum; the binary op adds the bias to the exact dot
        bmax = max(abs(b) for b in biases)
        mmax = max(abs(m) for m in bn_v[0]) if bn_v else 1.0
        atol = mmax * kk * (kk + bmax) * 2.0 ** -24
        if any(v != 0 and abs(v) < 16 * atol for v in ys):
            sys.exit("case %s: a result too close to 0 for its tolerance" %
                     name)
    bodies = {}
    for variant, sign_name in (("ref", "sign_ref"), ("bin", "sign_lq")):
        fn = Fn()
        s = getattr(fn, sign_name)("%x", x_shape)
        tpad = padding
        in_shape = x_shape
        if pad == "same1":
            s, in_shape = fn.pad(s, x_shape, [0, padding[0], padding[2], 0],
                                 [0, padding[1], padding[3], 0], "1.0")
            tpad = [0, 0, 0, 0]
        wq = getattr(fn, sign_name)("%w", w_shape)
        b = tosa_const(fn, biases, [cout])
        zp = tosa_const(fn, [0.0], [1])
        y = fn.tmp("conv")
        fn.emit("%s = tosa.conv2d %s, %s, %s, %s, %s {acc_type = f32, "
                "dilation = array<i64: 1, 1>, pad = array<i64: %s>, stride = "
                "array<i64: %d, %d>} : (%s, %s, %s, tensor<1xf32>, "
                "tensor<1xf32>) -> %s" %
                (y, s, wq, b, zp, zp, ", ".join(map(str, tpad)), stride[0],
                 stride[1], tt(in_shape), tt(w_shape), tt([cout]),
                 tt(y_shape)))
        y = tosa_bn(fn, y, y_shape, bn_v, clamp)
        fn.emit("return %s : %s" % (y, tt(y_shape)))
        bodies[variant] = fn
    args = [("x", tt(x_shape)), ("w", tt(w_shape))]
    for variant in ("ref", "bin"):
        mod.add(function("%s_%s" % (variant, name), args, [tt(y_shape)],
                         bodies[variant]))
    ir = mod.ir_checks
    ir.append("// IR-LABEL: func.func @bin_%s(" % name)
    ir.append("// IR-NOT:     tosa.conv2d")
    ir.append("// IR:         lq.bconv2d")
    ir.append("// IR-NOT:     tosa.conv2d")
    if not bias:
        ir.append("// IR-NOT:     tosa.{{mul|add|clamp}}")
    ir.append("// IR:         return")
    m = mod.main
    m.emit("// %s" % name)
    call_args = [m.random(x_shape, x_seed), m.random(w_shape, w_seed)]
    outs = {}
    for variant in ("ref", "bin"):
        r = m.tmp(variant)
        m.emit("%s = call @%s_%s(%s) : (%s, %s) -> %s" %
               (r, variant, name, ", ".join(call_args), tt(x_shape),
                tt(w_shape), tt(y_shape)))
        outs[variant] = r
    mod.report("%s out" % name, outs["ref"], outs["bin"], y_shape, "f32",
               checksum(ys), atol=atol)


def tosa_matmul_case(mod, name, B, M, K, N, bn=False, clamp=None):
    """tosa.matmul [B, M, K] x [B, K, N] (run-time weights) + TOSA BN."""
    x_shape, w_shape, y_shape = [B, M, K], [B, K, N], [B, M, N]
    x_seed, w_seed = mod.next_seed(), mod.next_seed()
    xs = [sign(v) for v in random_tensor(x_shape, x_seed)]
    ws = [sign(v) for v in random_tensor(w_shape, w_seed)]
    dots = [sum(xs[(b * M + i) * K + kk] * ws[(b * K + kk) * N + j]
                for kk in range(K))
            for b in range(B) for i in range(M) for j in range(N)]
    bn_v = bn_values(N, mod.seed) if bn else None
    ys = model_epilogue(dots, N, dict(bn=bn_v, clamp=clamp))
    bodies = {}
    for variant, sign_name in (("ref", "sign_ref"), ("bin", "sign_lq")):
        fn = Fn()
        s = getattr(fn, sign_name)("%x", x_shape)
        wq = getattr(fn, sign_name)("%w", w_shape)
        zp = tosa_const(fn, [0.0], [1])
        y = fn.tmp("mm")
        fn.emit("%s = tosa.matmul %s, %s, %s, %s : (%s, %s, tensor<1xf32>, "
                "tensor<1xf32>) -> %s" % (y, s, wq, zp, zp, tt(x_shape),
                                          tt(w_shape), tt(y_shape)))
        y = tosa_bn(fn, y, y_shape, bn_v, clamp)
        fn.emit("return %s : %s" % (y, tt(y_shape)))
        bodies[variant] = fn
    args = [("x", tt(x_shape)), ("w", tt(w_shape))]
    for variant in ("ref", "bin"):
        mod.add(function("%s_%s" % (variant, name), args, [tt(y_shape)],
                         bodies[variant]))
    ir = mod.ir_checks
    ir.append("// IR-LABEL: func.func @bin_%s(" % name)
    ir.append("// IR-NOT:     tosa.matmul")
    ir.append("// IR:         lq.bmatmul")
    ir.append("// IR-NOT:     tosa.{{matmul|mul|add|clamp}}")
    ir.append("// IR:         return")
    m = mod.main
    m.emit("// %s" % name)
    call_args = [m.random(x_shape, x_seed), m.random(w_shape, w_seed)]
    outs = {}
    for variant in ("ref", "bin"):
        r = m.tmp(variant)
        m.emit("%s = call @%s_%s(%s) : (%s, %s) -> %s" %
               (r, variant, name, ", ".join(call_args), tt(x_shape),
                tt(w_shape), tt(y_shape)))
        outs[variant] = r
    mod.report("%s out" % name, outs["ref"], outs["bin"], y_shape, "f32",
               checksum(ys))


# ----------------------------------------------------------------------------
# The files
# ----------------------------------------------------------------------------

RUN = [
    "// RUN: lq-opt %s --lq-binarize --lq-to-llvm | %lq_finish_llvm \\",
    "// RUN:   | %lq_run_main | FileCheck %s",
    "// RUN: lq-opt %s --lq-binarize | FileCheck %s --check-prefix=IR",
]

HEADER = """\
// GENERATED by gen_cases.py in this directory; do not edit by hand
// (regenerate: python3 test/Integration/Binary/gen_cases.py).
//
// %s
// @ref_* is the float graph with arith signs (not binarized), @bin_* the same
// graph with lq.ste_sign (binarized by lq-binarize); main prints, per result,
// the number of elements where they differ and a checksum of @bin's result
// from the Python model (see gen_cases.py for the tolerance)."""


def conv_float_module():
    mod = Module("conv")
    # (name, N, H, W, Cin, Cout, k, options)
    conv_case(mod, "c1_k3_same0", 1, 6, 6, 1, 4, (3, 3), pad="same0",
              weights="const", bn=True)
    conv_case(mod, "c31_k3_same1_relu", 1, 7, 7, 31, 8, (3, 3), pad="same1",
              bn=True, clamp=(0.0, None))
    conv_case(mod, "c32_k1_valid_b3", 3, 5, 5, 32, 33, (1, 1),
              layout="fhwc")
    conv_case(mod, "c33_k5_same0_s2", 1, 9, 9, 33, 16, (5, 5), stride=(2, 2),
              pad="same0", bn=True)
    conv_case(mod, "c64_k3_d2_same0_clamp", 1, 8, 8, 64, 8, (3, 3),
              dil=(2, 2), pad="same0", bn=True, clamp=(-2.0, 2.0))
    conv_case(mod, "c65_k3_s2_valid_b3", 3, 7, 7, 65, 65, (3, 3),
              stride=(2, 2), layout="fhwc", bn=True)
    conv_case(mod, "c200_k3_s2_same1", 1, 6, 6, 200, 10, (3, 3),
              stride=(2, 2), pad="same1", bn=True)
    conv_case(mod, "c3_k5_s2_d2_same1_const", 1, 9, 8, 3, 5, (5, 5),
              stride=(2, 1), dil=(2, 2), pad="same1", weights="const",
              layout="fhwc", bn=True)
    conv_case(mod, "g2_c64_k3_valid", 1, 6, 6, 64, 6, (3, 3), groups=2,
              weights="const")
    conv_case(mod, "g4_c200_k3_same0_b3", 3, 5, 5, 200, 8, (3, 3), groups=4,
              pad="same0")
    conv_case(mod, "g3_c195_k3_s2_same1", 1, 7, 7, 195, 6, (3, 3), groups=3,
              stride=(2, 2), pad="same1", bn=True)
    conv_case(mod, "c33_k3_scaled", 1, 5, 5, 33, 4, (3, 3), pad="same0",
              weights="const", layout="fhwc", scale=[0.3, 1.7, 0.125, 2.5])
    return mod, ("Binary convolutions with float output: channels 1..200, "
                 "kernels 1x1/3x3/5x5, strides,\n// dilations, VALID / SAME "
                 "zero / SAME one padding, batch 1 and 3, groups, constant\n"
                 "// and run-time weights, HWCF/FHWC/GFHWC filters, batch norm"
                 " / ReLU / clamp.")


def conv_bits_module():
    mod = Module("conv-bits")
    conv_case(mod, "bits_c33_k3_same0", 1, 6, 6, 33, 70, (3, 3), pad="same0",
              bn=True, out="bits", next_layer=(3, 5, 77))
    conv_case(mod, "bits_c64_k3_s2_same1_b3", 3, 7, 7, 64, 64, (3, 3),
              stride=(2, 2), pad="same1", bn=True, out="bits",
              next_layer=(1, 3, 78))
    conv_case(mod, "bits_c1_k5_valid_clamp", 1, 8, 8, 1, 31, (5, 5),
              weights="const", bn=True, clamp=(-1.0, 1.0), out="bits",
              next_layer=(3, 2, 79))
    conv_case(mod, "i32_c65_k3_s2_same0", 1, 7, 7, 65, 9, (3, 3),
              stride=(2, 2), pad="same0", layout="fhwc", out="i32")
    conv_case(mod, "i32_c200_k3_same1_b3", 3, 5, 5, 200, 4, (3, 3),
              pad="same1", layout="fhwc", out="i32")
    conv_case(mod, "i32_c31_k5_d2_valid", 1, 10, 10, 31, 3, (5, 5),
              dil=(2, 2), layout="fhwc", weights="const", out="i32")
    conv_case(mod, "i32_g2_c66_k3_same0", 1, 6, 6, 66, 4, (3, 3), groups=2,
              pad="same0", weights="const", out="i32")
    return mod, ("Bit-packed outputs (batch norm -> sign -> the next binary "
                 "layer consumes the\n// words) and raw i32 outputs "
                 "(lq.bconv2d written directly vs fptosi of the float\n"
                 "// convolution).")


def matmul_module():
    mod = Module("matmul")
    matmul_case(mod, "k1", 3, 1, 5, bn=True)
    matmul_case(mod, "k63_const", 4, 63, 7, weights="const", bn=True)
    matmul_case(mod, "k65_transposed_clamps", 2, 65, 9, transposed=True,
                pre_clamp=(-5.0, 7.0), bn=True, clamp=(0.0, 3.0))
    matmul_case(mod, "k200_batch3", 5, 200, 6, batch=3)
    matmul_case(mod, "k1000", 2, 1000, 10, bn=True)
    matmul_case(mod, "k1000_f16", 2, 1000, 10, bn=True, et="f16")
    matmul_case(mod, "bits_k200", 3, 200, 70, bn=True, out="bits",
                next_layer=(4, 91))
    matmul_case(mod, "i32_k1000", 3, 1000, 5, transposed=True, out="i32")
    matmul_case(mod, "i32_k63", 2, 63, 3, transposed=True, out="i32")
    return mod, ("Binary matrix products: K = 1, 63, 65, 200, 1000 (not "
                 "multiples of 64), batched,\n// transposed rhs maps, "
                 "constant and run-time weights, f16, bit-packed and raw i32\n"
                 "// outputs.")


def maxpool_module():
    mod = Module("maxpool")
    maxpool_case(mod, "c1_k2_s2_valid", 1, 6, 6, 1, (2, 2), (2, 2))
    maxpool_case(mod, "c65_k3_s2_same_b3", 3, 7, 6, 65, (3, 3), (2, 2),
                 pad="same")
    maxpool_case(mod, "c200_k3_s1_same", 1, 5, 5, 200, (3, 3), (1, 1),
                 pad="same")
    maxpool_case(mod, "c64_k2_s1_valid", 1, 4, 5, 64, (2, 2), (1, 1))
    maxpool_case(mod, "c31_k3x2_s1x2_same", 1, 6, 7, 31, (3, 2), (1, 2),
                 pad="same")
    return mod, ("sign(max pooling) with -inf padding vs lq.bmaxpool2d "
                 "(AND of the packed words);\n// NaN inputs: the float max "
                 "pooling propagates them, and both sign them to +1.")


def tosa_module():
    mod = Module("tosa")
    tosa_conv_case(mod, "tconv_c65_k3_s2_same0_bn_relu6", 1, 7, 7, 65, 9,
                   (3, 3), stride=(2, 2), pad="same0", bn=True,
                   clamp=(0.0, 6.0))
    tosa_conv_case(mod, "tconv_c33_k3_same1_bias_b3", 3, 5, 5, 33, 6, (3, 3),
                   pad="same1", bias=True)
    tosa_conv_case(mod, "tconv_c31_k1_valid_bias_clamp", 1, 4, 4, 31, 70,
                   (1, 1), bias=True, clamp=(-1.0, 1.0))
    tosa_matmul_case(mod, "tmatmul_b2_k100_bn", 2, 3, 100, 7, bn=True,
                     clamp=(-2.0, 2.0))
    return mod, ("TOSA: tosa.conv2d (built-in zero padding, one padding from "
                 "a tensor.pad, a bias)\n// and tosa.matmul, with "
                 "tosa.mul / tosa.add / tosa.clamp epilogues; TOSA is lowered "
                 "with\n// tosa-to-linalg after lq-binarize.")


TOSA_RUN = [
    "// RUN: lq-opt %s --lq-binarize \\",
    '// RUN:   | lq-opt --pass-pipeline="builtin.module(func.func(tosa-to-linalg-named, tosa-to-linalg, tosa-to-arith, tosa-to-tensor))" \\',
    "// RUN:   | lq-opt --lq-to-llvm | %lq_finish_llvm | %lq_run_main \\",
    "// RUN:   | FileCheck %s",
    "// RUN: lq-opt %s --lq-binarize | FileCheck %s --check-prefix=IR",
]


def main():
    for filename, build in (("conv.mlir", conv_float_module),
                            ("conv-bits.mlir", conv_bits_module),
                            ("matmul.mlir", matmul_module),
                            ("maxpool.mlir", maxpool_module),
                            ("tosa.mlir", tosa_module)):
        mod, title = build()
        text = mod.render(TOSA_RUN if filename == "tosa.mlir" else RUN,
                          HEADER % title)
        with open(os.path.join(HERE, filename), "w") as f:
            f.write(text)
        print("wrote", filename)


if __name__ == "__main__":
    main()
