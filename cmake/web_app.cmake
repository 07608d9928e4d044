# Web build: the Dear ImGui app (sources from Debian's imgui source package,
# fetched by scripts/setup into .cache/) linked with Emscripten into web/.
set(IMGUI_DIR "${CMAKE_SOURCE_DIR}/.cache/imgui-1.90.1" CACHE PATH "Dear ImGui sources")
if(NOT EXISTS "${IMGUI_DIR}/imgui.cpp")
  message(FATAL_ERROR "Dear ImGui sources not found in ${IMGUI_DIR}: run scripts/setup")
endif()

add_library(imgui STATIC
  "${IMGUI_DIR}/imgui.cpp" "${IMGUI_DIR}/imgui_draw.cpp" "${IMGUI_DIR}/imgui_tables.cpp"
  "${IMGUI_DIR}/imgui_widgets.cpp" "${IMGUI_DIR}/misc/cpp/imgui_stdlib.cpp"
  "${IMGUI_DIR}/backends/imgui_impl_glfw.cpp" "${IMGUI_DIR}/backends/imgui_impl_opengl3.cpp")
target_include_directories(imgui SYSTEM PUBLIC "${IMGUI_DIR}" "${IMGUI_DIR}/backends")
# IMGUI_ENABLE_TEST_ENGINE: ImGui reports every item it draws (id, rectangle,
# label, status) to hooks the app implements (src/app/accessibility.cpp): the
# widget map and the accessibility layer come from there.
target_compile_definitions(imgui PUBLIC IMGUI_DISABLE_OBSOLETE_FUNCTIONS IMGUI_DISABLE_DEMO_WINDOWS IMGUI_DISABLE_DEBUG_TOOLS
  IMGUI_DISABLE_FILE_FUNCTIONS IMGUI_ENABLE_TEST_ENGINE)


# The UI fonts: DejaVu Sans and Sans Mono from Debian, subset to the scripts
# the app offers and compiled into the wasm (no file system, no further download).
set(FONT_SOURCE "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")
set(FONT_MONO_SOURCE "/usr/share/fonts/truetype/dejavu/DejaVuSansMono.ttf")
set(FONT_DIR "${CMAKE_BINARY_DIR}/fonts")
# Latin (incl. Latin-1 and Extended-A), Greek, basic Cyrillic, punctuation and the
# few symbols the UI draws. ImGui gets the same list (app::fonts::glyph_ranges).
set(FONT_UNICODES "U+0020-007E,U+00A0-017F,U+0370-03FF,U+0400-045F,U+2010-2027,U+2030-203A,U+20AC,U+2122,U+2190-2193,U+21BB,U+2212,U+2022,U+25B2-25BC,U+25CF,U+2713,U+2715,U+26A0")
add_custom_command(
  OUTPUT "${FONT_DIR}/fonts_data.cpp"
  COMMAND ${CMAKE_COMMAND} -E make_directory "${FONT_DIR}"
  COMMAND /usr/bin/python3 -m fontTools.subset "${FONT_SOURCE}" --unicodes=${FONT_UNICODES}
          --layout-features= --no-hinting --output-file=${FONT_DIR}/ui.ttf
  COMMAND /usr/bin/python3 -m fontTools.subset "${FONT_MONO_SOURCE}" --unicodes=${FONT_UNICODES}
          --layout-features= --no-hinting --output-file=${FONT_DIR}/mono.ttf
  COMMAND /usr/bin/python3 "${CMAKE_SOURCE_DIR}/cmake/embed_fonts.py" "${FONT_DIR}/fonts_data.cpp" "${FONT_UNICODES}"
          "ui=${FONT_DIR}/ui.ttf" "mono=${FONT_DIR}/mono.ttf"
  DEPENDS "${FONT_SOURCE}" "${FONT_MONO_SOURCE}" "${CMAKE_SOURCE_DIR}/cmake/embed_fonts.py"
  COMMENT "Subsetting and embedding the UI fonts")

file(GLOB APP_SOURCES CONFIGURE_DEPENDS "${CMAKE_SOURCE_DIR}/src/app/*.cpp")
add_executable(app "${CMAKE_SOURCE_DIR}/src/main.cpp" ${APP_SOURCES}
  "${CMAKE_SOURCE_DIR}/src/platform/platform_web.cpp" "${FONT_DIR}/fonts_data.cpp")
target_link_libraries(app PRIVATE core imgui)
target_compile_options(app PRIVATE ${PROJECT_WARNINGS})
set_target_properties(app PROPERTIES
  OUTPUT_NAME "index" SUFFIX ".html"
  RUNTIME_OUTPUT_DIRECTORY "${CMAKE_SOURCE_DIR}/web")
target_link_options(app PRIVATE
  -sUSE_GLFW=3 -sGL_PREINITIALIZED_CONTEXT=1 -sGL_SUPPORT_AUTOMATIC_ENABLE_EXTENSIONS=0 -sMAX_WEBGL_VERSION=2 -sMIN_WEBGL_VERSION=2 -sALLOW_MEMORY_GROWTH=1
  -sENVIRONMENT=web -sMINIFY_HTML=0 -sEXPORTED_RUNTIME_METHODS=[UTF8ToString,stringToUTF8,lengthBytesUTF8,allocateUTF8,addRunDependency,removeRunDependency]
  -sEXPORTED_FUNCTIONS=[_main,_malloc,_free]
  -sFILESYSTEM=0 --shell-file "${CMAKE_SOURCE_DIR}/shell.html")
set_property(TARGET app APPEND PROPERTY LINK_DEPENDS "${CMAKE_SOURCE_DIR}/shell.html")

# The core benchmark compiled to wasm, for scripts/bench to run in Chromium
# (built on demand: cmake --build --preset web --target bench_core_wasm).
add_executable(bench_core_wasm EXCLUDE_FROM_ALL "${CMAKE_SOURCE_DIR}/bench/bench_core.cpp")
target_link_libraries(bench_core_wasm PRIVATE core)
target_compile_options(bench_core_wasm PRIVATE ${PROJECT_WARNINGS})
set_target_properties(bench_core_wasm PROPERTIES
  OUTPUT_NAME "bench_core" SUFFIX ".html" RUNTIME_OUTPUT_DIRECTORY "${CMAKE_BINARY_DIR}/bench")
target_link_options(bench_core_wasm PRIVATE -sALLOW_MEMORY_GROWTH=1 -sENVIRONMENT=web -sMINIFY_HTML=0
  -sEXIT_RUNTIME=1 -sINITIAL_MEMORY=33554432)
