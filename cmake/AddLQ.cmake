#===- AddLQ.cmake - helpers for lq libraries ------------------------------===//
#
# add_lq_library(<name> <sources>...
#                [DEPENDS <tablegen targets>...]
#                [LINK_LIBS <lq libraries>...]
#                [MLIR_LIBS <upstream MLIR libraries>...])
#
# Builds a static lq library (position independent, so the plugin can embed
# it). Upstream MLIR libraries named in MLIR_LIBS resolve to the shared
# libMLIR.so through mlir_target_link_libraries (MLIR_LINK_MLIR_DYLIB is ON);
# the list still documents what the library really uses. Every library is
# recorded in the LQ_LIBS global property for tools and installation, and is
# installed and exported as LQ::<name> (cmake/LQInstall.cmake).
#
#===----------------------------------------------------------------------===//
function(add_lq_library name)
  cmake_parse_arguments(ARG "" "" "DEPENDS;LINK_LIBS;MLIR_LIBS" ${ARGN})
  add_mlir_library(${name} ${ARG_UNPARSED_ARGUMENTS}
    EXCLUDE_FROM_LIBMLIR
    DISABLE_INSTALL
    DEPENDS ${ARG_DEPENDS}
    LINK_LIBS PUBLIC ${ARG_LINK_LIBS})
  mlir_target_link_libraries(${name} PUBLIC ${ARG_MLIR_LIBS})
  set_target_properties(${name} PROPERTIES POSITION_INDEPENDENT_CODE ON)
  set_property(GLOBAL APPEND PROPERTY LQ_LIBS ${name})
  # Installed with the headers under <prefix>/include; see LQInstall.cmake.
  target_include_directories(${name} INTERFACE $<INSTALL_INTERFACE:include>)
  install(TARGETS ${name} EXPORT LQTargets
    ARCHIVE DESTINATION lib${LLVM_LIBDIR_SUFFIX}
    LIBRARY DESTINATION lib${LLVM_LIBDIR_SUFFIX})
endfunction()
