// Window, GL context and main loop: sets up GLFW + WebGL2 + Dear ImGui, keeps
// the canvas at device resolution, routes the page's text, clipboard and
// input-method position to ImGui, and runs one App frame per animation frame.
#include <cfloat>
#include <cmath>
#include <cstdio>
#include <string>

#include <GLFW/glfw3.h>
#include <emscripten.h>
#include <imgui.h>
#include <imgui_impl_glfw.h>
#include <imgui_impl_opengl3.h>
#include <imgui_internal.h>

#include "app/accessibility.hpp"
#include "app/app.hpp"
#include "app/glyph_atlas.hpp"
#include "app/theme.hpp"
#include "core/kinetic_scroll.hpp"
#include "core/layout.hpp"
#include "platform/platform.hpp"

namespace {

struct Runtime {
  GLFWwindow* window = nullptr;
  app::App* app = nullptr;
  float pixel_ratio = 0;
  int width = 0;  // canvas backing store, device pixels
  int height = 0;
  long frame = 0;
  double last_activity = 0;    // glfwGetTime() of the last input or arrival
  double atlas_ms = 0;         // the last font atlas rebuild: rasterize and upload (after the first frame)
  core::KineticScroll scroll;  // a finger's drag, and the glide after it
  double glide_time = 0;       // glfwGetTime() of the last glide step
  int frames_since_activity = 0;
  bool drawing = false;  // inside frame(): a browser event during it must not draw again
};

// How long frames go on after the last activity: ImGui needs a few frames to
// settle (hover, layout, tooltips) before the screen stops changing. Both
// bounds hold: on a slow machine, or in an engine whose first animation frame
// comes late (WebKit), the time can pass before the frames are drawn.
constexpr double kSettleSeconds = 0.75;
constexpr int kSettleFrames = 3;
// Frames drawn inside a gesture's event at most (a press, its release, the action).
constexpr int kGestureFrames = 3;

Runtime& runtime() {
  static Runtime rt;
  return rt;
}

// Follows the page: the canvas backing store tracks its CSS size times the
// device pixel ratio; fonts and style follow the ratio and the theme, and the
// font atlas takes the glyphs of text noted since the last frame.
void follow_viewport(Runtime& rt) {
  const platform::Viewport vp = platform::viewport();
  const int width = static_cast<int>(std::lround(vp.css_width * vp.pixel_ratio));
  const int height = static_cast<int>(std::lround(vp.css_height * vp.pixel_ratio));
  if (width != rt.width || height != rt.height) {
    // Not glfwSetWindowSize: Emscripten's GLFW asks for fullscreen when the
    // size equals the screen's.
    platform::resize_canvas(width, height);
    rt.width = width;
    rt.height = height;
  }
  rt.pixel_ratio = vp.pixel_ratio;
  const core::Layout& layout =
      rt.app->arrange(static_cast<float>(vp.css_width), static_cast<float>(vp.css_height), platform::coarse_pointer());
  app::apply_theme(rt.pixel_ratio, rt.app->dark_theme(), {.font_px = layout.font_px, .target_px = layout.target_px});
  const double started = emscripten_get_now();
  // Before the first frame the renderer has no texture yet: its first
  // NewFrame creates it from the atlas, so it is uploaded once.
  const bool rebuilt = app::glyphs::update(layout.font_px * rt.pixel_ratio);
  if (rebuilt && rt.frame > 0) {
    ImGui_ImplOpenGL3_DestroyFontsTexture();
    ImGui_ImplOpenGL3_CreateFontsTexture();
  }
  if (rebuilt) rt.atlas_ms = emscripten_get_now() - started;
  for (const std::string& notice : app::glyphs::take_notices()) rt.app->show_notice(notice);
}

// The browser draws the cursor: GLFW's cursor modes would ask for pointer lock.
void follow_mouse_cursor() {
  static ImGuiMouseCursor shown = ImGuiMouseCursor_COUNT;
  const ImGuiMouseCursor cursor = ImGui::GetMouseCursor();
  if (cursor == shown) return;
  shown = cursor;
  switch (cursor) {
    case ImGuiMouseCursor_None: platform::set_cursor("none"); break;
    case ImGuiMouseCursor_TextInput: platform::set_cursor("text"); break;
    case ImGuiMouseCursor_ResizeAll: platform::set_cursor("move"); break;
    case ImGuiMouseCursor_ResizeNS: platform::set_cursor("ns-resize"); break;
    case ImGuiMouseCursor_ResizeEW: platform::set_cursor("ew-resize"); break;
    case ImGuiMouseCursor_ResizeNESW: platform::set_cursor("nesw-resize"); break;
    case ImGuiMouseCursor_ResizeNWSE: platform::set_cursor("nwse-resize"); break;
    case ImGuiMouseCursor_Hand: platform::set_cursor("pointer"); break;
    case ImGuiMouseCursor_NotAllowed: platform::set_cursor("not-allowed"); break;
    default: platform::set_cursor("default"); break;
  }
}

// A finger's movement as mouse-wheel steps: ImGui scrolls the window under
// the pointer by 5 lines per vertical step and 2 per horizontal one.
void scroll_by(float dx, float dy) {
  if (dx == 0 && dy == 0) return;
  const float line = ImGui::GetFontSize();
  if (line <= 0) return;
  ImGui::GetIO().AddMouseWheelEvent(dx / (2 * line), dy / (5 * line));
}

// Taps click; drags scroll what is under the finger (lists, the result table
// under its header, JSON views), gliding on after a flick.
void on_touch(const platform::TouchEvent& touch) {
  Runtime& rt = runtime();
  ImGuiIO& io = ImGui::GetIO();
  const float ratio = rt.pixel_ratio > 0 ? rt.pixel_ratio : 1.0f;
  io.AddMouseSourceEvent(ImGuiMouseSource_TouchScreen);
  switch (touch.kind) {
    case platform::TouchKind::Down:
      rt.scroll.press();
      io.AddMousePosEvent(touch.x * ratio, touch.y * ratio);
      break;
    case platform::TouchKind::Tap:
      io.AddMousePosEvent(touch.x * ratio, touch.y * ratio);
      io.AddMouseButtonEvent(ImGuiMouseButton_Left, true);
      io.AddMouseButtonEvent(ImGuiMouseButton_Left, false);
      // A finger that lifted hovers nothing: the next tap, even on the same
      // spot, arrives as a new pointer (ImGui then lets it hover a frame first).
      io.AddMousePosEvent(-FLT_MAX, -FLT_MAX);
      break;
    case platform::TouchKind::Drag: {
      const core::Vec2f moved = rt.scroll.drag({touch.dx * ratio, touch.dy * ratio}, touch.seconds);
      scroll_by(moved.x, moved.y);
      break;
    }
    case platform::TouchKind::Lift:
      rt.scroll.release(touch.seconds);
      rt.glide_time = glfwGetTime();
      break;
  }
}

void glide(Runtime& rt) {
  if (!rt.scroll.gliding()) return;
  const double now = glfwGetTime();
  const core::Vec2f moved = rt.scroll.step(static_cast<float>(now - rt.glide_time));
  rt.glide_time = now;
  ImGui::GetIO().AddMouseSourceEvent(ImGuiMouseSource_TouchScreen);
  scroll_by(moved.x, moved.y);
}

// The renderer's shaders and font texture, made after the first frame is
// laid out rather than before: the page has been compiling those shaders
// since it started (shell.html), and the app's own work of that frame
// overlaps the compile. The draw commands laid out before the texture
// existed name none yet: they get the font texture, the only one.
void create_renderer_objects() {
  ImGui_ImplOpenGL3_NewFrame();
  const ImTextureID font_texture = ImGui::GetIO().Fonts->TexID;
  for (ImDrawList* list : ImGui::GetDrawData()->CmdLists) {
    for (ImDrawCmd& command : list->CmdBuffer) {
      if (command.TextureId == ImTextureID{}) command.TextureId = font_texture;
    }
  }
}

// What the app shows and where its widgets are, for browser tests (read on demand).
std::string app_state_text(const Runtime& rt) {
  app::SnapshotJson snapshot = rt.app->snapshot();
  // Characters drawn without a glyph since the last answer arrived (most in one frame).
  snapshot.set("missing_glyphs", app::glyphs::missing_glyphs());
  app::SnapshotJson fonts = app::glyphs::fonts_snapshot();
  fonts.set("atlas_ms", rt.atlas_ms);
  snapshot.set("fonts", std::move(fonts));
  const app::SnapshotJson state = {
      {"ready", rt.frame >= 2},
      {"frame", rt.frame},
      // Input events ImGui has not taken yet (it takes typed text one character per frame).
      {"inputPending", GImGui->InputEventsQueue.Size},
      {"pixelRatio", rt.pixel_ratio},
      {"viewport", {{"width", rt.width / rt.pixel_ratio}, {"height", rt.height / rt.pixel_ratio}}},
      {"widgets", app::a11y::widgets_json(rt.pixel_ratio)},
      // Where ImGui's keyboard focus is (the node id of the accessibility layer) and whether its ring shows.
      {"keyboardFocus",
       {{"id", GImGui->NavId},
        {"ring", GImGui->NavId != 0 && !GImGui->NavDisableHighlight},
        {"window", GImGui->NavWindow ? GImGui->NavWindow->Name : ""},
        {"active", GImGui->ActiveId}}},
      {"snapshot", std::move(snapshot)}};
  return state.text();
}

// An idle page draws nothing: no input (nor any still queued: ImGui takes
// fast typing over several frames), no answer pending, nothing moving.
bool should_draw(Runtime& rt) {
  const double now = glfwGetTime();
  const bool input_queued = GImGui->InputEventsQueue.Size > 0;
  // Frames go on for a settle time and a number of frames after the last activity, whichever ends
  // later: on a busy machine (or a slow engine) the first frames take longer than the settle time,
  // and the page would otherwise wait for input before it is ready.
  if (platform::take_activity() || input_queued || rt.app->animating() || rt.scroll.gliding()) {
    rt.last_activity = now;
    rt.frames_since_activity = 0;
  }
  return now - rt.last_activity < kSettleSeconds || rt.frames_since_activity < kSettleFrames;
}

void frame(void* arg) {
  Runtime& rt = *static_cast<Runtime*>(arg);
  if (rt.drawing) return;
  // Typing paused: its saved copy catches up, drawn or not (a refusal is shown).
  if (rt.app->write_due_saves()) {
    rt.last_activity = glfwGetTime();
    rt.frames_since_activity = 0;
  }
  if (!should_draw(rt)) return;
  rt.drawing = true;
  const double started = emscripten_get_now();
  follow_viewport(rt);
  glide(rt);
  const bool first = rt.frame == 0;
  if (!first) ImGui_ImplOpenGL3_NewFrame();
  ImGui_ImplGlfw_NewFrame();
  ImGuiIO& io = ImGui::GetIO();
  io.DisplaySize = ImVec2(static_cast<float>(rt.width), static_cast<float>(rt.height));
  io.DisplayFramebufferScale = ImVec2(1, 1);
  app::a11y::begin_frame();
  ImGui::NewFrame();
  rt.app->draw();
  ImGui::Render();
  if (first) {
    platform::mark_timeline("app-first-layout");
    create_renderer_objects();
    app::a11y::defer_frame();
  } else {
    app::a11y::end_frame(rt.pixel_ratio);
  }
  const ImVec4 background = ImGui::GetStyle().Colors[ImGuiCol_WindowBg];
  glViewport(0, 0, rt.width, rt.height);
  glClearColor(background.x, background.y, background.z, 1);
  glClear(GL_COLOR_BUFFER_BIT);
  ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
  app::glyphs::count_missing(*ImGui::GetDrawData());
  follow_mouse_cursor();
  ++rt.frame;
  ++rt.frames_since_activity;
  platform::publish_frame_time(emscripten_get_now() - started, app::a11y::last_cost_ms());
  platform::frame_drawn(rt.frame);
  if (rt.frame == 2) platform::mark_timeline("app-ready");
  rt.drawing = false;
}

// Inside the browser event of a person's click, tap or key press: the app
// takes it at once rather than in the next animation frame, so a copy to
// the clipboard it causes is part of the gesture (WebKit refuses it later).
// ImGui takes a press and its release in successive frames: a few frames,
// while events wait.
void take_gesture() {
  Runtime& rt = runtime();
  if (rt.drawing || rt.app == nullptr) return;
  for (int i = 0; i < kGestureFrames; ++i) {
    if (i > 0 && GImGui->InputEventsQueue.Size == 0) break;
    rt.last_activity = glfwGetTime();
    rt.frames_since_activity = 0;
    frame(&rt);
  }
}

// Text, clipboard and the input-method position go through the platform:
// Emscripten's GLFW sees neither the system clipboard nor composed text.
void connect_text_io(GLFWwindow* window) {
  glfwSetCharCallback(window, nullptr);
  platform::start([](const char* utf8, std::uint32_t node) {
    app::glyphs::note_text(utf8);
    app::a11y::type_text(utf8, node);
  });
  ImGuiIO& io = ImGui::GetIO();
  io.ConfigMacOSXBehaviors = platform::is_apple();
  io.SetClipboardTextFn = [](void*, const char* text) { platform::copy_to_clipboard(text); };
  io.GetClipboardTextFn = [](void*) {
    app::glyphs::note_text(platform::clipboard_text());
    return platform::clipboard_text().c_str();
  };
  io.SetPlatformImeDataFn = [](ImGuiViewport*, ImGuiPlatformImeData* data) {
    const float ratio = runtime().pixel_ratio > 0 ? runtime().pixel_ratio : 1.0f;
    platform::set_text_input_area(data->WantVisible, data->InputPos.x / ratio, data->InputPos.y / ratio,
                                  data->InputLineHeight / ratio);
  };
}

}  // namespace

int main() {
  platform::mark_timeline("app-main");
  if (!glfwInit()) {
    std::fprintf(stderr, "GLFW could not start\n");
    return 1;
  }
  glfwWindowHint(GLFW_CONTEXT_VERSION_MAJOR, 3);
  glfwWindowHint(GLFW_CONTEXT_VERSION_MINOR, 0);
  Runtime& rt = runtime();
  const platform::Viewport vp = platform::viewport();
  // At the canvas's device-pixel size, as the page sized it: no resize to start with.
  rt.window = glfwCreateWindow(static_cast<int>(std::lround(vp.css_width * vp.pixel_ratio)),
                               static_cast<int>(std::lround(vp.css_height * vp.pixel_ratio)), "CRUD Workbench", nullptr,
                               nullptr);
  if (rt.window == nullptr) {
    std::fprintf(stderr, "WebGL2 is not available in this browser\n");
    return 1;
  }
  glfwMakeContextCurrent(rt.window);

  IMGUI_CHECKVERSION();
  ImGui::CreateContext();
  ImGuiIO& io = ImGui::GetIO();
  io.IniFilename = nullptr;
  io.ConfigFlags |= ImGuiConfigFlags_NoMouseCursorChange;
  // The keyboard reaches every item: Enter and Space press, arrows move, Esc
  // closes; Tab is the page's (the accessibility layer's nodes, in reading order).
  io.ConfigFlags |= ImGuiConfigFlags_NavEnableKeyboard;
  // A blinking caret would keep an idle page drawing.
  io.ConfigInputTextCursorBlink = false;
  ImGui_ImplGlfw_InitForOpenGL(rt.window, true);
  ImGui_ImplOpenGL3_Init("#version 300 es");
  connect_text_io(rt.window);
  app::a11y::install();
  platform::start_touch(on_touch);
  platform::on_user_gesture(take_gesture);

  static app::App app;
  rt.app = &app;
  platform::serve_app_state([&rt] { return app_state_text(rt); });
  // The first frame is drawn at once rather than on the next animation frame.
  rt.last_activity = glfwGetTime();
  frame(&rt);
  platform::mark_timeline("app-first-frame");
  // The settling frames count from the end of the first one: on a busy
  // machine the first frame alone can outlast them, and the page would stop
  // before it is ready.
  rt.last_activity = glfwGetTime();
  emscripten_set_main_loop_arg(frame, &rt, 0, true);
  return 0;
}
