#!/usr/bin/env python3
"""Check that lq's passes and pipelines are documented.

Usage:
  check-docs.py help <lq source root> < help-text
      An opt tool's --help (lq-opt, or mlir-opt with the plugin) lists every
      pass and pipeline with a description, and each of their options with a
      description.
  check-docs.py pass-reference <lq source root> <markdown or dir>...
      The pass reference `ninja lq-doc` generates from the Passes.td files
      (a directory: its *Passes.md files) has a section for every pass,
      listing each of its options.
  check-docs.py usage <lq source root> <markdown>
      A hand-written page (docs/UsingLQ.md) names every pipeline and each of
      its options.

The passes and their options are read from every .td file under include/lq
(`def X : Pass<"name", ...>` with `Option<"member", "name", ...>` /
`ListOption<...>`); the pipelines from the PassPipelineRegistration calls
under lib/ and the `*this, "name"` options of their options struct. A pass
or pipeline added later is checked without touching this script or the tests.

Prints one line per pass and pipeline checked, "MISSING: ..." for each gap,
and exits 1 when there is one.
"""

import glob
import os
import re
import sys

PASS_DEF = re.compile(r'^def\s+\w+\s*:\s*(?:Interface)?Pass<\s*"([\w-]+)"', re.M)
TD_OPTION = re.compile(r'\b(?:List)?Option<\s*"\w+"\s*,\s*"([\w-]+)"')
PIPELINE_REG = re.compile(
    r'PassPipelineRegistration<\s*([\w:]*)\s*>\s*\(\s*"([\w-]+)"', re.S)
CXX_OPTION = re.compile(
    r'\b(?:List)?Option<[^;{]*?>\s*\w+\s*\{\s*\*this\s*,\s*"([\w-]+)"', re.S)


def td_passes(root):
    """{pass name: [option names]} from the .td files under include/lq."""
    passes = {}
    for path in glob.glob(os.path.join(root, "include", "lq", "**", "*.td"),
                          recursive=True):
        text = open(path).read()
        matches = list(PASS_DEF.finditer(text))
        for i, match in enumerate(matches):
            end = matches[i + 1].start() if i + 1 < len(matches) else len(text)
            passes[match.group(1)] = TD_OPTION.findall(text[match.end():end])
    return passes


def options_struct(root, name):
    """Option names of the C++ pipeline options struct `name`."""
    name = name.split("::")[-1]
    for path in glob.glob(os.path.join(root, "include", "lq", "**", "*.h"),
                          recursive=True):
        text = open(path).read()
        match = re.search(r'\bstruct\s+%s\b[^;{]*\{' % re.escape(name), text)
        if match:
            end = text.find("\n};", match.end())
            return CXX_OPTION.findall(text[match.end():end])
    return None


def pipelines(root):
    """{pipeline name: [option names]} from the registrations under lib/."""
    found = {}
    for path in glob.glob(os.path.join(root, "lib", "**", "*.cpp"),
                          recursive=True):
        for match in PIPELINE_REG.finditer(open(path).read()):
            options = options_struct(root, match.group(1)) if match.group(1) else []
            found[match.group(2)] = options
    return found


def help_entries(text):
    """{name: (description, {option: description})} of the help's
    "Passes:" and "Pass Pipelines:" lists (6-space entries, 8-space options).
    """
    entries = {}
    current = None
    for line in text.splitlines():
        entry = re.match(r'^ {6}--([\w-]+)\s+-\s*(.*)$', line)
        option = re.match(r'^ {8}--([\w-]+)(?:=\S*)?\s+-\s*(.*)$', line)
        if entry:
            current = entries.setdefault(entry.group(1), (entry.group(2), {}))
        elif option and current is not None:
            current[1][option.group(1)] = option.group(2)
        elif not line.startswith("    "):
            current = None
    return entries


def check(kind, name, options, entries, problems):
    before = len(problems)
    if name not in entries:
        problems.append("MISSING: %s %s" % (kind, name))
        return
    description, documented = entries[name]
    if not description.strip():
        problems.append("MISSING: description of %s %s" % (kind, name))
    for option in options:
        if option not in documented:
            problems.append("MISSING: option %s of %s %s" % (option, kind, name))
        elif not documented[option].strip():
            problems.append(
                "MISSING: description of option %s of %s %s" % (option, kind, name))
    if len(problems) == before:
        print("%s %s: ok (options: %s)"
              % (kind, name, ", ".join(sorted(options)) or "none"))


def pass_reference_entries(text):
    """{pass: ("", {option: description})} of -gen-pass-doc markdown:
    "### `-name`" headings, "-option : description" lines below them."""
    entries = {}
    current = None
    for line in text.splitlines():
        heading = re.match(r'^###\s+`-([\w-]+)`', line)
        option = re.match(r'^-([\w-]+)\s*:\s*(.*)$', line)
        if heading:
            current = entries.setdefault(heading.group(1), ("(reference)", {}))
        elif option and current is not None:
            current[1][option.group(1)] = option.group(2)
    return entries


def usage_entries(text, names):
    """{name: ("", {option: ""})} for each pass or pipeline `name` the page
    mentions (as `name`, `name{...}` or `--name`), with every `option=` or
    `--option` written anywhere on the page."""
    options = {m.group(1): "(usage)" for m in re.finditer(
        r'(?:--|\b)([a-z][\w-]*)(?==|`)', text)}
    return {name: ("(usage)", options) for name in names
            if re.search(r'[`{( -]%s[`{}\s,)]' % re.escape(name), text)}


def main():
    mode, root = sys.argv[1], sys.argv[2]
    passes = td_passes(root)
    pipes = pipelines(root)
    problems = []
    if not passes or not pipes:
        problems.append("MISSING: no lq passes or pipelines found under %s" % root)
    for name in pipes:
        if pipes[name] is None:
            problems.append("MISSING: options struct of pipeline %s" % name)
            pipes[name] = []
    if mode == "help":
        entries = help_entries(sys.stdin.read())
    elif mode == "pass-reference":
        paths = []
        for path in sys.argv[3:]:
            paths += (sorted(glob.glob(os.path.join(path, "*Passes.md")))
                      if os.path.isdir(path) else [path])
        entries = pass_reference_entries(
            "\n".join(open(path).read() for path in paths))
        pipes = {}  # C++ pipelines have no generated reference
    elif mode == "usage":
        entries = usage_entries(open(sys.argv[3]).read(), pipes)
        passes = {}  # passes are covered by the generated reference
    else:
        sys.exit("unknown mode %s" % mode)
    for name in sorted(passes):
        check("pass", name, passes[name], entries, problems)
    for name in sorted(pipes):
        check("pipeline", name, pipes[name], entries, problems)
    print("checked %d passes and %d pipelines" % (len(passes), len(pipes)))
    for problem in problems:
        print(problem)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
