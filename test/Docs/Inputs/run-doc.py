#!/usr/bin/env python3
"""Run the shell examples of a markdown page, so the page cannot rot.

Usage: run-doc.py <page.md> --workdir DIR [--section TITLE]...
                  [--exclude-section TITLE]...

Every fenced block whose info string is `sh` is a command example and is
run; `console`, `text` and other blocks are not. Blocks run in page order,
in one bash process (`set -euo pipefail`) started in DIR, with the caller's
environment (the page says which variables it expects). Sections are the
`##` headings: with --section, only blocks of sections whose title contains
one of the TITLEs run; --exclude-section skips sections. Blocks of sections
titled "Setup..." always run.

Before each block a line "=== <section>: <first line of the block>" is
printed, for FileCheck. Exits with bash's status.
"""

import argparse
import re
import subprocess
import sys


def blocks(text):
    """[(section title, block text)] of the `sh` blocks of `text`."""
    found = []
    section = ""
    fence = None
    lines = []
    for line in text.splitlines():
        if fence is None:
            heading = re.match(r"^##\s+(.*)$", line)
            if heading:
                section = heading.group(1).strip()
            opening = re.match(r"^(```+)\s*(\S*)", line)
            if opening:
                fence, info, lines = opening.group(1), opening.group(2), []
        elif line.startswith(fence):
            if info == "sh":
                found.append((section, "\n".join(lines)))
            fence = None
        else:
            lines.append(line)
    return found


def selected(section, include, exclude):
    if section.startswith("Setup"):
        return True
    if any(title in section for title in exclude):
        return False
    return not include or any(title in section for title in include)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("page")
    parser.add_argument("--workdir", required=True)
    parser.add_argument("--section", action="append", default=[])
    parser.add_argument("--exclude-section", action="append", default=[])
    args = parser.parse_args()

    script = ["set -euo pipefail"]
    count = 0
    for section, block in blocks(open(args.page).read()):
        if not selected(section, args.section, args.exclude_section):
            continue
        first = block.strip().splitlines()[0] if block.strip() else ""
        script.append("echo %s" % shell_quote("=== %s: %s" % (section, first)))
        script.append(block)
        count += 1
    if count == 0:
        sys.exit("run-doc.py: no sh block selected in %s" % args.page)
    sys.stdout.flush()
    return subprocess.call(["bash", "-c", "\n".join(script)], cwd=args.workdir)


def shell_quote(text):
    return "'" + text.replace("'", "'\\''") + "'"


if __name__ == "__main__":
    sys.exit(main())
