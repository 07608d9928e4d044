# Web build: the Dear ImGui app (sources from Debian's imgui source package,
# fetched by scripts/setup into .cache/) linked with Emscripten into web/.
# The font scripts need fontTools (Debian's python3-fonttools).
find_package(Python3 REQUIRED COMPONENTS Interpreter)
execute_process(COMMAND "${Python3_EXECUTABLE}" -c "import fontTools" RESULT_VARIABLE FONTTOOLS_MISSING OUTPUT_QUIET ERROR_QUIET)
if(FONTTOOLS_MISSING)
  message(FATAL_ERROR "${Python3_EXECUTABLE} has no fontTools: run scripts/setup, or configure with -DPython3_EXECUTABLE=<a python3 that has it>")
endif()

set(IMGUI_DIR "${CMAKE_SOURCE_DIR}/.cache/imgui-1.90.1" CACHE PATH "Dear ImGui sources")
if(NOT EXISTS "${IMGUI_DIR}/imgui.cpp")
  message(FATAL_ERROR "Dear ImGui sources not found in ${IMGUI_DIR}: run scripts/setup")
endif()

add_library(imgui STATIC
  "${IMGUI_DIR}/imgui.cpp" "${IMGUI_DIR}/imgui_draw.cpp" "${IMGUI_DIR}/imgui_tables.cpp"
  "${IMGUI_DIR}/imgui_widgets.cpp" "${IMGUI_DIR}/misc/cpp/imgui_stdlib.cpp"
  "${IMGUI_DIR}/backends/imgui_impl_glfw.cpp" "${IMGUI_DIR}/backends/imgui_impl_opengl3.cpp")
target_include_directories(imgui SYSTEM PUBLIC "${IMGUI_DIR}" "${IMGUI_DIR}/backends")
set_target_properties(imgui PROPERTIES COMPILE_WARNING_AS_ERROR OFF)  # third-party code: its warnings are not ours to fix
# IMGUI_USE_WCHAR32: emoji and other codepoints beyond U+FFFF have glyphs.
# IMGUI_ENABLE_TEST_ENGINE: ImGui reports every item it draws (id, rectangle,
# label, status) to hooks the app implements (src/app/accessibility.cpp): the
# widget map and the accessibility layer come from there.
target_compile_definitions(imgui PUBLIC IMGUI_DISABLE_OBSOLETE_FUNCTIONS IMGUI_DISABLE_DEMO_WINDOWS IMGUI_DISABLE_DEBUG_TOOLS
  IMGUI_DISABLE_FILE_FUNCTIONS IMGUI_USE_WCHAR32 IMGUI_ENABLE_TEST_ENGINE)


# The UI fonts: DejaVu Sans and Sans Mono from Debian, subset to the scripts
# the app offers and compiled into the wasm (no file system, no further download).
set(FONT_SOURCE "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")
set(FONT_MONO_SOURCE "/usr/share/fonts/truetype/dejavu/DejaVuSansMono.ttf")
set(FONT_DIR "${CMAKE_BINARY_DIR}/fonts")
# Compiled in, rasterized when text holds them (app::fonts::glyph_ranges):
# ASCII, Latin-1, punctuation, symbols, Latin Extended-A, Greek, basic
# Cyrillic, and the invisible format characters (zero-width joiners, bidi
# marks, variation selectors after emoji), drawn as empty glyphs rather than
# U+FFFD, the glyph a character without one is drawn with (and counted by:
# snapshot.missing_glyphs).
set(FONT_UNICODES "U+0020-007E,U+00A0-00FF,U+2010-2027,U+2030-203A,U+20AC,U+2122,U+2190-2193,U+21BB,U+2212,U+2022,U+25B2-25BC,U+25CF,U+2713,U+2715,U+26A0,U+FFFD,U+0100-017F,U+0370-03FF,U+0400-045F,U+200B-200F,U+2028-202E,U+2060-2064,U+FE00-FE0F,U+FEFF")
# What the first frame rasterizes (app::fonts::first_frame_ranges): ASCII,
# U+FFFD, and the other characters of the app's own text, found in the string
# literals of src/app and src/core (cmake/ui_characters.py): about 120 glyphs
# per font instead of all 600.
set(FONT_FIRST_FRAME_UNICODES "U+0020-007E,U+FFFD")
file(GLOB UI_TEXT_SOURCES CONFIGURE_DEPENDS "${CMAKE_SOURCE_DIR}/src/app/*.[ch]pp" "${CMAKE_SOURCE_DIR}/src/core/*.[ch]pp")
add_custom_command(
  OUTPUT "${FONT_DIR}/fonts_data.cpp"
  COMMAND ${CMAKE_COMMAND} -E make_directory "${FONT_DIR}"
  COMMAND ${Python3_EXECUTABLE} -m fontTools.subset "${FONT_SOURCE}" --unicodes=${FONT_UNICODES}
          --layout-features= --no-hinting --output-file=${FONT_DIR}/ui.ttf
  COMMAND ${Python3_EXECUTABLE} -m fontTools.subset "${FONT_MONO_SOURCE}" --unicodes=${FONT_UNICODES}
          --layout-features= --no-hinting --output-file=${FONT_DIR}/mono.ttf
  COMMAND ${Python3_EXECUTABLE} "${CMAKE_SOURCE_DIR}/cmake/ui_characters.py" --output "${FONT_DIR}/ui_characters.txt"
          ${UI_TEXT_SOURCES}
  COMMAND ${Python3_EXECUTABLE} "${CMAKE_SOURCE_DIR}/cmake/embed_fonts.py" "${FONT_DIR}/fonts_data.cpp" "${FONT_UNICODES}"
          "${FONT_FIRST_FRAME_UNICODES},@${FONT_DIR}/ui_characters.txt" "ui=${FONT_DIR}/ui.ttf" "mono=${FONT_DIR}/mono.ttf"
  DEPENDS "${FONT_SOURCE}" "${FONT_MONO_SOURCE}" "${CMAKE_SOURCE_DIR}/cmake/embed_fonts.py"
          "${CMAKE_SOURCE_DIR}/cmake/ui_characters.py" "${CMAKE_SOURCE_DIR}/cmake/unicode_ranges.py" ${UI_TEXT_SOURCES}
  COMMENT "Subsetting and embedding the UI fonts")

# The fallback fonts, fetched only when text needs them: split into page files
# in web/fonts/ (see cmake/split_fonts.py), in priority order. Licences:
# Noto Sans (OFL 1.1), Nanum Gothic (OFL 1.1), Droid Sans Fallback (Apache 2.0),
# Symbola (free for any use). Droid Sans Fallback has no Hangul syllables.
set(NOTO_DIR "/usr/share/fonts/truetype/noto")
set(FALLBACK_FONTS
  "arabic:Arabic:${NOTO_DIR}/NotoSansArabic-Regular.ttf:U+0600-06FF,U+0750-077F,U+08A0-08FF"
  "hebrew:Hebrew:${NOTO_DIR}/NotoSansHebrew-Regular.ttf:U+0590-05FF,U+FB1D-FB4F"
  "devanagari:Devanagari:${NOTO_DIR}/NotoSansDevanagari-Regular.ttf:U+0900-097F,U+A8E0-A8FF,U+1CD0-1CFF"
  "thai:Thai:${NOTO_DIR}/NotoSansThai-Regular.ttf:U+0E00-0E7F"
  "hangul:Korean:/usr/share/fonts/truetype/nanum/NanumGothic.ttf:U+1100-11FF,U+3130-318F,U+A960-A97F,U+AC00-D7FF"
  "cjk:Chinese and Japanese:/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf:U+1100-11FF,U+2E80-2FDF,U+3000-33FF,U+3400-4DBF,U+4E00-9FFF,U+A960-A97F,U+AC00-D7FF,U+F900-FAFF,U+FE30-FE4F,U+FF00-FFEF"
  "symbols:emoji and symbols:/usr/share/fonts/truetype/ancient-scripts/Symbola_hint.ttf:U+2000-2BFF,U+1F000-1FAFF")
set(FALLBACK_FONT_FILES)
foreach(spec ${FALLBACK_FONTS})
  string(REGEX REPLACE "^[^:]*:[^:]*:([^:]*):.*$" "\\1" font_file "${spec}")
  list(APPEND FALLBACK_FONT_FILES "${font_file}")
endforeach()
add_custom_command(
  OUTPUT "${FONT_DIR}/fallback_fonts.cpp"
  COMMAND ${Python3_EXECUTABLE} "${CMAKE_SOURCE_DIR}/cmake/split_fonts.py" "${CMAKE_SOURCE_DIR}/web/fonts"
          "${FONT_DIR}/fallback_fonts.cpp" ${FALLBACK_FONTS}
  DEPENDS ${FALLBACK_FONT_FILES} "${CMAKE_SOURCE_DIR}/cmake/split_fonts.py" "${CMAKE_SOURCE_DIR}/cmake/unicode_ranges.py"
  COMMENT "Splitting the fallback fonts into web/fonts/"
  VERBATIM)

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
set(APP_LINK_OPTIONS
  -sUSE_GLFW=3 -sGL_PREINITIALIZED_CONTEXT=1 -sGL_SUPPORT_AUTOMATIC_ENABLE_EXTENSIONS=0 -sMAX_WEBGL_VERSION=2 -sMIN_WEBGL_VERSION=2 -sALLOW_MEMORY_GROWTH=1
  -sENVIRONMENT=web -sMINIFY_HTML=0 -sEXPORTED_RUNTIME_METHODS=[addRunDependency,removeRunDependency]
  -sEXPORTED_FUNCTIONS=[_main,_malloc]
  -sFILESYSTEM=0 --shell-file "${CMAKE_SOURCE_DIR}/shell.html")
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
