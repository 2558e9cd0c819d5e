#!/usr/bin/env python3
"""Regenerates the quantizer integration tests (../*.mlir).

Each t_*.py builds one or two test files: kernels that take their inputs as
arguments (so that they are executed, not folded), a @main that calls them
on constants and applies the same lq op to the constants directly (folded by
--canonicalize), and CHECK lines with the values model.py computes from the
semantics page (quantizer-semantics.md), one IEEE operation at a time in
the element type, tanh/cosh from the host libm as the page specifies.

Usage: python3 generate.py   (no dependencies beyond the standard library)
"""
import os
import runpy
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
for name in sorted(os.listdir(HERE)):
    if name.startswith('t_') and name.endswith('.py'):
        runpy.run_path(os.path.join(HERE, name), run_name='__main__')
