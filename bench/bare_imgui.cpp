// A bare Dear ImGui page, for scripts/bench only: the same ImGui sources,
// compile definitions, link flags and page template as the app, with ImGui's
// default font and one window of text. bench/first_frame.mjs loads it and the
// app alternately and compares when each draws its first frame.
#include <GLFW/glfw3.h>
#include <emscripten.h>
#include <imgui.h>
#include <imgui_impl_glfw.h>
#include <imgui_impl_opengl3.h>
#include <imgui_internal.h>

namespace {

GLFWwindow* window = nullptr;

void frame() {
  ImGui_ImplOpenGL3_NewFrame();
  ImGui_ImplGlfw_NewFrame();
  ImGui::NewFrame();
  ImGui::Begin("Bare Dear ImGui");
  ImGui::TextUnformatted("A bare page: the default font, one window.");
  ImGui::Button("Send");
  ImGui::End();
  ImGui::Render();
  int width = 0;
  int height = 0;
  glfwGetFramebufferSize(window, &width, &height);
  glViewport(0, 0, width, height);
  glClearColor(0.08f, 0.09f, 0.10f, 1);
  glClear(GL_COLOR_BUFFER_BIT);
  ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
}

}  // namespace

// ImGui is built with IMGUI_ENABLE_TEST_ENGINE for the app's accessibility
// layer. This page never turns the item hooks on (ImGuiContext::TestEngineHookItems
// stays false), so they are never called; they exist for the link only.
void ImGuiTestEngineHook_ItemAdd(ImGuiContext*, ImGuiID, const ImRect&, const ImGuiLastItemData*) {}
void ImGuiTestEngineHook_ItemInfo(ImGuiContext*, ImGuiID, const char*, ImGuiItemStatusFlags) {}
void ImGuiTestEngineHook_Log(ImGuiContext*, const char*, ...) {}
const char* ImGuiTestEngine_FindItemDebugLabel(ImGuiContext*, ImGuiID) { return nullptr; }

int main() {
  EM_ASM(performance.mark("app-main"));
  if (!glfwInit()) return 1;
  glfwWindowHint(GLFW_CONTEXT_VERSION_MAJOR, 3);
  glfwWindowHint(GLFW_CONTEXT_VERSION_MINOR, 0);
  window = glfwCreateWindow(EM_ASM_INT(return Module.canvas.width), EM_ASM_INT(return Module.canvas.height), "Bare",
                            nullptr, nullptr);
  if (window == nullptr) return 1;
  glfwMakeContextCurrent(window);
  ImGui::CreateContext();
  ImGui::GetIO().IniFilename = nullptr;
  ImGui_ImplGlfw_InitForOpenGL(window, true);
  ImGui_ImplOpenGL3_Init("#version 300 es");
  frame();
  EM_ASM(performance.mark("app-first-frame"); if (Module.onFirstFrame) Module.onFirstFrame(););
  emscripten_set_main_loop(frame, 0, true);
  return 0;
}
