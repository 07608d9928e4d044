# The app layer's tests: src/app compiled natively with Dear ImGui headless
# (no window, no renderer: the font atlas is built, frames are drawn into
# draw lists nobody renders) over the fake platform
# (src/platform/platform_fake.cpp), driven like a person through the widget
# map (tests/app/driver.hpp). Discovered by CTest, one test case per test.
include(cmake/imgui.cmake)
include(cmake/fonts.cmake)  # FALLBACK_FONT_PAGES unset: the fonts' table only, nothing written into web/

file(GLOB APP_SOURCES CONFIGURE_DEPENDS "${CMAKE_SOURCE_DIR}/src/app/*.cpp")
file(GLOB APP_TEST_SOURCES CONFIGURE_DEPENDS "${CMAKE_SOURCE_DIR}/tests/app/*.cpp")
add_executable(app_tests ${APP_SOURCES} "${CMAKE_SOURCE_DIR}/src/platform/platform_fake.cpp" ${APP_TEST_SOURCES}
  "${FONT_DIR}/fonts_data.cpp" "${FONT_DIR}/fallback_fonts.cpp")
target_link_libraries(app_tests PRIVATE core imgui doctest::doctest)
target_include_directories(app_tests PRIVATE "${CMAKE_SOURCE_DIR}/tests")
# The DejaVu fonts stand in for their pages in the tests that serve font files.
target_compile_definitions(app_tests PRIVATE FIXTURES_DIR="${CMAKE_SOURCE_DIR}/tests/fixtures"
  FONT_SANS_FILE="${FONT_SOURCE}" FONT_MONO_FILE="${FONT_MONO_SOURCE}")
target_compile_options(app_tests PRIVATE ${PROJECT_WARNINGS})
doctest_discover_tests(app_tests)
