# Web build: the Dear ImGui app linked with Emscripten into web/, with its
# fonts (cmake/fonts.cmake: the fallback font files go to web/fonts/).
include(cmake/imgui.cmake)
set(FALLBACK_FONT_PAGES "${CMAKE_SOURCE_DIR}/web/fonts")
include(cmake/fonts.cmake)

file(GLOB APP_SOURCES CONFIGURE_DEPENDS "${CMAKE_SOURCE_DIR}/src/app/*.cpp")
add_executable(app "${CMAKE_SOURCE_DIR}/src/main.cpp" ${APP_SOURCES}
  "${CMAKE_SOURCE_DIR}/src/platform/platform_web.cpp" "${FONT_DIR}/fonts_data.cpp" "${FONT_DIR}/fallback_fonts.cpp")
target_link_libraries(app PRIVATE core imgui)
target_compile_options(app PRIVATE ${PROJECT_WARNINGS})
set_target_properties(app PROPERTIES
  OUTPUT_NAME "index" SUFFIX ".html"
  RUNTIME_OUTPUT_DIRECTORY "${CMAKE_SOURCE_DIR}/web")
# shell.html's preRun uses addRunDependency/removeRunDependency (it waits for
# config.json); the JS libraries call malloc (strings and bytes handed to C++).
# emmalloc, Emscripten's small allocator, instead of dlmalloc: 3 KB gzip less,
# what keeps the first-frame download under 350 KB (bench/site_size.py); it
# is slower for the many small allocations of a big table (see bench/NOTES.md).
set(APP_LINK_OPTIONS
  -sUSE_GLFW=3 -sGL_PREINITIALIZED_CONTEXT=1 -sGL_SUPPORT_AUTOMATIC_ENABLE_EXTENSIONS=0 -sMAX_WEBGL_VERSION=2 -sMIN_WEBGL_VERSION=2 -sALLOW_MEMORY_GROWTH=1
  -sENVIRONMENT=web -sMINIFY_HTML=0 -sEXPORTED_RUNTIME_METHODS=[addRunDependency,removeRunDependency]
  -sEXPORTED_FUNCTIONS=[_main,_malloc]
  -sMALLOC=emmalloc -sFILESYSTEM=0 --shell-file "${CMAKE_SOURCE_DIR}/shell.html")
# Memory: the heap grows as needed up to a maximum set here on purpose, 2 GiB
# (what 32-bit wasm reaches in every browser); the results budget
# (src/core/result_budget.hpp, 768 MiB) keeps a loaded list well below it.
# The page's side of src/platform/platform_web.cpp: Emscripten JS libraries,
# one file per concern; editing one relinks.
set(PLATFORM_WEB_JS_LIBRARIES http page input accessibility storage files)
list(TRANSFORM PLATFORM_WEB_JS_LIBRARIES PREPEND "${CMAKE_SOURCE_DIR}/src/platform/web/")
list(TRANSFORM PLATFORM_WEB_JS_LIBRARIES APPEND ".js")
target_link_options(app PRIVATE ${APP_LINK_OPTIONS} -sMAXIMUM_MEMORY=2147483648)
foreach(library ${PLATFORM_WEB_JS_LIBRARIES})
  target_link_options(app PRIVATE "SHELL:--js-library \"${library}\"")
endforeach()
set_property(TARGET app APPEND PROPERTY LINK_DEPENDS "${CMAKE_SOURCE_DIR}/shell.html" ${PLATFORM_WEB_JS_LIBRARIES})

# A bare Dear ImGui page with the same sources, flags and page template, for
# scripts/bench to compare first frames with (build/bench-bare/index.html;
# built on demand: cmake --build --preset web --target bench_bare_imgui).
add_executable(bench_bare_imgui EXCLUDE_FROM_ALL "${CMAKE_SOURCE_DIR}/bench/bare_imgui.cpp")
target_link_libraries(bench_bare_imgui PRIVATE imgui)
target_compile_options(bench_bare_imgui PRIVATE ${PROJECT_WARNINGS})
set_target_properties(bench_bare_imgui PROPERTIES
  OUTPUT_NAME "index" SUFFIX ".html" RUNTIME_OUTPUT_DIRECTORY "${CMAKE_BINARY_DIR}/bench-bare")
target_link_options(bench_bare_imgui PRIVATE ${APP_LINK_OPTIONS})

# The core benchmark compiled to wasm, for scripts/bench to run in Chromium
# (built on demand: cmake --build --preset web --target bench_core_wasm).
add_executable(bench_core_wasm EXCLUDE_FROM_ALL "${CMAKE_SOURCE_DIR}/bench/bench_core.cpp")
target_link_libraries(bench_core_wasm PRIVATE core)
target_compile_options(bench_core_wasm PRIVATE ${PROJECT_WARNINGS})
set_target_properties(bench_core_wasm PROPERTIES
  OUTPUT_NAME "bench_core" SUFFIX ".html" RUNTIME_OUTPUT_DIRECTORY "${CMAKE_BINARY_DIR}/bench")
target_link_options(bench_core_wasm PRIVATE -sALLOW_MEMORY_GROWTH=1 -sENVIRONMENT=web -sMINIFY_HTML=0
  -sEXIT_RUNTIME=1 -sINITIAL_MEMORY=16777216 -sMAXIMUM_MEMORY=2147483648)
