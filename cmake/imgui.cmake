# Dear ImGui, from Debian's imgui source package (fetched by scripts/setup
# into .cache/). The web build adds its GLFW and OpenGL 3 backends; the native
# app tests run ImGui headless (no window, no renderer), so they have none.
set(IMGUI_DIR "${CMAKE_SOURCE_DIR}/.cache/imgui-1.90.1" CACHE PATH "Dear ImGui sources")
if(NOT EXISTS "${IMGUI_DIR}/imgui.cpp")
  message(FATAL_ERROR "Dear ImGui sources not found in ${IMGUI_DIR}: run scripts/setup")
endif()

set(IMGUI_SOURCES
  "${IMGUI_DIR}/imgui.cpp" "${IMGUI_DIR}/imgui_draw.cpp" "${IMGUI_DIR}/imgui_tables.cpp"
  "${IMGUI_DIR}/imgui_widgets.cpp" "${IMGUI_DIR}/misc/cpp/imgui_stdlib.cpp")
set(IMGUI_INCLUDE_DIRS "${IMGUI_DIR}")
if(EMSCRIPTEN)
  list(APPEND IMGUI_SOURCES "${IMGUI_DIR}/backends/imgui_impl_glfw.cpp" "${IMGUI_DIR}/backends/imgui_impl_opengl3.cpp")
  list(APPEND IMGUI_INCLUDE_DIRS "${IMGUI_DIR}/backends")
endif()
add_library(imgui STATIC ${IMGUI_SOURCES})
target_include_directories(imgui SYSTEM PUBLIC ${IMGUI_INCLUDE_DIRS})
set_target_properties(imgui PROPERTIES COMPILE_WARNING_AS_ERROR OFF)  # third-party code: its warnings are not ours to fix
# IMGUI_USE_WCHAR32: emoji and other codepoints beyond U+FFFF have glyphs.
# IMGUI_ENABLE_TEST_ENGINE: ImGui reports every item it draws (id, rectangle,
# label, status) to hooks the app implements (src/app/accessibility.cpp): the
# widget map and the accessibility layer come from there.
target_compile_definitions(imgui PUBLIC IMGUI_DISABLE_OBSOLETE_FUNCTIONS IMGUI_DISABLE_DEMO_WINDOWS IMGUI_DISABLE_DEBUG_TOOLS
  IMGUI_DISABLE_FILE_FUNCTIONS IMGUI_USE_WCHAR32 IMGUI_ENABLE_TEST_ENGINE)
