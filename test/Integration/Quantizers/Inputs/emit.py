"""Emits integration tests: kernels, main, and CHECK lines from model.py."""
import math, struct
import model as M

ITY = {'f32': 'i32', 'f64': 'i64', 'f16': 'i16', 'bf16': 'i16'}
PR = {'f32': ('F32', 'I32'), 'f64': ('F64', 'I64'), 'f16': ('F16', 'I16'), 'bf16': ('BF16', 'I16')}
NAN = {'f32': '0x7FC00000', 'f64': '0x7FF8000000000000', 'f16': '0x7E00', 'bf16': '0x7FC0'}
INF = {'f32': '0x7F800000', 'f64': '0x7FF0000000000000', 'f16': '0x7C00', 'bf16': '0x7F80'}
NINF = {'f32': '0xFF800000', 'f64': '0xFFF0000000000000', 'f16': '0xFC00', 'bf16': '0xFF80'}

def lit(ty, v):
    if M.isnan(v): return NAN[ty]
    if math.isinf(v): return INF[ty] if v > 0 else NINF[ty]
    if v == 0: return '-0.0' if math.copysign(1, v) < 0 else '0.0'
    if ty == 'f64' or ty == 'f32':
        r = repr(v)
    else:
        r = repr(v)
    if 'e' in r:
        m, e = r.split('e')
        if '.' not in m: m += '.0'
        r = m + 'e' + e
    elif '.' not in r: r += '.0'
    return r

def dense(ty, vals, shape):
    return 'dense<[' + ', '.join(lit(ty, v) for v in vals) + ']> : tensor<' + 'x'.join(map(str, shape)) + 'x' + ty + '>' if len(shape) == 1 else None

def ident(label):
    import re
    out = label.replace('+', 'p').replace('-', 'm').replace('.', '_')
    return re.sub(r'_+', '_', re.sub(r'[^A-Za-z0-9_]', '_', out)).strip('_')

def nest(items, shape, open_, close):
    if len(shape) == 1:
        return open_ + ', '.join(items) + close
    step = len(items) // shape[0]
    return open_ + ', '.join(nest(items[i*step:(i+1)*step], shape[1:], open_, close) for i in range(shape[0])) + close

def ttype(ty, shape): return 'tensor<' + ''.join(f'{d}x' for d in shape) + ty + '>'
def vtype(ty, shape): return 'vector<' + ''.join(f'{d}x' for d in shape) + ty + '>'

class File:
    def __init__(self, header, types_used):
        self.header = header
        self.kernels = []
        self.main = []
        self.n = 0
        self.types = set(types_used)
        self.labels = set()
        self.far_types = set()
        self.small_helpers = {}

    def fresh(self, base):
        self.n += 1
        return f'%{base}{self.n}'

    def label(self, text, prefix='CHECK'):
        assert text not in self.labels, text
        self.labels.add(text)
        self.main.append(f'  vector.print str "{text}\\n"')
        self.main.append(f'  // {prefix}-LABEL: {text}')

    def comment(self, text):
        for l in text.split('\n'):
            self.main.append(f'  // {l}' if l else '  //')

    # ---- tensors -----------------------------------------------------------
    def tensor_case(self, label, op, attrs, ty, shape, xs, dys=None, expected=None,
                    dynamic=True, kernel=None, exact=True, prefix='CHECK', far=None,
                    note=None, vprefix=None, bprefix=None, pre=None):
        """xs, dys, expected: flat row-major lists. expected may be None (no value check)."""
        grad = dys is not None
        n = len(xs)
        st = ttype(ty, shape)
        dt = ttype(ty, ['?'] * len(shape)) if dynamic else st
        a = f' {{{attrs}}}' if attrs else ''
        kname = kernel or ident(label)
        if pre is not None:
            pop, pattrs = pre
            if grad:
                self.kernels.append(f'func.func @{kname}(%x: {dt}, %dy: {dt}) -> {dt} {{\n  %g = lq.{pop} %x, %dy {{{pattrs}}} : {dt}\n  %dx = lq.{op} %x, %g{a} : {dt}\n  return %dx : {dt}\n}}')
            else:
                self.kernels.append(f'func.func @{kname}(%x: {dt}) -> {dt} {{\n  %t = lq.{pop} %x {{{pattrs}}} : {dt}\n  %y = lq.{op} %t{a} : {dt}\n  return %y : {dt}\n}}')
        elif grad:
            self.kernels.append(f'func.func @{kname}(%x: {dt}, %dy: {dt}) -> {dt} {{\n  %dx = lq.{op} %x, %dy{a} : {dt}\n  return %dx : {dt}\n}}')
        else:
            self.kernels.append(f'func.func @{kname}(%x: {dt}) -> {dt} {{\n  %y = lq.{op} %x{a} : {dt}\n  return %y : {dt}\n}}')
        if note: self.comment(note)
        self.label(label, prefix)
        flat = ttype(ty, [n])
        rank = len(shape)
        reassoc = '[[' + ', '.join(str(i) for i in range(rank)) + ']]'
        def const(vals, base):
            c = self.fresh(base)
            if rank == 0:
                self.main.append(f'  {c} = arith.constant dense<{lit(ty, vals[0])}> : {st}')
                return c
            self.main.append(f'  {c} = arith.constant dense<[' + ', '.join(lit(ty, v) for v in vals) + f']> : {flat}')
            if rank != 1:
                e = self.fresh(base)
                self.main.append(f'  {e} = tensor.expand_shape {c} {reassoc} output_shape [{", ".join(map(str, shape))}] : {flat} into {st}')
                c = e
            return c
        x = const(xs, 'x')
        args = [x]
        if grad: args.append(const(dys, 'dy'))
        if dynamic:
            dargs = []
            for v in args:
                d = self.fresh('d')
                self.main.append(f'  {d} = tensor.cast {v} : {st} to {dt}')
                dargs.append(d)
        else:
            dargs = args
        r = self.fresh('exec')
        self.main.append(f'  {r} = call @{kname}({", ".join(dargs)}) : ({", ".join([dt]*len(dargs))}) -> {dt}')
        f = self.fresh('fold')
        fargs = list(args)
        if pre is not None:
            pv = self.fresh('pre')
            if grad:
                self.main.append(f'  {pv} = lq.{pre[0]} {args[0]}, {args[1]} {{{pre[1]}}} : {st}')
                fargs[1] = pv
            else:
                self.main.append(f'  {pv} = lq.{pre[0]} {args[0]} {{{pre[1]}}} : {st}')
                fargs[0] = pv
        if grad:
            self.main.append(f'  {f} = lq.{op} {fargs[0]}, {fargs[1]}{a} : {st}')
        else:
            self.main.append(f'  {f} = lq.{op} {fargs[0]}{a} : {st}')
        # flatten both to tensor<?xty>
        outs = []
        for v, isdyn in ((r, dynamic), (f, False)):
            cur, curt = v, (dt if isdyn else st)
            if isdyn and rank == 1:
                outs.append(v)
                continue
            if isdyn:
                s = self.fresh('s')
                self.main.append(f'  {s} = tensor.cast {cur} : {curt} to {st}')
                cur, curt = s, st
            if rank == 0:
                c = self.fresh('flat')
                self.main.append(f'  {c} = tensor.expand_shape {cur} [] output_shape [1] : {st} into {flat}')
                cur, curt = c, flat
            elif rank != 1:
                c = self.fresh('flat')
                self.main.append(f'  {c} = tensor.collapse_shape {cur} {reassoc} : {st} into {flat}')
                cur, curt = c, flat
            o = self.fresh('o')
            self.main.append(f'  {o} = tensor.cast {cur} : {curt} to {ttype(ty, ["?"])}')
            outs.append(o)
        self.main.append(f'  call @check_{ty}({outs[0]}, {outs[1]}) : ({ttype(ty, ["?"])}, {ttype(ty, ["?"])}) -> ()')
        label_prefix = prefix
        prefix = vprefix or prefix
        self.main.append(f'  // {prefix}-NEXT: Unranked Memref {{{{.*}}}} sizes = [{n}] {{{{.*}}}} data =')
        if expected is not None:
            self.main.append(f'  // {prefix}-NEXT: [' + ', '.join(M.fmt(v) for v in expected) + ']')
        else:
            self.main.append(f'  // {prefix}-NEXT: [')
        if exact:
            prefix = bprefix or prefix
            self.main.append(f'  // {prefix}-NEXT: Unranked Memref {{{{.*}}}} data =')
            self.main.append(f'  // {prefix}-NEXT: [[BITS:\\[.*\\]]]')
            self.main.append(f'  // {prefix}-NEXT: Unranked Memref {{{{.*}}}} data =')
            self.main.append(f'  // {prefix}-NEXT: [[BITS]]')
        if far is not None:
            scale, rtol, fprefix = far
            sc = self.fresh('scale')
            self.main.append(f'  {sc} = arith.constant dense<[' + ', '.join(lit(ty, v) for v in scale) + f']> : {flat}')
            scd = self.fresh('d')
            self.main.append(f'  {scd} = tensor.cast {sc} : {flat} to {ttype(ty, ["?"])}')
            rt = self.fresh('rtol')
            self.main.append(f'  {rt} = arith.constant {lit(ty, rtol)} : {ty}')
            self.main.append(f'  call @count_far_{ty}({outs[0]}, {outs[1]}, {scd}, {rt}) : ({ttype(ty, ["?"])}, {ttype(ty, ["?"])}, {ttype(ty, ["?"])}, {ty}) -> ()')
            self.main.append(f'  // {fprefix}: far: 0')
            self.far_types.add(ty)
        return outs

    # ---- scalars and vectors -------------------------------------------------
    def small_case(self, label, op, attrs, ty, xs, dys=None, expected=None, vector=None, prefix='CHECK', vprefix=None):
        """vector: None for a scalar (xs has one value) or a shape list."""
        grad = dys is not None
        a = f' {{{attrs}}}' if attrs else ''
        it = ITY[ty]
        if vector is None:
            T = ty; IT = it
        else:
            T = vtype(ty, vector); IT = vtype(it, vector)
        kname = ident(label)
        if grad:
            self.kernels.append(f'func.func @{kname}(%x: {T}, %dy: {T}) -> {T} {{\n  %dx = lq.{op} %x, %dy{a} : {T}\n  return %dx : {T}\n}}')
        else:
            self.kernels.append(f'func.func @{kname}(%x: {T}) -> {T} {{\n  %y = lq.{op} %x{a} : {T}\n  return %y : {T}\n}}')
        self.label(label, prefix)
        def const(vals, base):
            c = self.fresh(base)
            if vector is None:
                self.main.append(f'  {c} = arith.constant {lit(ty, vals[0])} : {ty}')
            else:
                self.main.append(f'  {c} = arith.constant dense<' + nest([lit(ty, v) for v in vals], vector, '[', ']') + f'> : {T}')
            return c
        args = [const(xs, 'x')]
        if grad: args.append(const(dys, 'dy'))
        r = self.fresh('exec')
        self.main.append(f'  {r} = call @{kname}({", ".join(args)}) : ({", ".join([T]*len(args))}) -> {T}')
        f = self.fresh('fold')
        self.main.append(f'  {f} = lq.{op} {", ".join(args)}{a} : {T}')
        hname = 'check_' + ('scalar_' + ty if vector is None else 'vector_' + 'x'.join(map(str, vector)) + 'x' + ty)
        self.small_helpers[hname] = (ty, vector)
        self.main.append(f'  call @{hname}({r}, {f}) : ({T}, {T}) -> ()')
        prefix = vprefix or prefix
        if vector is None:
            self.main.append(f'  // {prefix}-NEXT: {M.fmt(expected[0])}')
            self.main.append(f'  // {prefix}-NEXT: [[BITS:-?[0-9]+]]')
            self.main.append(f'  // {prefix}-NEXT: [[BITS]]')
        else:
            self.main.append(f'  // {prefix}-NEXT: ' + nest([M.fmt(v) for v in expected], vector, '( ', ' )'))
            self.main.append(f'  // {prefix}-NEXT: [[BITS:\\(.*\\)]]')
            self.main.append(f'  // {prefix}-NEXT: [[BITS]]')

    def render(self):
        from common import GENERATED
        out = [self.header.rstrip('\n'), '', GENERATED.rstrip('\n'), '']
        for k in self.kernels:
            out.append(k); out.append('')
        out.append(helpers(sorted(self.types)))
        for name, (ty, vector) in sorted(self.small_helpers.items()):
            out.append(small_helper(name, ty, vector))
        for ty in sorted(self.far_types):
            out.append(FAR.format(ty=ty))
        out.append('func.func @main() {')
        out.extend(self.main)
        out.append('  return')
        out.append('}')
        return '\n'.join(out) + '\n'

def helpers(types):
    h = []
    for ty in types:
        F, I = PR[ty]; it = ITY[ty]
        h.append(f'func.func private @printMemref{F}(tensor<*x{ty}> {{bufferization.access = "read"}}) attributes {{llvm.emit_c_interface}}')
        if I not in [x for x in h if False]:
            pass
    seen = set()
    for ty in types:
        F, I = PR[ty]; it = ITY[ty]
        if I in seen: continue
        seen.add(I)
        h.append(f'func.func private @printMemref{I}(tensor<*x{it}> {{bufferization.access = "read"}}) attributes {{llvm.emit_c_interface}}')
    h.append('')
    for ty in types:
        F, I = PR[ty]; it = ITY[ty]
        h.append(f'''// Prints `exec`, then the bits of `exec` and of `fold`, each NaN replaced by
// the canonical quiet NaN: IEEE leaves the sign and payload of a NaN made by
// an invalid operation open (x86 gives -NaN, the folder's APFloat +NaN).
func.func private @check_{ty}(%exec: tensor<?x{ty}>, %fold: tensor<?x{ty}>) {{
  %u = tensor.cast %exec : tensor<?x{ty}> to tensor<*x{ty}>
  call @printMemref{F}(%u) : (tensor<*x{ty}>) -> ()
  call @print_bits_{ty}(%exec) : (tensor<?x{ty}>) -> ()
  call @print_bits_{ty}(%fold) : (tensor<?x{ty}>) -> ()
  return
}}

func.func private @print_bits_{ty}(%t: tensor<?x{ty}>) {{
  %c0 = arith.constant 0 : index
  %n = tensor.dim %t, %c0 : tensor<?x{ty}>
  %init = tensor.empty(%n) : tensor<?x{it}>
  %nan = arith.constant {NAN[ty]} : {ty}
  %bits = linalg.map ins(%t : tensor<?x{ty}>) outs(%init : tensor<?x{it}>)
    (%v: {ty}, %unused: {it}) {{
      %isnan = arith.cmpf uno, %v, %v : {ty}
      %canonical = arith.select %isnan, %nan, %v : {ty}
      %b = arith.bitcast %canonical : {ty} to {it}
      linalg.yield %b : {it}
    }}
  %u = tensor.cast %bits : tensor<?x{it}> to tensor<*x{it}>
  call @printMemref{I}(%u) : (tensor<*x{it}>) -> ()
  return
}}
''')
    return '\n'.join(h)

FAR = '''// Prints "far: N", N = the number of elements where `exec` differs from
// `fold` (NaN matching NaN) by more than `rtol * scale`.
func.func private @count_far_{ty}(%exec: tensor<?x{ty}>, %fold: tensor<?x{ty}>,
                              %scale: tensor<?x{ty}>, %rtol: {ty}) {{
  %zero = arith.constant 0 : i32
  %one = arith.constant 1 : i32
  %empty = tensor.empty() : tensor<i32>
  %init = linalg.fill ins(%zero : i32) outs(%empty : tensor<i32>) -> tensor<i32>
  %count = linalg.generic {{
      indexing_maps = [affine_map<(i) -> (i)>, affine_map<(i) -> (i)>,
                       affine_map<(i) -> (i)>, affine_map<(i) -> ()>],
      iterator_types = ["reduction"]}}
      ins(%exec, %fold, %scale : tensor<?x{ty}>, tensor<?x{ty}>, tensor<?x{ty}>)
      outs(%init : tensor<i32>) {{
    ^bb0(%a: {ty}, %b: {ty}, %s: {ty}, %acc: i32):
      %equal = arith.cmpf oeq, %a, %b : {ty}
      %nan_a = arith.cmpf uno, %a, %a : {ty}
      %nan_b = arith.cmpf uno, %b, %b : {ty}
      %both_nan = arith.andi %nan_a, %nan_b : i1
      %diff = arith.subf %a, %b : {ty}
      %distance = math.absf %diff : {ty}
      %tol = arith.mulf %rtol, %s : {ty}
      %close = arith.cmpf ole, %distance, %tol : {ty}
      %same = arith.ori %equal, %both_nan : i1
      %ok = arith.ori %same, %close : i1
      %inc = arith.select %ok, %zero, %one : i32
      %next = arith.addi %acc, %inc : i32
      linalg.yield %next : i32
  }} -> tensor<i32>
  %n = tensor.extract %count[] : tensor<i32>
  vector.print str "far: "
  vector.print %n : i32
  return
}}
'''

def small_helper(name, ty, vector):
    it = ITY[ty]
    if vector is None:
        T, IT, FT, I1 = ty, it, 'f32', 'i1'
        nan = f'arith.constant {NAN[ty]} : {ty}'
        sel = ''
    else:
        T, IT, FT, I1 = vtype(ty, vector), vtype(it, vector), vtype('f32', vector), vtype('i1', vector)
        nan = f'arith.constant dense<{NAN[ty]}> : {T}'
        sel = f'{I1}, '
    what = 'scalar' if vector is None else 'vector'
    pr = []
    if ty in ('f16', 'bf16'):
        pr.append(f'  %wide = arith.extf %exec : {T} to {FT}')
        pr.append(f'  vector.print %wide : {FT}')
    else:
        pr.append(f'  vector.print %exec : {T}')
    body = '\n'.join(pr)
    return f"""// Prints the {what} `exec`, then the bits of `exec` and `fold` (NaNs canonical).
func.func private @{name}(%exec: {T}, %fold: {T}) {{
{body}
  %nan = {nan}
  %exec_nan = arith.cmpf uno, %exec, %exec : {T}
  %exec_canonical = arith.select %exec_nan, %nan, %exec : {sel}{T}
  %exec_bits = arith.bitcast %exec_canonical : {T} to {IT}
  vector.print %exec_bits : {IT}
  %fold_nan = arith.cmpf uno, %fold, %fold : {T}
  %fold_canonical = arith.select %fold_nan, %nan, %fold : {sel}{T}
  %fold_bits = arith.bitcast %fold_canonical : {T} to {IT}
  vector.print %fold_bits : {IT}
  return
}}
"""
