// The page's side of platform.hpp's accessibility layer: DOM nodes with ARIA
// roles over the canvas, kept in step with the app's accessible tree, live
// regions that speak its announcements, and Tab, which belongs to the layer.
// An Emscripten JS library (--js-library): each entry is a C function
// declared extern "C" in platform_web.cpp.
mergeInto(LibraryManager.library, {
  // The accessibility layer: one element per node of the app's accessible tree,
  // over the canvas, invisible (the canvas shows everything) but in the
  // accessibility tree and the Tab order. Text fields are real text elements,
  // so typing and screen readers work as on any page.
  js_start_accessibility__deps: ["$GLFW"],
  js_start_accessibility: function () {
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
  },

  js_update_accessibility: function (changes_text, focus_id) {
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
  },
});
