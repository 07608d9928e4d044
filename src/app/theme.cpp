#include "app/theme.hpp"

#include <algorithm>

namespace app {
namespace {

// Sizes in CSS px for the current layout (core::decide_layout): text, and
// the least size of a touch target (0 with a mouse).
float font_px = 15.0f;
float target_px = 0.0f;
float applied_ratio = 0;

const Palette kDarkPalette{
    .success = {0.45f, 0.85f, 0.45f, 1},
    .error = {0.98f, 0.50f, 0.45f, 1},
    .warning = {0.95f, 0.78f, 0.35f, 1},
    .muted = {0.60f, 0.63f, 0.67f, 1},
    .accent = {0.16f, 0.45f, 0.82f, 1},
    .accent_hover = {0.22f, 0.53f, 0.90f, 1},
    .header_bg = {0.11f, 0.12f, 0.14f, 1},
};

const Palette kLightPalette{
    .success = {0.10f, 0.52f, 0.18f, 1},
    .error = {0.78f, 0.16f, 0.12f, 1},
    .warning = {0.62f, 0.42f, 0.00f, 1},
    .muted = {0.38f, 0.40f, 0.44f, 1},
    .accent = {0.10f, 0.40f, 0.80f, 1},
    .accent_hover = {0.16f, 0.48f, 0.88f, 1},
    .header_bg = {0.90f, 0.91f, 0.93f, 1},
};

bool dark_theme = true;

void build_style(float pixel_ratio, bool dark) {
  ImGuiStyle style;
  if (dark) {
    ImGui::StyleColorsDark(&style);
    style.Colors[ImGuiCol_WindowBg] = ImVec4(0.08f, 0.09f, 0.10f, 1);
    style.Colors[ImGuiCol_ChildBg] = ImVec4(0, 0, 0, 0);
    style.Colors[ImGuiCol_FrameBg] = ImVec4(0.12f, 0.13f, 0.15f, 1);
    style.Colors[ImGuiCol_FrameBgHovered] = ImVec4(0.16f, 0.18f, 0.21f, 1);
    style.Colors[ImGuiCol_FrameBgActive] = ImVec4(0.18f, 0.21f, 0.25f, 1);
    style.Colors[ImGuiCol_Border] = ImVec4(0.24f, 0.26f, 0.30f, 1);
  } else {
    ImGui::StyleColorsLight(&style);
    style.Colors[ImGuiCol_WindowBg] = ImVec4(0.97f, 0.97f, 0.98f, 1);
    style.Colors[ImGuiCol_FrameBg] = ImVec4(1, 1, 1, 1);
    style.Colors[ImGuiCol_Border] = ImVec4(0.75f, 0.77f, 0.80f, 1);
  }
  // The keyboard's focus ring: amber, so it shows around the blue buttons too.
  style.Colors[ImGuiCol_NavHighlight] = dark ? ImVec4(1.0f, 0.72f, 0.22f, 1) : ImVec4(0.80f, 0.36f, 0.0f, 1);
  style.FrameBorderSize = 1;
  style.WindowRounding = 0;
  style.ChildRounding = 0;
  style.FrameRounding = 4;
  style.PopupRounding = 4;
  style.TabRounding = 4;
  style.GrabRounding = 3;
  style.WindowPadding = ImVec2(10, 10);
  style.FramePadding = ImVec2(8, 5);
  style.ItemSpacing = ImVec2(8, 6);
  style.ScrollbarSize = 12;
  if (target_px > 0) {
    // A finger needs frames, rows and checkboxes target_px high (frame height
    // = text + 2 * padding), and room between them.
    const float pad = std::max(5.0f, (target_px - font_px) * 0.5f);
    style.FramePadding = ImVec2(12, pad);
    style.CellPadding = ImVec2(6, 4);
    style.ItemSpacing = ImVec2(8, 8);
    style.ScrollbarSize = 6;  // a drag scrolls; the bar only shows where one is
    style.TouchExtraPadding = ImVec2(2, 2);
    style.SelectableTextAlign = ImVec2(0, 0.5f);
  }
  style.ScaleAllSizes(pixel_ratio);
  ImGui::GetStyle() = style;
}

}  // namespace

void apply_theme(float pixel_ratio, bool dark, const ThemeSizes& sizes) {
  static bool applied_dark = false;
  static float applied_target = -1;
  if (pixel_ratio == applied_ratio && sizes.font_px == font_px && dark == applied_dark &&
      sizes.target_px == applied_target) {
    return;
  }
  font_px = sizes.font_px;
  target_px = sizes.target_px;
  applied_target = sizes.target_px;
  build_style(pixel_ratio, dark);
  applied_ratio = pixel_ratio;
  applied_dark = dark;
  dark_theme = dark;
}

const char* page_background_css(bool dark) { return dark ? "#14171a" : "#f7f7fa"; }

float touch_target() { return target_px * applied_ratio; }

const Palette& palette() { return dark_theme ? kDarkPalette : kLightPalette; }

}  // namespace app
