// The page's side of platform.hpp's persistent storage: localStorage, with
// its refusals turned into values, and the writes of the site's other tabs.
// An Emscripten JS library (--js-library): each entry is a C function
// declared extern "C" in platform_web.cpp; strings go to C++ through
// stringToNewUTF8 and C++ frees them.
mergeInto(LibraryManager.library, {
  js_storage_get__deps: ["$stringToNewUTF8"],
  js_storage_get: function (key, length) {
    try {
      const value = window.localStorage.getItem(UTF8ToString(key));
      if (value === null) return 0;
      HEAP32[length >> 2] = lengthBytesUTF8(value);
      return stringToNewUTF8(value);
    } catch (e) { return 0; }
  },

  // 0 saved, 1 full (QuotaExceededError, whatever the engine calls it), 2 unavailable; matches StorageResult.
  js_storage_set: function (key, value) {
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
  },

  // The keys starting with `prefix`, as a JSON array.
  js_storage_keys__deps: ["$stringToNewUTF8"],
  js_storage_keys: function (prefix) {
    const start = UTF8ToString(prefix);
    const keys = [];
    try {
      const storage = window.localStorage;
      for (let i = 0; i < storage.length; ++i) {
        const key = storage.key(i);
        if (key !== null && key.startsWith(start)) keys.push(key);
      }
    } catch (e) {}
    return stringToNewUTF8(JSON.stringify(keys));
  },

  js_storage_remove: function (key) {
    try { window.localStorage.removeItem(UTF8ToString(key)); } catch (e) {}
  },

  // Another tab of this site wrote to storage (a tab is not told of its own writes).
  js_watch_storage__deps: ["$stringToNewUTF8"],
  js_watch_storage: function () {
    window.addEventListener("storage", (e) => {
      if (e.storageArea !== null && e.storageArea !== window.localStorage) return;
      _platform_storage_changed(stringToNewUTF8(e.key === null ? "" : e.key));
    });
  },
});
