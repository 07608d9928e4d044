# Native build: doctest unit tests of src/core and of the app layer
# (cmake/native_app_tests.cmake), discovered by CTest, and (with clang and
# -DBUILD_FUZZERS=ON) libFuzzer targets under ASan/UBSan. ENABLE_SANITIZERS
# (CMakeLists.txt) builds everything with ASan and UBSan.
enable_testing()
find_package(doctest CONFIG REQUIRED)  # Debian's doctest-dev; header-only, for the test executables only
option(BUILD_FUZZERS "Build libFuzzer targets (clang only)" OFF)
option(BUILD_APP_TESTS "Build the app layer's tests (needs Dear ImGui's sources and fontTools)" ON)

file(GLOB CORE_TEST_SOURCES CONFIGURE_DEPENDS "${CMAKE_SOURCE_DIR}/tests/core/*.cpp")
add_executable(core_tests ${CORE_TEST_SOURCES})
target_link_libraries(core_tests PRIVATE core doctest::doctest)
target_compile_definitions(core_tests PRIVATE
  FIXTURES_DIR="${CMAKE_SOURCE_DIR}/tests/fixtures")
target_compile_options(core_tests PRIVATE ${PROJECT_WARNINGS})

# Prints the snippet the app copies for an event, for the backend's test that
# runs the boto3 snippets against dynalite (backend/tests/test_snippets.py).
add_executable(snippet_tool "${CMAKE_SOURCE_DIR}/tests/tools/snippet_tool.cpp")
target_link_libraries(snippet_tool PRIVATE core)
target_compile_options(snippet_tool PRIVATE ${PROJECT_WARNINGS})

include(doctest)  # doctest_discover_tests, found through doctest's package
doctest_discover_tests(core_tests)

if(BUILD_APP_TESTS)
  include(cmake/native_app_tests.cmake)
endif()

if(BUILD_FUZZERS)
  if(NOT CMAKE_CXX_COMPILER_ID STREQUAL "Clang")
    message(FATAL_ERROR "BUILD_FUZZERS needs clang (configure with CXX=clang++)")
  endif()
  # Instrument the code under test for coverage, not only the fuzz targets.
  target_compile_options(core PRIVATE -fsanitize=fuzzer-no-link,address,undefined)
  target_link_options(core INTERFACE -fsanitize=address,undefined)
  find_package(nlohmann_json CONFIG REQUIRED)  # the reference parser fuzz_json_value compares with
  file(GLOB FUZZ_SOURCES CONFIGURE_DEPENDS "${CMAKE_SOURCE_DIR}/tests/fuzz/fuzz_*.cpp")
  foreach(src ${FUZZ_SOURCES})
    get_filename_component(name "${src}" NAME_WE)
    add_executable(${name} "${src}")
    target_link_libraries(${name} PRIVATE core)
    target_compile_options(${name} PRIVATE -fsanitize=fuzzer,address,undefined)
    target_link_options(${name} PRIVATE -fsanitize=fuzzer,address,undefined)
  endforeach()
  target_link_libraries(fuzz_json_value PRIVATE nlohmann_json::nlohmann_json)
endif()

# A benchmark, not a test: prints how long parse, classify and table build take
# for a 10 MB list answer. Built with everything so it keeps compiling; run it
# from the `bench` preset (Release) for figures: build/bench/bench_core
add_executable(bench_core "${CMAKE_SOURCE_DIR}/bench/bench_core.cpp")
target_link_libraries(bench_core PRIVATE core)
target_compile_options(bench_core PRIVATE ${PROJECT_WARNINGS})
