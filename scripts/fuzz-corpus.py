#!/usr/bin/env python3
# ===- scripts/fuzz-corpus.py - seed corpus for the lq fuzzers -------------===#
#
# Usage: scripts/fuzz-corpus.py OUTPUT_DIR [TEST_DIR]
# Splits every test/**/*.mlir at `// -----` (as --split-input-file does),
# drops comment-only lines (RUN/CHECK lines, prose) and blank lines, and
# writes each distinct, non-empty chunk of at most LQ_FUZZ_MAX_SEED bytes
# (default 8192: the big dense constants of a few integration tests only
# slow the fuzzers down) to OUTPUT_DIR/<sha1>.mlir. Prints the number of
# seeds.
#
# ===------------------------------------------------------------------------===#
import hashlib
import os
import pathlib
import re
import sys

SPLIT = re.compile(r"^\s*// -----\s*$", re.MULTILINE)


def chunks(text):
    for chunk in SPLIT.split(text):
        lines = [
            line
            for line in chunk.splitlines()
            if line.strip() and not line.lstrip().startswith("//")
        ]
        if lines:
            yield "\n".join(lines) + "\n"


def main():
    if len(sys.argv) not in (2, 3):
        sys.exit("usage: fuzz-corpus.py OUTPUT_DIR [TEST_DIR]")
    out = pathlib.Path(sys.argv[1])
    root = pathlib.Path(__file__).resolve().parent.parent
    tests = pathlib.Path(sys.argv[2]) if len(sys.argv) == 3 else root / "test"
    out.mkdir(parents=True, exist_ok=True)
    max_bytes = int(os.environ.get("LQ_FUZZ_MAX_SEED", "8192"))
    seen = set()
    for path in sorted(tests.rglob("*.mlir")):
        for chunk in chunks(path.read_text(errors="replace")):
            data = chunk.encode()
            digest = hashlib.sha1(data).hexdigest()
            if len(data) > max_bytes or digest in seen:
                continue
            seen.add(digest)
            (out / f"{digest}.mlir").write_text(chunk)
    print(len(seen))


if __name__ == "__main__":
    main()
