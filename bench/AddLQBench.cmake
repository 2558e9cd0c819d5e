#===- AddLQBench.cmake - ahead-of-time kernels for the lq benchmarks ------===//
#
# add_lq_kernel_object(<name> <mlir file>
#                      [PIPELINE <lq-to-llvm option>...]
#                      [SUBSTITUTE <VAR>=<value>...]
#                      [CLANG_FLAGS <flag>...])
#
# Compiles a tensor-level .mlir file with lq ops ahead of time, at build time:
#
#   lq-opt --lq-to-llvm=<PIPELINE options>   (e.g. out-params=1 vector-bits=256)
#   mlir-translate --mlir-to-llvmir
#   clang -O3 -march=${LQ_BENCH_MARCH} -c     (plus CLANG_FLAGS)
#
# and wraps the object in the static library target <name> (not in `all`), to
# be linked into a benchmark with target_link_libraries(). Public functions
# are callable through their `_mlir_ciface_<function>` wrappers (see
# bench/include/lq-bench/Bench.h for the memref descriptors).
#
# SUBSTITUTE turns <mlir file> into a template: every @VAR@ of the listed
# variables is replaced by its value (at configure time) first, so that one
# file can be compiled for several shapes (give each instance its own symbol
# suffix through a variable too).
#
# The intermediate files stay in ${CMAKE_CURRENT_BINARY_DIR}/<name>.* for
# inspection: <name>.mlir (after substitution), <name>.llvm.mlir,
# <name>.ll and <name>.o (objdump -d it for the hot loops).
#
# Cache variables:
#   LQ_BENCH_MARCH   the -march of the kernels and of the C++ baselines
#                    (default: native; the benchmark measures this machine).
#                    lq-opt picks its vector width from the host unless
#                    PIPELINE says vector-bits=<n>: set both when
#                    cross-compiling.
#   LQ_BENCH_LQ_OPT  an lq-opt executable to lower with instead of the
#                    in-tree one, to compare pipeline prototypes (A/B).
#
#===----------------------------------------------------------------------===//

set(LQ_BENCH_MARCH "native" CACHE STRING
    "-march for the benchmark kernels and their C++ baselines")
set(LQ_BENCH_LQ_OPT "" CACHE FILEPATH
    "lq-opt to lower the benchmark kernels with (default: the in-tree one)")
mark_as_advanced(LQ_BENCH_LQ_OPT)

# clang and mlir-translate of the same LLVM as MLIR: the textual LLVM IR is
# only guaranteed to be readable by the matching version.
find_program(LQ_BENCH_CLANG NAMES clang clang-${LLVM_VERSION_MAJOR}
             HINTS ${LLVM_TOOLS_BINARY_DIR} NO_DEFAULT_PATH)
find_program(LQ_BENCH_CLANG NAMES clang-${LLVM_VERSION_MAJOR} clang)
if(TARGET mlir-translate)
  set(LQ_BENCH_MLIR_TRANSLATE $<TARGET_FILE:mlir-translate>)
else()
  find_program(LQ_BENCH_MLIR_TRANSLATE mlir-translate
               HINTS ${LLVM_TOOLS_BINARY_DIR})
endif()

# Writes `_lq_source` to `_lq_output` with every @VAR@ of the VAR=value
# assignments replaced (and nothing else: MLIR symbols also start with '@',
# so configure_file's @...@ matching cannot be used). The output is only
# touched when its content changes; editing the template re-runs CMake.
function(_lq_instantiate_template _lq_source _lq_output)
  file(READ "${_lq_source}" _lq_text)
  foreach(_lq_assignment IN LISTS ARGN)
    if(NOT _lq_assignment MATCHES "^([A-Za-z_][A-Za-z0-9_]*)=(.*)$")
      message(FATAL_ERROR "add_lq_kernel_object: SUBSTITUTE expects "
                          "VAR=value, got '${_lq_assignment}'")
    endif()
    string(REPLACE "@${CMAKE_MATCH_1}@" "${CMAKE_MATCH_2}" _lq_text
           "${_lq_text}")
  endforeach()
  file(WRITE "${_lq_output}.tmp" "${_lq_text}")
  configure_file("${_lq_output}.tmp" "${_lq_output}" COPYONLY)
  file(REMOVE "${_lq_output}.tmp")
  set_property(DIRECTORY APPEND PROPERTY CMAKE_CONFIGURE_DEPENDS
               "${_lq_source}")
endfunction()

function(add_lq_kernel_object name source)
  cmake_parse_arguments(ARG "" "" "PIPELINE;SUBSTITUTE;CLANG_FLAGS" ${ARGN})
  if(ARG_UNPARSED_ARGUMENTS)
    message(FATAL_ERROR
            "add_lq_kernel_object: unknown arguments ${ARG_UNPARSED_ARGUMENTS}")
  endif()
  if(NOT LQ_BENCH_CLANG)
    message(FATAL_ERROR "add_lq_kernel_object: no clang in "
                        "${LLVM_TOOLS_BINARY_DIR} or on PATH")
  endif()
  get_filename_component(source "${source}" ABSOLUTE)
  set(prefix "${CMAKE_CURRENT_BINARY_DIR}/${name}")

  # Instantiate the template (at configure time; editing it re-configures).
  set(input "${source}")
  if(ARG_SUBSTITUTE)
    set(input "${prefix}.mlir")
    _lq_instantiate_template("${source}" "${input}" ${ARG_SUBSTITUTE})
  endif()

  if(LQ_BENCH_LQ_OPT)
    set(lq_opt "${LQ_BENCH_LQ_OPT}")
    set(lq_opt_depends "${LQ_BENCH_LQ_OPT}")
  else()
    set(lq_opt $<TARGET_FILE:lq-opt>)
    set(lq_opt_depends lq-opt)
  endif()
  list(JOIN ARG_PIPELINE " " pipeline_options)
  set(pipeline "--lq-to-llvm=${pipeline_options}")

  add_custom_command(
    OUTPUT "${prefix}.o"
    BYPRODUCTS "${prefix}.llvm.mlir" "${prefix}.ll"
    COMMAND ${lq_opt} "${pipeline}" "${input}" -o "${prefix}.llvm.mlir"
    COMMAND ${LQ_BENCH_MLIR_TRANSLATE} --mlir-to-llvmir "${prefix}.llvm.mlir"
            -o "${prefix}.ll"
    COMMAND ${LQ_BENCH_CLANG} -O3 -march=${LQ_BENCH_MARCH} -fPIC
            -Wno-override-module ${ARG_CLANG_FLAGS} -c "${prefix}.ll"
            -o "${prefix}.o"
    DEPENDS "${input}" ${lq_opt_depends}
    COMMENT "Compiling lq kernels ${name} (lq-to-llvm ${pipeline_options})"
    VERBATIM)

  set_source_files_properties("${prefix}.o" PROPERTIES
    EXTERNAL_OBJECT TRUE
    GENERATED TRUE)
  add_library(${name} STATIC EXCLUDE_FROM_ALL "${prefix}.o")
  set_target_properties(${name} PROPERTIES
    LINKER_LANGUAGE C
    ARCHIVE_OUTPUT_DIRECTORY "${CMAKE_CURRENT_BINARY_DIR}")
endfunction()
