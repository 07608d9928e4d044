// The page's side of platform.hpp's page functions: size, cursor, title,
// theme, address (origin, query, fragment), the page being hidden, the
// loading screen and what tests and benchmarks read (window.__app, frame
// times, timeline marks). An Emscripten JS library (--js-library): each
// entry is a C function declared extern "C" in platform_web.cpp; strings go
// to C++ through stringToNewUTF8 and C++ frees them.
mergeInto(LibraryManager.library, {
  js_css_width: function () { return Math.max(1, Math.round(Module.canvas.getBoundingClientRect().width)); },
  js_css_height: function () { return Math.max(1, Math.round(Module.canvas.getBoundingClientRect().height)); },
  js_pixel_ratio: function () { return window.devicePixelRatio || 1; },

  js_set_cursor: function (name) {
    Module.canvas.style.cursor = UTF8ToString(name);
    if (Module.a11yCursor) Module.a11yCursor(UTF8ToString(name));
  },

  // window.__app is parsed from the app's JSON when read, once per drawn frame.
  js_serve_app_state: function () {
    let cached;
    let cachedFrame = 0;
    Object.defineProperty(window, "__app", {
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
  },

  js_frame_drawn: function (frame) {
    Module.appFrame = frame;
    if (Module.onFirstFrame) { Module.onFirstFrame(); Module.onFirstFrame = null; }
  },

  // A ring of the last 240 frames: cheap to keep, enough for a benchmark's window.
  js_publish_frame_time: function (ms, a11y_ms) {
    const times = Module.frameTimes || (Module.frameTimes = []);
    const a11y = Module.a11yTimes || (Module.a11yTimes = []);
    times.push(ms);
    a11y.push(a11y_ms);
    if (times.length > 240) { times.shift(); a11y.shift(); }
  },

  js_mark_timeline: function (name) {
    if (window.performance && performance.mark) performance.mark(UTF8ToString(name));
  },

  js_set_page_title: function (title) { document.title = UTF8ToString(title); },

  js_prefers_dark: function () {
    return window.matchMedia && window.matchMedia("(prefers-color-scheme: dark)").matches ? 1 : 0;
  },

  js_set_page_theme: function (dark, background) {
    document.documentElement.style.colorScheme = dark ? "dark" : "light";
    document.body.style.background = UTF8ToString(background);
  },

  js_is_apple: function () {
    return /Mac|iPhone|iPad|iPod/.test(navigator.platform || navigator.userAgent) ? 1 : 0;
  },

  js_page_origin__deps: ["$stringToNewUTF8"],
  js_page_origin: function () { return stringToNewUTF8(location.origin); },

  js_page_url__deps: ["$stringToNewUTF8"],
  js_page_url: function () { return stringToNewUTF8(location.href.split("#")[0]); },

  js_query_parameter__deps: ["$stringToNewUTF8"],
  js_query_parameter: function (name) {
    let value = null;
    try { value = new URLSearchParams(location.search).get(UTF8ToString(name)); } catch (e) {}
    return stringToNewUTF8(value === null ? "" : value);
  },

  js_url_fragment__deps: ["$stringToNewUTF8"],
  js_url_fragment: function () { return stringToNewUTF8(location.hash.replace(/^#/, "")); },

  js_replace_url_fragment: function (fragment) {
    const value = UTF8ToString(fragment);
    history.replaceState(history.state, "", location.pathname + location.search + (value ? "#" + value : ""));
  },

  js_watch_fragment__deps: ["$stringToNewUTF8"],
  js_watch_fragment: function () {
    window.addEventListener("hashchange", () => {
      _platform_fragment_changed(stringToNewUTF8(location.hash.replace(/^#/, "")));
    });
  },

  // The page is going away or out of sight (tab switched, window minimized,
  // reload, navigation, a phone's app switcher): the last moment a write to
  // storage is sure to happen. pagehide also covers pages put in the back/forward
  // cache; visibilitychange is what phones reliably send.
  js_watch_page_hidden: function () {
    document.addEventListener("visibilitychange", () => {
      if (document.visibilityState === "hidden") _platform_page_hidden();
    });
    window.addEventListener("pagehide", () => { _platform_page_hidden(); });
  },
});
