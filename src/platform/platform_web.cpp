// Browser implementation of platform.hpp (Emscripten). Strings cross into
// C++ on the heap (allocateUTF8; a large body would overflow the stack) and
// are freed here; lengths travel with them, so text holding NUL survives.
#include "platform/platform.hpp"

#include <emscripten.h>
#include <emscripten/html5.h>
#include <GLES3/gl3.h>

#include <algorithm>
#include <cstdlib>
#include <map>
#include <utility>

#include "core/json_value.hpp"

namespace {

std::map<platform::RequestId, platform::ResponseHandler>& pending_requests() {
  static std::map<platform::RequestId, platform::ResponseHandler> handlers;
  return handlers;
}

std::map<int, std::function<void(const platform::OpenedFile&)>>& pending_files() {
  static std::map<int, std::function<void(const platform::OpenedFile&)>> handlers;
  return handlers;
}

std::map<int, std::function<void(platform::StaticFile&)>>& pending_static_files() {
  static std::map<int, std::function<void(platform::StaticFile&)>> handlers;
  return handlers;
}

struct AccessibilityHandlers {
  std::function<void(std::uint32_t)> on_focus;
  std::function<void(std::uint32_t)> on_press;
};

AccessibilityHandlers& accessibility_handlers() {
  static AccessibilityHandlers handlers;
  return handlers;
}

std::function<void()>& gesture_handler() {
  static std::function<void()> handler;
  return handler;
}

std::function<void(const platform::TouchEvent&)>& touch_handler() {
  static std::function<void(const platform::TouchEvent&)> handler;
  return handler;
}

std::optional<platform::Pinch>& pending_pinch() {
  static std::optional<platform::Pinch> pinch;
  return pinch;
}

std::function<void(const char*)>& text_handler() {
  static std::function<void(const char*)> handler;
  return handler;
}

bool& activity() {
  static bool happened = true;
  return happened;
}

std::string& clipboard() {
  static std::string text;
  return text;
}

std::function<std::string()>& app_state_builder() {
  static std::function<std::string()> build;
  return build;
}

std::vector<std::string>& storage_changes() {
  static std::vector<std::string> keys;
  return keys;
}

std::optional<std::string>& fragment_change() {
  static std::optional<std::string> fragment;
  return fragment;
}

core::HeaderList parse_headers(const char* json_text) {
  core::HeaderList headers;
  const auto parsed = core::parse_json(json_text);
  if (!parsed || !parsed.value->is_object()) return headers;
  for (const auto& [name, value] : parsed.value->object) {
    if (value.is_string()) headers.emplace_back(name, value.text);
  }
  return headers;
}

// Takes ownership of a string allocated by allocateUTF8.
std::string take_string(char* text, std::size_t length) {
  std::string out(text, length);
  std::free(text);
  return out;
}

std::string take_string(char* text) { return take_string(text, std::char_traits<char>::length(text)); }

}  // namespace

// A network failure gets a second, CORS-free GET of the same URL: its opaque
// answer proves the server is up even though the browser hid the first one.
// A GET, so that a probe never repeats the operation.
EM_JS(void, js_http_send, (int id, const char* method, const char* url, const char* headers_json,
                           const char* body, int timeout_ms), {
  const target = UTF8ToString(url);
  const finish = (status, headers, text, error, elapsed, reachable) => {
    delete Module.httpRequests[id];
    _platform_http_done(id, status, allocateUTF8(JSON.stringify(headers)), allocateUTF8(text), lengthBytesUTF8(text),
                        allocateUTF8(error), elapsed, reachable ? 1 : 0);
  };
  const probe = () => {
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), 5000);
    return fetch(target, { method: "GET", mode: "no-cors", cache: "no-store", credentials: "omit",
                           signal: controller.signal })
      .then(() => true, () => false)
      .finally(() => clearTimeout(timer));
  };
  Module.httpRequests = Module.httpRequests || {};
  const controller = new AbortController();
  const entry = { controller: controller, reason: "" };
  Module.httpRequests[id] = entry;
  const started = performance.now();
  const timer = timeout_ms > 0 ? setTimeout(() => { entry.reason = "timeout"; controller.abort(); }, timeout_ms) : 0;
  const init = { method: UTF8ToString(method), headers: JSON.parse(UTF8ToString(headers_json)),
                 signal: controller.signal, mode: "cors", cache: "no-store" };
  if (init.method !== "GET") init.body = UTF8ToString(body);
  fetch(target, init)
    .then((response) => response.text().then((text) => {
      clearTimeout(timer);
      const headers = {};
      response.headers.forEach((value, name) => { headers[name] = value; });
      finish(response.status, headers, text, "", performance.now() - started, true);
    }))
    .catch((error) => {
      clearTimeout(timer);
      const elapsed = performance.now() - started;
      if (entry.reason) {
        finish(0, {}, "", entry.reason === "timeout" ? "timeout" : "cancelled", elapsed, false);
        return;
      }
      const reason = "network: " + (error && error.message ? error.message : String(error));
      probe().then((reachable) => finish(0, {}, "", entry.reason === "cancel" ? "cancelled" : reason, elapsed,
                                         reachable));
    });
});

// The bytes are copied into the wasm heap (freed by platform_static_file_done).
EM_JS(void, js_fetch_static_file, (int id, const char* path), {
  const done = (status, bytes) => {
    let pointer = 0;
    if (bytes && bytes.length) {
      pointer = _malloc(bytes.length);
      HEAPU8.set(bytes, pointer);
    }
    _platform_static_file_done(id, status, pointer, bytes ? bytes.length : 0);
  };
  fetch(UTF8ToString(path), { credentials: "same-origin" })
    .then((response) => response.ok ? response.arrayBuffer().then((buffer) => done(response.status, new Uint8Array(buffer)))
                                    : done(response.status, null))
    .catch(() => done(0, null));
});

EM_JS(void, js_http_cancel, (int id), {
  const entry = Module.httpRequests && Module.httpRequests[id];
  if (entry) { entry.reason = "cancel"; entry.controller.abort(); }
});

EM_JS(char*, js_default_endpoint, (), {
  const fromConfig = Module.appConfig && Module.appConfig.endpoint;
  const local = ["127.0.0.1", "localhost", "[::1]"].includes(location.hostname);
  return allocateUTF8(fromConfig || (local ? "http://127.0.0.1:3000/prod/DynamoDBManager" : ""));
});

EM_JS(char*, js_site_config_json, (), { return allocateUTF8(JSON.stringify(Module.appConfig || {})); });

EM_JS(int, js_css_width, (), { return Math.max(1, Math.round(Module.canvas.getBoundingClientRect().width)); });
EM_JS(int, js_css_height, (), { return Math.max(1, Math.round(Module.canvas.getBoundingClientRect().height)); });
EM_JS(double, js_pixel_ratio, (), { return window.devicePixelRatio || 1; });

EM_JS(void, js_set_cursor, (const char* name), {
  Module.canvas.style.cursor = UTF8ToString(name);
  if (Module.a11yCursor) Module.a11yCursor(UTF8ToString(name));
});

// window.__app is parsed from the app's JSON when read, once per drawn frame.
EM_JS(void, js_serve_app_state, (), {
  let cached;
  let cachedFrame = 0;
  Object.defineProperty(window, '__app', {
    configurable: true,
    get: () => {
      if (!Module.appFrame) return undefined;
      if (cachedFrame !== Module.appFrame) {
        cached = JSON.parse(UTF8ToString(_platform_app_state()));
        cachedFrame = Module.appFrame;
      }
      cached.frameTimes = Module.frameTimes || [];
      cached.a11yTimes = Module.a11yTimes || [];
      cached.frameMs = cached.frameTimes.length ? cached.frameTimes[cached.frameTimes.length - 1] : 0;
      return cached;
    },
  });
});

EM_JS(void, js_frame_drawn, (int frame), {
  Module.appFrame = frame;
  if (Module.onFirstFrame) { Module.onFirstFrame(); Module.onFirstFrame = null; }
});

EM_JS(void, js_set_page_title, (const char* title), { document.title = UTF8ToString(title); });

EM_JS(char*, js_page_origin, (), { return allocateUTF8(location.origin); });

EM_JS(char*, js_page_url, (), { return allocateUTF8(location.href.split("#")[0]); });

// A ring of the last 240 frames: cheap to keep, enough for a benchmark's window.
EM_JS(void, js_publish_frame_time, (double ms, double a11y_ms), {
  const times = Module.frameTimes || (Module.frameTimes = []);
  const a11y = Module.a11yTimes || (Module.a11yTimes = []);
  times.push(ms);
  a11y.push(a11y_ms);
  if (times.length > 240) { times.shift(); a11y.shift(); }
});

EM_JS(void, js_mark_timeline, (const char* name), {
  if (window.performance && performance.mark) performance.mark(UTF8ToString(name));
});

EM_JS(int, js_prefers_dark, (), {
  return window.matchMedia && window.matchMedia("(prefers-color-scheme: dark)").matches ? 1 : 0;
});

EM_JS(void, js_set_page_theme, (int dark, const char* background), {
  document.documentElement.style.colorScheme = dark ? "dark" : "light";
  document.body.style.background = UTF8ToString(background);
});

EM_JS(int, js_is_apple, (), {
  return /Mac|iPhone|iPad|iPod/.test(navigator.platform || navigator.userAgent) ? 1 : 0;
});

// The hidden text field that receives typed text while the canvas is used.
// Key events still reach GLFW (it listens on the window); only text is taken
// from here: "insertText" (keys, dead keys, automation) and composition ends
// (input methods). Pastes are kept for ImGui's Ctrl+V on the next frame.
EM_JS(void, js_start, (int apple), {
  const field = document.createElement("textarea");
  field.id = "text-input";
  field.setAttribute("aria-label", "Text input");
  field.setAttribute("tabindex", "-1");
  field.setAttribute("autocomplete", "off");
  field.setAttribute("autocorrect", "off");
  field.setAttribute("autocapitalize", "off");
  field.setAttribute("spellcheck", "false");
  field.setAttribute("inputmode", "none");
  field.style.cssText = "position:fixed;left:0;top:0;width:1px;height:16px;padding:0;border:0;margin:0;" +
                        "opacity:0;pointer-events:none;resize:none;overflow:hidden;font-size:16px;";
  document.body.appendChild(field);
  Module.textInput = field;
  const focus = () => { if (document.activeElement !== field) field.focus({ preventScroll: true }); };
  const send = (text) => {
    if (!text) return;
    const p = allocateUTF8(text);
    _platform_text_input(p);
  };
  // Typed text from a text element (this field, or a text-field node of the
  // accessibility layer) goes to the app; the element itself stays empty.
  Module.takeTextFrom = (element) => {
    let composing = false;
    element.addEventListener("compositionstart", () => { composing = true; });
    element.addEventListener("compositionend", (e) => { composing = false; send(e.data); element.value = ""; });
    element.addEventListener("input", (e) => {
      if (composing || e.isComposing) return;
      if (e.inputType === "insertText" || e.inputType === "insertReplacementText") send(e.data);
      element.value = "";
    });
    element.addEventListener("paste", (e) => {
      e.preventDefault();
      const text = e.clipboardData ? e.clipboardData.getData("text/plain") : "";
      _platform_clipboard_pasted(allocateUTF8(text), lengthBytesUTF8(text));
    });
  };
  Module.takeTextFrom(field);
  // Keep the keyboard focus on the field; mousedown's default would move it to the canvas.
  Module.canvas.addEventListener("mousedown", (e) => { e.preventDefault(); focus(); }, true);
  Module.canvas.addEventListener("touchend", focus, true);
  window.addEventListener("focus", () => { if (!Module.a11yRoot || !Module.a11yRoot.contains(document.activeElement)) focus(); });
  focus();
  // macOS sends no keyup for keys released while Cmd is down: release them all with Cmd.
  if (apple) {
    window.addEventListener("keyup", (e) => { if (e.key === "Meta") window.dispatchEvent(new Event("blur")); });
  }
  const wake = () => { _platform_wake(); };
  for (const type of ["keydown", "keyup", "mousemove", "mousedown", "mouseup", "wheel", "touchstart", "touchmove",
                      "touchend", "resize", "focus", "blur", "paste", "input", "compositionend", "focusin", "click"]) {
    window.addEventListener(type, wake, { capture: true, passive: true });
  }
  // Another tab of this site wrote to storage (a tab is not told of its own writes).
  window.addEventListener("storage", (e) => {
    if (e.storageArea !== null && e.storageArea !== window.localStorage) return;
    _platform_storage_changed(allocateUTF8(e.key === null ? "" : e.key));
  });
  window.addEventListener("hashchange", () => {
    _platform_fragment_changed(allocateUTF8(location.hash.replace(/^#/, "")));
  });
});

EM_JS(int, js_coarse_pointer, (), {
  return (window.matchMedia && window.matchMedia("(pointer: coarse)").matches) || Module.sawTouch ? 1 : 0;
});

// One finger: a tap is a click, a drag scrolls (the app adds momentum); two
// fingers: a pinch, reported when it ends. These listeners run first (the
// window, capturing) and stop the events, so neither GLFW (which would press
// at a stale position) nor the browser (which would zoom or scroll the page)
// acts on them. A tap on a text field's node focuses the hidden text field
// here, inside the tap: phones show their keyboard only for a focus the
// person's own gesture makes.
// In the bubbling phase at the window, after every other listener (Emscripten's
// GLFW, the accessibility layer) has handed the event to ImGui. A tap ends in
// js_start_touch's handler, which stops its propagation and calls it itself.
// Not a paste's keys: the pasted text comes in the paste event after them,
// and ImGui's Ctrl+V must wait for it (the next animation frame).
EM_JS(void, js_start_gestures, (), {
  Module.userGesture = () => _platform_gesture();
  const pastes = (e) => ((e.ctrlKey || e.metaKey) && (e.key === "v" || e.key === "V")) ||
                        (e.shiftKey && e.key === "Insert");
  for (const type of ["mouseup", "keydown", "click"]) {
    window.addEventListener(type, (e) => {
      if (e.isTrusted && !(type === "keydown" && pastes(e))) Module.userGesture();
    });
  }
});

EM_JS(void, js_start_touch, (), {
  const canvas = Module.canvas;
  const field = Module.textInput;
  canvas.removeEventListener("touchmove", GLFW.onMousemove, true);
  canvas.removeEventListener("touchstart", GLFW.onMouseButtonDown, true);
  canvas.removeEventListener("touchcancel", GLFW.onMouseButtonUp, true);
  canvas.removeEventListener("touchend", GLFW.onMouseButtonUp, true);
  const kTapSlop = 10;  // CSS px a tap may wander
  let finger = null;    // {id, startX, startY, x, y, time, dragging}
  let pinch = null;     // {start, last}
  const onApp = (e) => e.target === canvas || (Module.a11yRoot && Module.a11yRoot.contains(e.target));
  const local = (t) => {
    const rect = canvas.getBoundingClientRect();
    return { x: t.clientX - rect.left, y: t.clientY - rect.top };
  };
  const spread = (list) => Math.hypot(list[0].clientX - list[1].clientX, list[0].clientY - list[1].clientY);
  // GLFW reports its last mouse position every frame: make it the finger's.
  const pointAt = (x, y) => {
    const rect = canvas.getBoundingClientRect();
    Browser.mouseX = x * canvas.width / Math.max(1, rect.width);
    Browser.mouseY = y * canvas.height / Math.max(1, rect.height);
  };
  const report = (kind, x, y, dx, dy, seconds) => {
    if (kind === 0 || kind === 1) pointAt(x, y);
    _platform_wake();
    _platform_touch(kind, x, y, dx, dy, seconds);
  };
  const isTextField = (t) => {
    const hit = document.elementFromPoint(t.clientX, t.clientY);
    return !!hit && (hit.tagName === "INPUT" || hit.tagName === "TEXTAREA") && hit !== field &&
           !!Module.a11yRoot && Module.a11yRoot.contains(hit) && !hit.readOnly;
  };
  const keyboardFor = (t, wanted) => {
    if (wanted) {
      field.setAttribute("inputmode", "text");
      field.style.left = t.clientX + "px";
      field.style.top = t.clientY + "px";
      Module.touchEditing = true;
      if (document.activeElement !== field) field.focus({ preventScroll: true });
    } else if (Module.touchEditing) {
      Module.touchEditing = false;
      field.setAttribute("inputmode", "none");
      if (document.activeElement === field) field.blur();
    }
  };
  window.addEventListener("touchstart", (e) => {
    if (!onApp(e)) return;
    e.preventDefault();
    e.stopPropagation();
    if (e.touches.length >= 2) {
      finger = null;
      pinch = { start: spread(e.touches), last: spread(e.touches) };
      return;
    }
    const t = e.changedTouches[0];
    const at = local(t);
    const x = at.x;
    const y = at.y;
    // Times from the events themselves: a busy page handles them late, but they happened when they say.
    finger = { id: t.identifier, startX: x, startY: y, x: x, y: y, time: e.timeStamp, dragging: false };
    report(0, x, y, 0, 0, 0);
  }, { capture: true, passive: false });
  // The tracked finger's touch among those the event changed; null when none is tracked.
  const fingerTouch = (e) => finger && Array.from(e.changedTouches).find((c) => c.identifier === finger.id);
  window.addEventListener("touchmove", (e) => {
    if (!onApp(e) && !finger && !pinch) return;
    e.preventDefault();
    e.stopPropagation();
    if (pinch && e.touches.length >= 2) { pinch.last = spread(e.touches); return; }
    const t = fingerTouch(e);
    if (!t) return;
    const { x, y } = local(t);
    if (!finger.dragging && Math.hypot(x - finger.startX, y - finger.startY) < kTapSlop) return;
    const now = e.timeStamp;
    const dx = x - finger.x;
    const dy = y - finger.y;
    const seconds = (now - finger.time) / 1000;
    finger.dragging = true;
    finger.x = x; finger.y = y; finger.time = now;
    report(2, x, y, dx, dy, seconds);
  }, { capture: true, passive: false });
  const end = (e) => {
    if (!onApp(e) && !finger && !pinch) return;
    e.preventDefault();
    e.stopPropagation();
    if (pinch) {
      if (e.touches.length < 2) {
        _platform_wake();
        _platform_pinch(pinch.start, pinch.last);
        pinch = null;
      }
      return;
    }
    const t = fingerTouch(e);
    if (!t) return;
    const { x, y } = local(t);
    if (finger.dragging) {
      report(3, x, y, 0, 0, Math.max(0, e.timeStamp - finger.time) / 1000);
    } else if (e.type === "touchend") {
      keyboardFor(t, isTextField(t));
      report(1, finger.startX, finger.startY, 0, 0, 0);
      Browser.mouseX = Browser.mouseY = -1e6;  // a lifted finger points nowhere (GLFW reports this every frame)
      if (Module.userGesture) Module.userGesture();
    }
    finger = null;
    // A screen whose browser said "fine pointer" (a touch laptop, or Firefox)
    // gets touch sizes from its first touch on, once that touch has been taken
    // on the layout the person saw: the controls must not move under the finger.
    Module.sawTouch = true;
  };
  window.addEventListener("touchend", end, { capture: true, passive: false });
  window.addEventListener("touchcancel", end, { capture: true, passive: false });
  // The mouse events a browser may still make up after a touch ("ghost
  // clicks") would press a second time, wherever the layout has moved since.
  let lastTouch = -1e9;
  for (const type of ["touchstart", "touchend"]) {
    window.addEventListener(type, (e) => { lastTouch = e.timeStamp; }, { capture: true, passive: true });
  }
  for (const type of ["mousedown", "mouseup", "mousemove", "click", "dblclick"]) {
    window.addEventListener(type, (e) => {
      if (e.timeStamp - lastTouch < 1000 && (e.sourceCapabilities ? e.sourceCapabilities.firesTouchEvents : true)) {
        e.stopPropagation();
        e.preventDefault();
      }
    }, { capture: true, passive: false });
  }
  // Safari zooms on its own gesture events.
  for (const type of ["gesturestart", "gesturechange"]) {
    window.addEventListener(type, (e) => e.preventDefault(), { passive: false });
  }
  // The keyboard shrinks the visual viewport: the page, and so the app, fits above it.
  const vv = window.visualViewport;
  if (vv) {
    const follow = () => {
      const height = Math.round(vv.height) + "px";
      const top = Math.round(vv.offsetTop) + "px";
      canvas.style.height = height;
      canvas.style.top = top;
      if (Module.a11yRoot) { Module.a11yRoot.style.height = height; Module.a11yRoot.style.top = top; Module.a11yRoot.style.bottom = "auto"; }
      _platform_wake();
    };
    vv.addEventListener("resize", follow);
    vv.addEventListener("scroll", follow);
    follow();
  }
});

// The accessibility layer: one element per node of the app's accessible tree,
// over the canvas, invisible (the canvas shows everything) but in the
// accessibility tree and the Tab order. Text fields are real text elements,
// so typing and screen readers work as on any page.
EM_JS(void, js_start_accessibility, (), {
  const canvas = Module.canvas;
  canvas.setAttribute("aria-hidden", "true");
  const root = document.createElement("main");
  root.id = "a11y-tree";
  root.setAttribute("aria-label", "CRUD Workbench");
  root.style.cssText = "position:fixed;inset:0;overflow:hidden;opacity:0;z-index:1;";
  document.body.appendChild(root);
  Module.a11yRoot = root;
  const region = (id, role, live) => {
    const element = document.createElement("div");
    element.id = id;
    element.setAttribute("role", role);
    element.setAttribute("aria-live", live);
    element.setAttribute("aria-atomic", "true");
    element.style.cssText = "position:fixed;left:0;top:0;width:1px;height:1px;overflow:hidden;opacity:0;";
    document.body.appendChild(element);
    return element;
  };
  Module.a11yPolite = region("a11y-polite", "status", "polite");
  Module.a11yAssertive = region("a11y-assertive", "alert", "assertive");
  Module.a11yNodes = new Map();

  // Tab belongs to the page: it moves focus between nodes. GLFW would pass it
  // to ImGui (and cancel the browser's move), so it never sees it.
  const isTab = (e) => e.key === "Tab" && !e.ctrlKey && !e.altKey && !e.metaKey;
  window.removeEventListener("keydown", GLFW.onKeydown, true);
  window.removeEventListener("keyup", GLFW.onKeyup, true);
  window.addEventListener("keydown", (e) => {
    if (!isTab(e)) { GLFW.onKeydown(e); return; }
    if (root.contains(document.activeElement)) return;  // the browser moves focus to the next node
    // From the canvas (after a click): into the layer, at the first or last node.
    const stops = root.querySelectorAll("[tabindex='0'], input, textarea");
    if (stops.length === 0) return;
    e.preventDefault();
    stops[e.shiftKey ? stops.length - 1 : 0].focus({ preventScroll: true });
  }, true);
  window.addEventListener("keyup", (e) => { if (!isTab(e)) GLFW.onKeyup(e); }, true);

  const idOf = (element) => {
    while (element && element !== root) {
      if (element.dataset && element.dataset.id) return Number(element.dataset.id);
      element = element.parentNode;
    }
    return 0;
  };
  root.addEventListener("focusin", (e) => { const id = idOf(e.target); if (id) _platform_a11y_focus(id); });
  // A click with no pointer behind it (detail 0) comes from assistive technology; a pointer's goes to the canvas.
  root.addEventListener("click", (e) => {
    if (e.detail !== 0) return;
    const id = idOf(e.target);
    if (id) { e.preventDefault(); _platform_a11y_press(id); }
  });
  const forward = (e) => {
    if (e.type === "mousedown") e.preventDefault();  // focus stays where the canvas puts it
    canvas.dispatchEvent(new MouseEvent(e.type, e));
  };
  // (Not the wheel: ImGui reads it from the document, where it arrives anyway.
  // Nor a finger: js_start_touch takes touches on the layer and the canvas alike.)
  for (const type of ["mousemove", "mousedown", "mouseup", "contextmenu"]) {
    root.addEventListener(type, type === "contextmenu" ? (e) => e.preventDefault() : forward,
                          { capture: true, passive: false });
  }
  Module.a11yCursor = (name) => { root.style.cursor = name; };
});

EM_JS(void, js_update_accessibility, (const char* changes_text, int focus_id), {
  const root = Module.a11yRoot;
  const nodes = Module.a11yNodes;
  if (!root) return;
  const textRoles = { heading: 1, status: 1, alert: 1, cell: 1, columnheader: 1, text: 1 };
  const apply = (element, node) => {
    const style = element.style;
    style.left = node.x + "px";
    style.top = node.y + "px";
    style.width = node.w + "px";
    style.height = node.h + "px";
    element.dataset.key = node.key;
    const role = node.role;
    if (role === "textbox") {
      element.setAttribute("aria-label", node.name);
    } else if (textRoles[role]) {
      // Read from its text; only a row keeps its cells as children.
      if (element.firstChild && element.firstChild.nodeType === 3) element.firstChild.nodeValue = node.name;
      else element.insertBefore(document.createTextNode(node.name), element.firstChild);
    } else if (role !== "row") {
      element.setAttribute("aria-label", node.name);
    }
    const state = (name, value) => {
      if (value === undefined) element.removeAttribute(name);
      else element.setAttribute(name, value ? "true" : "false");
    };
    state("aria-checked", node.checked);
    state("aria-expanded", node.expanded);
    state("aria-selected", node.selected);
    state("aria-disabled", node.disabled ? true : undefined);
    if (role === "textbox") element.readOnly = !!node.disabled;
  };
  const focusable = { button: 1, checkbox: 1, radio: 1, combobox: 1, option: 1, tab: 1, row: 1, columnheader: 1 };
  const create = (node) => {
    let element;
    if (node.role === "textbox") {
      element = document.createElement(node.multiline ? "textarea" : "input");
      if (!node.multiline) element.type = "text";
      element.setAttribute("autocomplete", "off");
      element.setAttribute("spellcheck", "false");
      Module.takeTextFrom(element);
    } else {
      element = document.createElement("div");
      if (node.role !== "text") element.setAttribute("role", node.role);
      if (focusable[node.role]) element.tabIndex = 0;
      if (node.role === "heading") element.setAttribute("aria-level", "2");
      // The page speaks through its own live regions, once per change.
      if (node.role === "status" || node.role === "alert") element.setAttribute("aria-live", "off");
    }
    element.dataset.id = node.id;
    element.style.cssText = "position:fixed;margin:0;padding:0;border:0;box-sizing:border-box;overflow:hidden;" +
                            "white-space:nowrap;font-size:12px;background:transparent;resize:none;";
    apply(element, node);
    return element;
  };
  const text = UTF8ToString(changes_text);
  if (text) {
    const changes = JSON.parse(text);
    for (const id of changes.remove) {
      const element = nodes.get(id);
      if (element) { element.remove(); nodes.delete(id); }
    }
    const created = changes.insert.map((node) => {
      const element = create(node);
      nodes.set(node.id, element);
      return [node, element];
    });
    for (const [node, element] of created) {
      const parent = (node.parent && nodes.get(node.parent)) || root;
      const before = node.before ? nodes.get(node.before) : null;
      parent.insertBefore(element, before && before.parentNode === parent ? before : null);
    }
    for (const node of changes.update) {
      const element = nodes.get(node.id);
      if (element) apply(element, node);
    }
    if (changes.order) {
      for (const [id, parentId] of changes.order) {
        const element = nodes.get(id);
        if (element) ((parentId && nodes.get(parentId)) || root).appendChild(element);
      }
    }
    // The same words again are still news: clear, then say.
    const say = (region, words) => {
      if (!words) return;
      region.textContent = "";
      setTimeout(() => { region.textContent = words; }, 50);
    };
    say(Module.a11yPolite, changes.polite);
    say(Module.a11yAssertive, changes.assertive);
  }
  if (focus_id) {
    const element = nodes.get(focus_id >>> 0);
    if (element && root.contains(document.activeElement) && document.activeElement !== element) {
      element.focus({ preventScroll: true });
    }
  }
});

EM_JS(void, js_set_text_input_area, (int active, float x, float y, float height), {
  const field = Module.textInput;
  if (!field) return;
  // Editing ended after a tap brought the keyboard up: put it away.
  if (!active && Module.touchEditing) {
    Module.touchEditing = false;
    if (document.activeElement === field) field.blur();
  }
  field.style.left = x + "px";
  field.style.top = y + "px";
  field.style.height = Math.max(1, height) + "px";
  field.setAttribute("inputmode", active ? "text" : "none");
});

EM_JS(void, js_copy_to_clipboard, (const char* text), {
  const value = UTF8ToString(text);
  const fallback = () => {
    const field = document.createElement("textarea");
    field.value = value;
    field.style.cssText = "position:fixed;left:0;top:0;opacity:0;";
    document.body.appendChild(field);
    field.select();
    try { document.execCommand("copy"); } catch (e) {}
    field.remove();
    if (Module.textInput) Module.textInput.focus({ preventScroll: true });
  };
  if (navigator.clipboard && navigator.clipboard.writeText) navigator.clipboard.writeText(value).catch(fallback);
  else fallback();
});

EM_JS(char*, js_storage_get, (const char* key, int* length), {
  try {
    const value = window.localStorage.getItem(UTF8ToString(key));
    if (value === null) return 0;
    HEAP32[length >> 2] = lengthBytesUTF8(value);
    return allocateUTF8(value);
  } catch (e) { return 0; }
});

// 0 saved, 1 full (QuotaExceededError, whatever the engine calls it), 2 unavailable; matches StorageResult.
EM_JS(int, js_storage_set, (const char* key, const char* value), {
  let storage;
  try { storage = window.localStorage; } catch (e) { return 2; }
  if (!storage) return 2;
  try {
    storage.setItem(UTF8ToString(key), UTF8ToString(value));
    return 0;
  } catch (e) {
    const full = e && (e.name === "QuotaExceededError" || e.name === "NS_ERROR_DOM_QUOTA_REACHED" ||
                       e.code === 22 || e.code === 1014);
    return full ? 1 : 2;
  }
});

// The keys starting with `prefix`, as a JSON array.
EM_JS(char*, js_storage_keys, (const char* prefix), {
  const start = UTF8ToString(prefix);
  const keys = [];
  try {
    const storage = window.localStorage;
    for (let i = 0; i < storage.length; ++i) {
      const key = storage.key(i);
      if (key !== null && key.startsWith(start)) keys.push(key);
    }
  } catch (e) {}
  return allocateUTF8(JSON.stringify(keys));
});

EM_JS(void, js_storage_remove, (const char* key), {
  try { window.localStorage.removeItem(UTF8ToString(key)); } catch (e) {}
});

EM_JS(char*, js_query_parameter, (const char* name), {
  let value = null;
  try { value = new URLSearchParams(location.search).get(UTF8ToString(name)); } catch (e) {}
  return allocateUTF8(value === null ? "" : value);
});

EM_JS(char*, js_url_fragment, (), { return allocateUTF8(location.hash.replace(/^#/, "")); });

EM_JS(void, js_replace_url_fragment, (const char* fragment), {
  const value = UTF8ToString(fragment);
  history.replaceState(history.state, "", location.pathname + location.search + (value ? "#" + value : ""));
});

// Status codes match platform::FileStatus.
EM_JS(void, js_open_text_file, (int id, const char* accept, double max_bytes), {
  const input = document.createElement("input");
  input.type = "file";
  input.accept = UTF8ToString(accept);
  input.style.display = "none";
  document.body.appendChild(input);
  let done = false;
  const finish = (status, name, text, size) => {
    if (done) return;
    done = true;
    input.remove();
    if (Module.textInput) Module.textInput.focus({ preventScroll: true });
    _platform_file_opened(id, status, allocateUTF8(name), allocateUTF8(text), lengthBytesUTF8(text), size);
  };
  input.addEventListener("change", () => {
    const file = input.files && input.files[0];
    if (!file) return finish(1, "", "", 0);
    if (file.size > max_bytes) return finish(2, file.name, "", file.size);
    file.text().then((text) => finish(0, file.name, text, file.size), () => finish(3, file.name, "", file.size));
  });
  input.addEventListener("cancel", () => finish(1, "", "", 0));
  input.click();
});

EM_JS(void, js_download_text_file, (const char* name, const char* mime, const char* text), {
  const url = URL.createObjectURL(new Blob([UTF8ToString(text)], { type: UTF8ToString(mime) }));
  const link = document.createElement("a");
  link.href = url;
  link.download = UTF8ToString(name);
  link.style.display = "none";
  document.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60000);
});

// A download written in parts: each part becomes a Blob as it arrives (a copy
// out of wasm memory), so no single string of the whole file is ever built;
// the file is the Blob of all parts.
EM_JS(void, js_download_begin, (int id, const char* name, const char* mime), {
  Module.downloads = Module.downloads || new Map();
  Module.downloads.set(id, { name: UTF8ToString(name), mime: UTF8ToString(mime), parts: [] });
});

EM_JS(void, js_download_append, (int id, const char* bytes, int length), {
  const download = Module.downloads && Module.downloads.get(id);
  if (download && length > 0) download.parts.push(new Blob([HEAPU8.slice(bytes, bytes + length)]));
});

EM_JS(void, js_download_end, (int id, int save), {
  const download = Module.downloads && Module.downloads.get(id);
  if (!download) return;
  Module.downloads.delete(id);
  if (!save) return;
  const url = URL.createObjectURL(new Blob(download.parts, { type: download.mime }));
  const link = document.createElement("a");
  link.href = url;
  link.download = download.name;
  link.style.display = "none";
  document.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60000);
});

extern "C" {

EMSCRIPTEN_KEEPALIVE void platform_wake() { activity() = true; }

// The text stays valid until the next call (window.__app parses it at once).
EMSCRIPTEN_KEEPALIVE const char* platform_app_state() {
  static std::string text;
  text = app_state_builder() ? app_state_builder()() : std::string("null");
  return text.c_str();
}

EMSCRIPTEN_KEEPALIVE void platform_http_done(int id, int status, char* headers, char* body, int body_length,
                                             char* error, double elapsed_ms, int reachable) {
  core::HttpResponse response;
  response.status = status;
  response.headers = parse_headers(headers);
  std::free(headers);
  response.body = take_string(body, static_cast<std::size_t>(body_length));
  // The page reports a failure as "timeout", "cancelled" or "network: <the browser's message>".
  response.transport_error = core::transport_error_from_text(take_string(error));
  response.elapsed_ms = elapsed_ms;
  response.server_reachable = reachable != 0;
  activity() = true;
  auto node = pending_requests().extract(id);
  if (!node.empty()) node.mapped()(std::move(response));
}

EMSCRIPTEN_KEEPALIVE void platform_static_file_done(int id, int status, unsigned char* bytes, int length) {
  platform::StaticFile file;
  file.status = status;
  if (bytes != nullptr) file.bytes.assign(bytes, bytes + length);
  std::free(bytes);
  activity() = true;
  auto node = pending_static_files().extract(id);
  if (!node.empty()) node.mapped()(file);
}

EMSCRIPTEN_KEEPALIVE void platform_touch(int kind, double x, double y, double dx, double dy, double seconds) {
  activity() = true;
  if (!touch_handler()) return;
  touch_handler()({.kind = static_cast<platform::TouchKind>(kind),
                   .x = static_cast<float>(x),
                   .y = static_cast<float>(y),
                   .dx = static_cast<float>(dx),
                   .dy = static_cast<float>(dy),
                   .seconds = static_cast<float>(seconds)});
}

EMSCRIPTEN_KEEPALIVE void platform_gesture() {
  activity() = true;
  if (gesture_handler()) gesture_handler()();
}

EMSCRIPTEN_KEEPALIVE void platform_pinch(double start_distance, double end_distance) {
  activity() = true;
  pending_pinch() = platform::Pinch{static_cast<float>(start_distance), static_cast<float>(end_distance)};
}

EMSCRIPTEN_KEEPALIVE void platform_text_input(char* text) {
  if (text_handler()) text_handler()(text);
  std::free(text);
}

EMSCRIPTEN_KEEPALIVE void platform_a11y_focus(double id) {
  activity() = true;
  if (accessibility_handlers().on_focus) accessibility_handlers().on_focus(static_cast<std::uint32_t>(id));
}

EMSCRIPTEN_KEEPALIVE void platform_a11y_press(double id) {
  activity() = true;
  if (accessibility_handlers().on_press) accessibility_handlers().on_press(static_cast<std::uint32_t>(id));
}

EMSCRIPTEN_KEEPALIVE void platform_clipboard_pasted(char* text, int length) {
  clipboard() = take_string(text, static_cast<std::size_t>(length));
}

EMSCRIPTEN_KEEPALIVE void platform_fragment_changed(char* fragment) {
  activity() = true;
  fragment_change() = take_string(fragment);
}

EMSCRIPTEN_KEEPALIVE void platform_storage_changed(char* key) {
  activity() = true;
  std::string changed = take_string(key);
  auto& keys = storage_changes();
  if (std::find(keys.begin(), keys.end(), changed) == keys.end()) keys.push_back(std::move(changed));
}

EMSCRIPTEN_KEEPALIVE void platform_file_opened(int id, int status, char* name, char* text, int text_length,
                                               double size) {
  platform::OpenedFile file;
  file.status = static_cast<platform::FileStatus>(status);
  file.name = take_string(name);
  file.text = take_string(text, static_cast<std::size_t>(text_length));
  file.size_bytes = static_cast<std::uint64_t>(size);
  activity() = true;
  auto node = pending_files().extract(id);
  if (!node.empty()) node.mapped()(file);
}

}  // extern "C"

namespace platform {

void start(std::function<void(const char* utf8)> on_text) {
  text_handler() = std::move(on_text);
  js_start(is_apple() ? 1 : 0);
}

void start_accessibility(std::function<void(std::uint32_t id)> on_focus,
                         std::function<void(std::uint32_t id)> on_press) {
  accessibility_handlers() = {std::move(on_focus), std::move(on_press)};
  js_start_accessibility();
}

void update_accessibility(const std::string& changes_json, std::uint32_t focus_id) {
  js_update_accessibility(changes_json.c_str(), static_cast<int>(focus_id));
}

bool coarse_pointer() { return js_coarse_pointer() != 0; }

void on_user_gesture(std::function<void()> on_gesture) {
  gesture_handler() = std::move(on_gesture);
  js_start_gestures();
}

void start_touch(std::function<void(const TouchEvent&)> on_touch) {
  touch_handler() = std::move(on_touch);
  js_start_touch();
}

std::optional<Pinch> take_pinch() { return std::exchange(pending_pinch(), std::nullopt); }

bool take_activity() { return std::exchange(activity(), false); }

RequestId http_send(const core::HttpRequest& request, int timeout_ms, ResponseHandler on_done) {
  static RequestId next_id = 1;
  const RequestId id = next_id++;
  pending_requests()[id] = std::move(on_done);
  core::JsonValue headers = core::JsonValue::make_object();
  for (const auto& [name, value] : request.headers) headers.set(name, core::JsonValue::string(value));
  js_http_send(id, request.method.c_str(), request.url.c_str(), core::to_json_text(headers).c_str(),
               request.body.c_str(), timeout_ms);
  return id;
}

void http_cancel(RequestId id) { js_http_cancel(id); }

void fetch_static_file(const std::string& path, std::function<void(StaticFile&)> on_done) {
  static int next_id = 1;
  const int id = next_id++;
  pending_static_files()[id] = std::move(on_done);
  js_fetch_static_file(id, path.c_str());
}

int max_texture_size() {
  static const int side = [] {
    GLint size = 0;
    glGetIntegerv(GL_MAX_TEXTURE_SIZE, &size);
    return size > 0 ? static_cast<int>(size) : 2048;  // WebGL2 guarantees at least 2048
  }();
  return side;
}

std::string default_endpoint() { return take_string(js_default_endpoint()); }

std::string site_config_json() { return take_string(js_site_config_json()); }

Viewport viewport() { return {js_css_width(), js_css_height(), static_cast<float>(js_pixel_ratio())}; }

void resize_canvas(int width, int height) { emscripten_set_canvas_element_size("#canvas", width, height); }

void set_cursor(const char* css_name) { js_set_cursor(css_name); }

void serve_app_state(std::function<std::string()> build) {
  app_state_builder() = std::move(build);
  js_serve_app_state();
}

void frame_drawn(long frame) { js_frame_drawn(static_cast<int>(frame)); }

void set_page_title(const std::string& title) { js_set_page_title(title.c_str()); }

std::string page_origin() { return take_string(js_page_origin()); }

std::string page_url() { return take_string(js_page_url()); }

void publish_frame_time(double milliseconds, double accessibility_milliseconds) {
  js_publish_frame_time(milliseconds, accessibility_milliseconds);
}

void mark_timeline(const char* name) { js_mark_timeline(name); }

bool prefers_dark_color_scheme() { return js_prefers_dark() != 0; }

void set_page_theme(bool dark, const std::string& background_css) {
  js_set_page_theme(dark ? 1 : 0, background_css.c_str());
}

bool is_apple() {
  static const bool apple = js_is_apple() != 0;
  return apple;
}

void set_text_input_area(bool active, float css_x, float css_y, float css_line_height) {
  js_set_text_input_area(active ? 1 : 0, css_x, css_y, css_line_height);
}

void copy_to_clipboard(const std::string& text) {
  clipboard() = text;
  js_copy_to_clipboard(text.c_str());
}

const std::string& clipboard_text() { return clipboard(); }

std::optional<std::string> storage_get(const std::string& key) {
  int length = 0;
  char* value = js_storage_get(key.c_str(), &length);
  if (value == nullptr) return std::nullopt;
  return take_string(value, static_cast<std::size_t>(length));
}

StorageResult storage_set(const std::string& key, const std::string& value) {
  switch (js_storage_set(key.c_str(), value.c_str())) {
    case 0: return StorageResult::Saved;
    case 1: return StorageResult::Full;
    default: return StorageResult::Unavailable;
  }
}

std::vector<std::string> storage_keys(const std::string& prefix) {
  std::vector<std::string> keys;
  const auto parsed = core::parse_json(take_string(js_storage_keys(prefix.c_str())));
  if (!parsed || !parsed.value->is_array()) return keys;
  for (const auto& key : parsed.value->array) {
    if (key.is_string()) keys.push_back(key.text);
  }
  return keys;
}

std::vector<std::string> take_storage_changes() { return std::exchange(storage_changes(), {}); }

void storage_remove(const std::string& key) { js_storage_remove(key.c_str()); }

std::string url_fragment() { return take_string(js_url_fragment()); }

std::string page_query_parameter(const std::string& name) { return take_string(js_query_parameter(name.c_str())); }

void replace_url_fragment(const std::string& fragment) { js_replace_url_fragment(fragment.c_str()); }

std::optional<std::string> take_url_fragment_change() { return std::exchange(fragment_change(), std::nullopt); }

void open_text_file(const std::string& accept, std::uint64_t max_bytes,
                    std::function<void(const OpenedFile&)> on_done) {
  static int next_id = 1;
  const int id = next_id++;
  pending_files()[id] = std::move(on_done);
  js_open_text_file(id, accept.c_str(), static_cast<double>(max_bytes));
}

void download_text_file(const std::string& file_name, const std::string& mime_type, const std::string& text) {
  js_download_text_file(file_name.c_str(), mime_type.c_str(), text.c_str());
}

DownloadId download_begin(const std::string& file_name, const std::string& mime_type) {
  static DownloadId next_id = 1;
  const DownloadId id = next_id++;
  js_download_begin(id, file_name.c_str(), mime_type.c_str());
  return id;
}

void download_append(DownloadId id, std::string_view bytes) {
  js_download_append(id, bytes.data(), static_cast<int>(bytes.size()));
}

void download_finish(DownloadId id) { js_download_end(id, 1); }

void download_abort(DownloadId id) { js_download_end(id, 0); }

}  // namespace platform
