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
config.substitutions.append(("%host_cxx", config.host_cxx))
config.substitutions.append(("%host_cc", config.host_cc))


def runtime_library(name):
    """Path of an MLIR runtime library (e.g. the mlir-runner utils)."""
    path = os.path.join(config.llvm_lib_dir, "lib" + name + config.llvm_shlib_ext)
    return ToolSubst("%" + name, path)


tools = [
    "lq-opt",
    "mlir-opt",
    "mlir-runner",
    "mlir-translate",
    runtime_library("mlir_runner_utils"),
    runtime_library("mlir_c_runner_utils"),
]
tool_dirs = [config.lq_tools_dir, config.llvm_tools_dir]
llvm_config.add_tool_substitutions(tools, tool_dirs)

# LQ_VERIFY_ROUNDTRIP=1 runs every lq-opt invocation with --verify-roundtrip.
if os.environ.get("LQ_VERIFY_ROUNDTRIP"):
    config.substitutions.insert(0, ("lq-opt", "lq-opt --verify-roundtrip"))
