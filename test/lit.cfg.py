# -*- Python -*-
"""lit configuration for the lq test suite (check-lq)."""

import os

import lit.formats
from lit.llvm import llvm_config
from lit.llvm.subst import ToolSubst

config.name = "LQ"
config.test_format = lit.formats.ShTest(not llvm_config.use_lit_shell)
config.suffixes = [".mlir", ".test", ".c", ".cpp"]
config.excludes = ["CMakeLists.txt", "lit.cfg.py", "lit.site.cfg.py", "Inputs"]
config.test_source_root = os.path.dirname(__file__)
config.test_exec_root = os.path.join(config.lq_obj_root, "test")

# As upstream MLIR: no reuse of FileCheck variables across CHECK-LABELs, and
# no silently unused check prefixes.
config.environment["FILECHECK_OPTS"] = (
    "-enable-var-scope --allow-unused-prefixes=false"
)

llvm_config.use_default_substitutions()
llvm_config.with_environment("PATH", config.llvm_tools_dir, append_path=True)
llvm_config.with_environment("PATH", config.lq_tools_dir, append_path=True)

config.substitutions.append(("%shlibext", config.llvm_shlib_ext))
config.substitutions.append(("%lq_src_root", config.lq_src_root))
config.substitutions.append(("%lq_obj_root", config.lq_obj_root))
config.substitutions.append(("%lq_lib_dir", config.lq_lib_dir))
config.substitutions.append(("%llvm_lib_dir", config.llvm_lib_dir))
# The OpenMP runtime for code lowered with lq-to-llvm{threads=1}.
config.substitutions.append(
    ("%libomp", os.path.join(config.llvm_lib_dir, "libomp" + config.llvm_shlib_ext))
)
config.substitutions.append(("%host_cxx", config.host_cxx))
config.substitutions.append(("%host_cc", config.host_cc))
# The mlir-opt plugin (tools/lq-plugin).
config.substitutions.append(
    ("%lq_plugin", os.path.join(config.lq_lib_dir, "LQPlugin" + config.llvm_shlib_ext))
)


def runtime_library(name):
    """Path of an MLIR runtime library (e.g. the mlir-runner utils)."""
    path = os.path.join(config.llvm_lib_dir, "lib" + name + config.llvm_shlib_ext)
    return ToolSubst("%" + name, path)


# Sanitizer builds (-DLQ_ENABLE_SANITIZERS=ON, docs/Robustness.md): lq-opt
# and the other lq binaries carry the ASan/UBSan runtime; the stock mlir-opt
# does not, but loads the instrumented LQPlugin.so, so the runtime is
# preloaded into it (it must be the first library loaded).
mlir_opt = "mlir-opt"
if config.lq_enable_sanitizers:
    config.available_features.add("sanitizers")
    import platform
    import subprocess

    asan_runtime = subprocess.check_output(
        [
            config.host_cxx,
            "-print-file-name=libclang_rt.asan-%s.so" % platform.machine(),
        ],
        text=True,
    ).strip()
    mlir_opt = ToolSubst(
        "mlir-opt",
        command="env LD_PRELOAD=%s %s"
        % (asan_runtime, os.path.join(config.llvm_tools_dir, "mlir-opt")),
    )
    # Report UB with a stack and fail (the build also makes it fatal). Leaks
    # are reported for lq's own binaries; the preloaded mlir-opt only needs
    # its runtime, and MLIR's registries outlive main there.
    config.environment["UBSAN_OPTIONS"] = "print_stacktrace=1:halt_on_error=1"
    config.environment["ASAN_OPTIONS"] = os.environ.get(
        "ASAN_OPTIONS", "detect_leaks=1"
    )

tools = [
    "lq-opt",
    mlir_opt,
    "mlir-runner",
    "mlir-translate",
    runtime_library("mlir_runner_utils"),
    runtime_library("mlir_c_runner_utils"),
]
tool_dirs = [config.lq_tools_dir, config.llvm_tools_dir]
llvm_config.add_tool_substitutions(tools, tool_dirs)

# `--param verify_roundtrip=1` (the check-lq-roundtrip target) or
# LQ_VERIFY_ROUNDTRIP=1 runs every lq-opt invocation with --verify-roundtrip:
# whatever it prints must survive printing and re-parsing in the generic and
# the custom form. Only the `lq-opt` command word is rewritten (not a path
# or a file name that contains it).
if lit_config.params.get("verify_roundtrip") or os.environ.get(
    "LQ_VERIFY_ROUNDTRIP"
):
    config.available_features.add("verify-roundtrip")
    config.substitutions.insert(
        0, (r"(?<![-\w./%])lq-opt\b(?!-)", "lq-opt --verify-roundtrip")
    )
