#!/usr/bin/env python3
"""Plots the binary benchmark's % of the measured peak, per kernel, as a PNG.

Usage: plot.py <binary.csv> <out.png>

Reads the CSV that lq-bench-binary writes (--csv) and draws a pair of bars per
lq kernel row (1 and 2 threads) with gnuplot (Debian's
gnuplot-nox; scripts/bench.sh installs it when asked to plot). The peak is the
one the benchmark measured in the same run, so the plot needs no other input.
"""
import csv
import os
import subprocess
import sys
import tempfile


def main():
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    source, target = sys.argv[1], sys.argv[2]
    rows, cpu = {}, ''
    with open(source, newline='') as f:
        for row in csv.DictReader(f):
            if row['section'] == 'meta' and row['benchmark'] == 'cpu':
                cpu = f"{row['kernel']} ({row['variant']}), {row['ghz']} GHz"
            if row['section'] != 'lq' or row['threads'] not in ('1', '2'):
                continue
            label = f"{row['benchmark']}: {row['variant']}"
            rows.setdefault(label, {})[row['threads']] = row['pct_peak']
    if not rows:
        sys.exit(f'{source}: no lq kernel rows')

    with tempfile.TemporaryDirectory() as tmp:
        data = os.path.join(tmp, 'peak.dat')
        with open(data, 'w') as f:
            for label, pct in rows.items():
                f.write('"{}" {} {}\n'.format(label.replace('"', "'"),
                                              pct.get('1') or '-',
                                              pct.get('2') or '-'))
        width = 240 + 24 * len(rows)
        script = f'''
set terminal pngcairo size {width},860 font "sans,9" noenhanced
set output "{target}"
set title "lq binary kernels: % of this CPU's binary peak measured in the same run\\n{cpu}"
set style data histograms
set style histogram clustered gap 1
set style fill solid 0.85 border -1
set boxwidth 0.9
set xtics rotate by 90 right scale 0
set ytics nomirror
set yrange [0:130]
set grid y
set key top right
set ylabel "% of measured peak (per thread count)"
unset xlabel
set lmargin 8
set bmargin 24
plot "{data}" using 2:xtic(1) title "1 thread", "" using 3 title "2 threads"
'''
        # pngcairo needs gnuplot-nox's cairo build; fall back to png (libgd).
        for terminal in ('pngcairo', 'png'):
            text = script.replace('pngcairo', terminal, 1)
            run = subprocess.run(['gnuplot'], input=text, text=True,
                                 capture_output=True)
            if run.returncode == 0:
                break
        else:
            sys.exit(f'gnuplot failed:\n{run.stderr}')
    print(f'plot: {target}')


if __name__ == '__main__':
    main()
