"""Independent model of quantizer-semantics.md, one IEEE operation at a time."""
import math, struct
from fractions import Fraction

FMT = {  # precision (significand bits incl. hidden), emin, emax
    'f16': (11, -14, 15), 'bf16': (8, -126, 127), 'f32': (24, -126, 127), 'f64': (53, -1022, 1023)}

def R(ty, v):
    """Round the double-or-exact value v to type ty (nearest, ties to even)."""
    if isinstance(v, float) and (math.isnan(v) or math.isinf(v)):
        return v
    if ty == 'f64' and isinstance(v, float):
        return v
    p, emin, emax = FMT[ty]
    q = Fraction(v)
    if q == 0:
        return math.copysign(0.0, v) if isinstance(v, float) else 0.0
    sign = -1 if q < 0 else 1
    a = abs(q)
    e = a.numerator.bit_length() - a.denominator.bit_length()
    # fix the estimate
    while Fraction(2) ** e > a: e -= 1
    while Fraction(2) ** (e + 1) <= a: e += 1
    e = max(e, emin)
    quantum = Fraction(2) ** (e - p + 1)
    m = a / quantum
    n = math.floor(m)
    rem = m - n
    if rem > Fraction(1, 2) or (rem == Fraction(1, 2) and n % 2 == 1):
        n += 1
    r = n * quantum
    if r >= Fraction(2) ** (emax + 1):
        return sign * math.inf
    return sign * float(r)

def add(ty, a, b): return R(ty, _exact(a, b, '+'))
def sub(ty, a, b): return R(ty, _exact(a, b, '-'))
def mul(ty, a, b): return R(ty, _exact(a, b, '*'))
def div(ty, a, b): return R(ty, _exact(a, b, '/'))

def _exact(a, b, op):
    if any(isinstance(v, float) and (math.isnan(v) or math.isinf(v)) for v in (a, b)) or (op == '/' and b == 0):
        # IEEE special cases through Python floats (exact for these)
        try:
            if op == '+': return a + b
            if op == '-': return a - b
            if op == '*': return a * b
            if op == '/':
                if b == 0:
                    if a == 0 or math.isnan(a): return math.nan
                    return math.copysign(math.inf, a) * math.copysign(1.0, b)
                return a / b
        except Exception:
            return math.nan
    fa, fb = Fraction(a), Fraction(b)
    if op == '+': r = fa + fb
    elif op == '-': r = fa - fb
    elif op == '*': r = fa * fb
    else: r = fa / fb
    if r == 0:
        # sign of zero per IEEE (round to nearest)
        if op in '+-':
            bb = b if op == '+' else -b
            return -0.0 if (math.copysign(1, a) < 0 and math.copysign(1, bb) < 0) else 0.0
        return math.copysign(0.0, a) * math.copysign(1.0, b) if op in '*/' else 0.0
    return r

def isnan(v): return isinstance(v, float) and math.isnan(v)

def roundeven(v):
    if isnan(v) or math.isinf(v): return v
    r = round(v)  # Python rounds half to even
    return math.copysign(float(r), v) if r == 0 else float(r)

import ctypes
_libm = ctypes.CDLL('libm.so.6')
for _name in ('tanhf', 'coshf'):
    getattr(_libm, _name).restype = ctypes.c_float
    getattr(_libm, _name).argtypes = [ctypes.c_float]
for _name in ('tanh', 'cosh'):
    getattr(_libm, _name).restype = ctypes.c_double
    getattr(_libm, _name).argtypes = [ctypes.c_double]

def libm(ty, fn, x):
    """tanh/cosh in the element type as the semantics page specifies: the host
    libm's f32 function for f16/bf16/f32 (then rounded), its f64 one for f64."""
    if isnan(x): return x
    name = fn.__name__
    if ty == 'f64':
        return getattr(_libm, name)(x)
    return R(ty, float(getattr(_libm, name + 'f')(x)))

# --- building blocks -------------------------------------------------------
def sign(ty, x): return -1.0 if (not isnan(x) and x < 0) else 1.0
def heaviside(ty, x): return 1.0 if (not isnan(x) and x > 0) else 0.0
def sign0(v):
    if isnan(v) or v == 0: return 0.0
    return 1.0 if v > 0 else -1.0
def ternarize(ty, x, t): return sign0(add(ty, sign0(add(ty, x, t)), sign0(sub(ty, x, t))))
def ste(ty, x, dy, clip):
    if clip is None: return dy
    return dy if (not isnan(x) and abs(x) <= R(ty, clip)) else 0.0
def approx_sign_grad(ty, x, dy):
    if isnan(x) or abs(x) > 1: return 0.0
    return mul(ty, mul(ty, sub(ty, 1.0, abs(x)), 2.0), dy)
def swish_sign_grad(ty, x, dy, beta=5.0):
    b = R(ty, beta); bx = mul(ty, b, x)
    t = libm(ty, math.tanh, mul(ty, bx, 0.5))
    num = mul(ty, mul(ty, dy, b), sub(ty, 2.0, mul(ty, bx, t)))
    den = add(ty, 1.0, libm(ty, math.cosh, bx))
    return div(ty, num, den)
def dorefa_act(ty, x, k):
    n = float(2 ** k - 1)
    c = x if isnan(x) else max(min(x, 1.0), 0.0)
    if c == 0: c = 0.0  # maximum(-0, +0) = +0
    return div(ty, roundeven(mul(ty, c, n)), n)
def dorefa_act_grad(ty, x, dy): return dy if (not isnan(x) and 0 <= x <= 1) else 0.0
def max_abs_tanh(ty, xs):
    d = 0.0
    for x in xs:
        a = abs(libm(ty, math.tanh, x))
        if isnan(a) or isnan(d): d = math.nan
        else: d = max(d, a)
    return d
def dorefa_w(ty, x, d, k):
    n = float(2 ** k - 1); l = libm(ty, math.tanh, x)
    p = 0.5 if d == 0 else add(ty, div(ty, l, mul(ty, 2.0, d)), 0.5)
    return sub(ty, div(ty, mul(ty, 2.0, roundeven(mul(ty, p, n))), n), 1.0)
def dorefa_w_grad(ty, x, dy, d):
    if d == 0: return 0.0
    t = libm(ty, math.tanh, x)
    return div(ty, mul(ty, dy, sub(ty, 1.0, mul(ty, t, t))), d)
def sum_abs(ty, xs):
    if any(isnan(x) for x in xs): return math.nan
    if any(math.isinf(x) for x in xs): return math.inf
    acc = 0.0
    for x in xs: acc = acc + abs(x)  # Python float = f64, sequential
    return R(ty, acc)
def twn_threshold(ty, xs):
    return div(ty, mul(ty, R(ty, 0.7), sum_abs(ty, xs)), float(len(xs)))
def channel_scales(ty, rows):  # rows: list of lists (rows x channels)
    nch = len(rows[0]); cnt = float(len(rows))
    return [div(ty, sum_abs(ty, [r[c] for r in rows]), cnt) for c in range(nch)]

# --- printing as the runner does --------------------------------------------
def fmt(v):
    if isnan(v): return '{{-?nan}}'
    if math.isinf(v): return 'inf' if v > 0 else '-inf'
    s = '%g' % v
    return s
def bits(ty, v):
    if ty == 'f32': return struct.unpack('<i', struct.pack('<f', v))[0]
    if ty == 'f64': return struct.unpack('<q', struct.pack('<d', v))[0]
    if ty == 'f16': return struct.unpack('<h', struct.pack('<e', v))[0]
    if ty == 'bf16':
        b = struct.unpack('<I', struct.pack('<f', v))[0] >> 16
        return b - 65536 if b >= 32768 else b
