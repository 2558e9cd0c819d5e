import model as M
def nextdown(ty, v):
    import math
    p, emin, emax = M.FMT[ty]
    # smallest step below positive normal v
    e = math.floor(math.log2(v))
    step = 2.0 ** (e - p + 1)
    if v == 2.0 ** e: step /= 2
    return v - step
def twn_fixed_point(ty, base, m_pairs=1, extra_below=True):
    """base: other values; appends +-t (m_pairs times) and +-nextdown(t) such
    that t = twn_threshold of the whole tensor. Returns (xs, t)."""
    t = 0.0
    for _ in range(200):
        tail = []
        for _ in range(m_pairs): tail += [t, -t]
        if extra_below and t > 0: tail += [nextdown(ty, t), -nextdown(ty, t)]
        elif extra_below: tail += [0.0, 0.0]
        xs = [M.R(ty, v) for v in base] + tail
        t2 = M.twn_threshold(ty, xs)
        if t2 == t: return xs, t
        t = t2
    raise RuntimeError('no fixed point')
if __name__ == '__main__':
    for ty in ('f32', 'f64', 'f16', 'bf16'):
        xs, t = twn_fixed_point(ty, [1.0, -2.0, 3.0, 0.5, -0.25, 1.5, -1.0, 0.75, 2.5, -3.0, 0.1, -0.2, 0.3, 4.0, -0.0])
        print(ty, len(xs), t, [M.ternarize(ty, x, t) for x in xs])
