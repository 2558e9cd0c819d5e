#===- LQInstall.cmake - `cmake --install` and the LQ CMake package --------===//
#
# Included at the end of the top-level CMakeLists.txt, once every target
# exists. `cmake --install <build> --prefix <prefix>` then gives:
#
#   <prefix>/bin/lq-opt
#   <prefix>/include/lq/...        headers, .td files and generated .inc files
#   <prefix>/include/lq-c/...      the C API headers
#   <prefix>/lib/libLQ*.a          the lq libraries (add_lq_library)
#   <prefix>/lib/libLQCAPI.so      the C API library
#   <prefix>/lib/LQPlugin.so       the mlir-opt plugin
#   <prefix>/lib/cmake/lq/         LQConfig.cmake, LQTargets.cmake (LQ::*)
#
# A consumer calls find_package(LQ CONFIG) with CMAKE_PREFIX_PATH=<prefix>
# (or LQ_DIR=<prefix>/lib/cmake/lq) and links LQ::<library>; see
# docs/UsingLQ.md and test/Install.
#
#===----------------------------------------------------------------------===//
include(CMakePackageConfigHelpers)

# lq has no release numbering yet; the package version only tells consumers
# which MLIR it was built against.
set(LQ_VERSION 0.1.0)
set(LQ_INSTALL_PACKAGE_DIR lib${LLVM_LIBDIR_SUFFIX}/cmake/lq)

install(DIRECTORY ${LQ_SOURCE_DIR}/include/lq ${LQ_SOURCE_DIR}/include/lq-c
  DESTINATION include
  FILES_MATCHING PATTERN "*.h" PATTERN "*.td")
install(DIRECTORY ${LQ_BINARY_DIR}/include/lq
  DESTINATION include
  FILES_MATCHING PATTERN "*.inc"
  PATTERN "CMakeFiles" EXCLUDE)

# The installed binaries find lq's libraries next to them and libMLIR.so /
# libLLVM.so where this build found them (not a default search path on
# Debian).
foreach(target lq-opt LQCAPI LQPlugin)
  set_property(TARGET ${target} APPEND PROPERTY INSTALL_RPATH
    "${LLVM_LIBRARY_DIR}")
endforeach()

install(TARGETS lq-opt EXPORT LQTargets
  RUNTIME DESTINATION bin)
install(TARGETS LQCAPI EXPORT LQTargets
  LIBRARY DESTINATION lib${LLVM_LIBDIR_SUFFIX})
install(TARGETS LQPlugin EXPORT LQTargets
  LIBRARY DESTINATION lib${LLVM_LIBDIR_SUFFIX})

install(EXPORT LQTargets
  NAMESPACE LQ::
  DESTINATION ${LQ_INSTALL_PACKAGE_DIR})

get_property(LQ_EXPORTED_LIBS GLOBAL PROPERTY LQ_LIBS)
list(TRANSFORM LQ_EXPORTED_LIBS PREPEND "LQ::")
set(LQ_INSTALL_INCLUDEDIR include)
configure_package_config_file(
  ${CMAKE_CURRENT_LIST_DIR}/LQConfig.cmake.in
  ${LQ_BINARY_DIR}/${LQ_INSTALL_PACKAGE_DIR}/LQConfig.cmake
  INSTALL_DESTINATION ${LQ_INSTALL_PACKAGE_DIR}
  PATH_VARS LQ_INSTALL_INCLUDEDIR)
write_basic_package_version_file(
  ${LQ_BINARY_DIR}/${LQ_INSTALL_PACKAGE_DIR}/LQConfigVersion.cmake
  VERSION ${LQ_VERSION}
  COMPATIBILITY SameMinorVersion)
install(FILES
  ${LQ_BINARY_DIR}/${LQ_INSTALL_PACKAGE_DIR}/LQConfig.cmake
  ${LQ_BINARY_DIR}/${LQ_INSTALL_PACKAGE_DIR}/LQConfigVersion.cmake
  DESTINATION ${LQ_INSTALL_PACKAGE_DIR})
