#include "app/theme.hpp"

#include <imgui.h>

namespace app {
namespace {

constexpr float kFontSize = 15.0f;

// The scripts the embedded font subset covers (see cmake/web_app.cmake).
const ImWchar kGlyphRanges[] = {
    0x0020, 0x007E, 0x00A0, 0x024F, 0x0370, 0x03FF, 0x0400, 0x04FF, 0x2010, 0x205E,
    0x20AC, 0x20AC, 0x2190, 0x21FF, 0x2200, 0x22FF, 0x2500, 0x25FF, 0,
};

}  // namespace

void apply_theme(float pixel_ratio) {
  ImGuiIO& io = ImGui::GetIO();
  io.Fonts->Clear();
  ImFontConfig config;
  config.OversampleH = 2;
  io.Fonts->AddFontFromFileTTF("/fonts/ui.ttf", kFontSize * pixel_ratio, &config, kGlyphRanges);
  io.Fonts->AddFontFromFileTTF("/fonts/mono.ttf", kFontSize * pixel_ratio, &config, kGlyphRanges);
  io.Fonts->Build();

  ImGuiStyle style;
  ImGui::StyleColorsDark(&style);
  style.WindowRounding = 0;
  style.FrameRounding = 4;
  style.FramePadding = ImVec2(8, 5);
  style.ItemSpacing = ImVec2(8, 6);
  style.ScaleAllSizes(pixel_ratio);
  ImGui::GetStyle() = style;
}

}  // namespace app
