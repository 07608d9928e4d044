// The page's side of platform.hpp's input: the hidden text field that takes
// typed text (keys, dead keys, input methods, pastes), the person's gestures,
// fingers on the canvas, and the system clipboard. An Emscripten JS library
// (--js-library): each entry is a C function declared extern "C" in
// platform_web.cpp; strings go to C++ through stringToNewUTF8 and C++ frees them.
mergeInto(LibraryManager.library, {
  // The hidden text field that receives typed text while the canvas is used.
  // Key events still reach GLFW (it listens on the window); only text is taken
  // from here: "insertText" (keys, dead keys, automation) and composition ends
  // (input methods). Pastes are kept for ImGui's Ctrl+V on the next frame.
  js_start__deps: ["$stringToNewUTF8"],
  js_start: function (apple) {
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
    // `element` is the hidden field or a text-field node of the accessibility
    // layer (its data-id names the item): the app gives the text to that item.
    const send = (text, element) => {
      if (!text) return;
      const node = element && element.dataset && element.dataset.id ? Number(element.dataset.id) : 0;
      _platform_text_input(stringToNewUTF8(text), node);
    };
    // Typed text from a text element (this field, or a text-field node of the
    // accessibility layer) goes to the app; the element itself stays empty.
    Module.takeTextFrom = (element) => {
      let composing = false;
      element.addEventListener("compositionstart", () => { composing = true; });
      element.addEventListener("compositionend", (e) => { composing = false; send(e.data, element); element.value = ""; });
      element.addEventListener("input", (e) => {
        if (composing || e.isComposing) return;
        if (e.inputType === "insertText" || e.inputType === "insertReplacementText") send(e.data, element);
        element.value = "";
      });
      element.addEventListener("paste", (e) => {
        e.preventDefault();
        const text = e.clipboardData ? e.clipboardData.getData("text/plain") : "";
        _platform_clipboard_pasted(stringToNewUTF8(text), lengthBytesUTF8(text));
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
  },

  js_coarse_pointer: function () {
    return (window.matchMedia && window.matchMedia("(pointer: coarse)").matches) || Module.sawTouch ? 1 : 0;
  },

  // In the bubbling phase at the window, after every other listener (Emscripten's
  // GLFW, the accessibility layer) has handed the event to ImGui. A tap ends in
  // js_start_touch's handler, which stops its propagation and calls it itself.
  // Not a paste's keys: the pasted text comes in the paste event after them,
  // and ImGui's Ctrl+V must wait for it (the next animation frame).
  js_start_gestures: function () {
    Module.userGesture = () => _platform_gesture();
    const pastes = (e) => ((e.ctrlKey || e.metaKey) && (e.key === "v" || e.key === "V")) ||
                          (e.shiftKey && e.key === "Insert");
    for (const type of ["mouseup", "keydown", "click"]) {
      window.addEventListener(type, (e) => {
        if (e.isTrusted && !(type === "keydown" && pastes(e))) Module.userGesture();
      });
    }
  },

  // One finger: a tap is a click, a drag scrolls (the app adds momentum); two
  // fingers: a pinch, reported when it ends. These listeners run first (the
  // window, capturing) and stop the events, so neither GLFW (which would press
  // at a stale position) nor the browser (which would zoom or scroll the page)
  // acts on them. A tap on a text field's node focuses the hidden text field
  // here, inside the tap: phones show their keyboard only for a focus the
  // person's own gesture makes.
  js_start_touch__deps: ["$GLFW", "$Browser"],
  js_start_touch: function () {
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
  },

  js_set_text_input_area: function (active, x, y, height) {
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
  },

  js_copy_to_clipboard: function (text) {
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
  },
});
