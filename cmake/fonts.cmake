# The app's fonts, made at build time by the font scripts (they need fontTools:
# Debian's python3-fonttools, for /usr/bin/python3; the presets name it).
#   ${FONT_DIR}/fonts_data.cpp      the UI fonts, subset and compiled in
#   ${FONT_DIR}/fallback_fonts.cpp  the table of the fallback font files
# FALLBACK_FONT_PAGES: where the fallback font files are written (the web
# build: web/fonts/); unset, only their table is written (the native tests
# serve no font files, and nothing is written into web/).
find_package(Python3 REQUIRED COMPONENTS Interpreter)
execute_process(COMMAND "${Python3_EXECUTABLE}" -c "import fontTools" RESULT_VARIABLE FONTTOOLS_MISSING OUTPUT_QUIET ERROR_QUIET)
if(FONTTOOLS_MISSING)
  message(FATAL_ERROR "${Python3_EXECUTABLE} has no fontTools: run scripts/setup, or configure with -DPython3_EXECUTABLE=<a python3 that has it>")
endif()

# The UI fonts: DejaVu Sans and Sans Mono from Debian. Compiled into the app
# (no file system, no further download), subset to what the first frame draws
# (app::fonts::first_frame_ranges): ASCII, U+FFFD (the glyph a character
# without one is drawn with, and counted by: snapshot.missing_glyphs), and the
# other characters of the app's own text, found in the string literals of
# src/app and src/core (cmake/ui_characters.py): about 120 glyphs per font.
set(FONT_SOURCE "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")
set(FONT_MONO_SOURCE "/usr/share/fonts/truetype/dejavu/DejaVuSansMono.ttf")
set(FONT_DIR "${CMAKE_BINARY_DIR}/fonts")
set(FONT_FIRST_FRAME_UNICODES "U+0020-007E,U+FFFD")
# The rest of what the two fonts offer the app's data comes as fetched pages
# (the "latin" fallback font below, a sans and a mono file per page): Latin-1,
# punctuation, symbols, Latin Extended-A, Greek, basic Cyrillic, and the
# invisible format characters (zero-width joiners, bidi marks, variation
# selectors after emoji), drawn as empty glyphs rather than U+FFFD.
set(FONT_PAGE_UNICODES "U+00A0-00FF,U+2010-2027,U+2030-203A,U+20AC,U+2122,U+2190-2193,U+21BB,U+2212,U+2022,U+25B2-25BC,U+25CF,U+2713,U+2715,U+26A0,U+0100-017F,U+0370-03FF,U+0400-045F,U+200B-200F,U+2028-202E,U+2060-2064,U+FE00-FE0F,U+FEFF")
# Only what ImGui's rasterizer (stb_truetype) reads: no hinting, no OpenType
# layout or MATH tables (every byte here is in the first-frame download).
set(FONT_COMPILED_IN_OPTIONS --layout-features= --no-hinting --drop-tables+=GSUB,GPOS,GDEF,MATH)
file(GLOB UI_TEXT_SOURCES CONFIGURE_DEPENDS "${CMAKE_SOURCE_DIR}/src/app/*.[ch]pp" "${CMAKE_SOURCE_DIR}/src/core/*.[ch]pp")
add_custom_command(
  OUTPUT "${FONT_DIR}/fonts_data.cpp"
  COMMAND ${CMAKE_COMMAND} -E make_directory "${FONT_DIR}"
  COMMAND ${Python3_EXECUTABLE} "${CMAKE_SOURCE_DIR}/cmake/ui_characters.py" --output "${FONT_DIR}/ui_characters.txt"
          ${UI_TEXT_SOURCES}
  COMMAND ${Python3_EXECUTABLE} -m fontTools.subset "${FONT_SOURCE}" --unicodes=${FONT_FIRST_FRAME_UNICODES}
          --unicodes-file=${FONT_DIR}/ui_characters.txt ${FONT_COMPILED_IN_OPTIONS} --output-file=${FONT_DIR}/ui.ttf
  COMMAND ${Python3_EXECUTABLE} -m fontTools.subset "${FONT_MONO_SOURCE}" --unicodes=${FONT_FIRST_FRAME_UNICODES}
          --unicodes-file=${FONT_DIR}/ui_characters.txt ${FONT_COMPILED_IN_OPTIONS} --output-file=${FONT_DIR}/mono.ttf
  COMMAND ${Python3_EXECUTABLE} "${CMAKE_SOURCE_DIR}/cmake/embed_fonts.py" "${FONT_DIR}/fonts_data.cpp"
          "${FONT_FIRST_FRAME_UNICODES},@${FONT_DIR}/ui_characters.txt" "ui=${FONT_DIR}/ui.ttf" "mono=${FONT_DIR}/mono.ttf"
  DEPENDS "${FONT_SOURCE}" "${FONT_MONO_SOURCE}" "${CMAKE_SOURCE_DIR}/cmake/embed_fonts.py"
          "${CMAKE_SOURCE_DIR}/cmake/ui_characters.py" "${CMAKE_SOURCE_DIR}/cmake/unicode_ranges.py" ${UI_TEXT_SOURCES}
  COMMENT "Subsetting and embedding the UI fonts")

# The fallback fonts, fetched only when text needs them: split into page files
# (see cmake/split_fonts.py), in priority order: DejaVu's own pages first
# (Symbola overlaps them in U+2000-2BFF), each with a DejaVu Sans Mono file for
# the monospace font. Licences: DejaVu (free, Bitstream Vera terms),
# Noto Sans (OFL 1.1), Nanum Gothic (OFL 1.1), Droid Sans Fallback (Apache 2.0),
# Symbola (free for any use). Droid Sans Fallback has no Hangul syllables.
set(NOTO_DIR "/usr/share/fonts/truetype/noto")
set(FALLBACK_FONTS
  "latin:Latin, Greek and Cyrillic:${FONT_SOURCE}:${FONT_PAGE_UNICODES}:${FONT_MONO_SOURCE}"
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
  if(spec MATCHES "^[^:]*:[^:]*:[^:]*:[^:]*:([^:]+)$")
    list(APPEND FALLBACK_FONT_FILES "${CMAKE_MATCH_1}")
  endif()
endforeach()
if(DEFINED FALLBACK_FONT_PAGES)
  set(FALLBACK_FONT_OUT "${FALLBACK_FONT_PAGES}")
  set(FALLBACK_FONT_COMMENT "Splitting the fallback fonts into ${FALLBACK_FONT_PAGES}/")
else()
  set(FALLBACK_FONT_OUT "--manifest-only")
  set(FALLBACK_FONT_COMMENT "Listing the fallback font files (no files written)")
endif()
add_custom_command(
  OUTPUT "${FONT_DIR}/fallback_fonts.cpp"
  COMMAND ${Python3_EXECUTABLE} "${CMAKE_SOURCE_DIR}/cmake/split_fonts.py" "${FALLBACK_FONT_OUT}"
          "${FONT_DIR}/fallback_fonts.cpp" ${FALLBACK_FONTS}
  DEPENDS ${FALLBACK_FONT_FILES} "${CMAKE_SOURCE_DIR}/cmake/split_fonts.py" "${CMAKE_SOURCE_DIR}/cmake/unicode_ranges.py"
  COMMENT "${FALLBACK_FONT_COMMENT}"
  VERBATIM)
