// The page's side of platform.hpp's files: the browser's file picker and
// downloads, whole or written in parts. An Emscripten JS library
// (--js-library): each entry is a C function declared extern "C" in
// platform_web.cpp; strings go to C++ through stringToNewUTF8 and C++ frees them.
mergeInto(LibraryManager.library, {
  // Offers `blob` as a download named `name`, through a link clicked at once.
  $offerDownload: function (blob, name) {
    const url = URL.createObjectURL(blob);
    const link = document.createElement("a");
    link.href = url;
    link.download = name;
    link.style.display = "none";
    document.body.appendChild(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 60000);
  },

  // Status codes match platform::FileStatus.
  js_open_text_file__deps: ["$stringToNewUTF8"],
  js_open_text_file: function (id, accept, max_bytes) {
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
      _platform_file_opened(id, status, stringToNewUTF8(name), stringToNewUTF8(text), lengthBytesUTF8(text), size);
    };
    input.addEventListener("change", () => {
      const file = input.files && input.files[0];
      if (!file) return finish(1, "", "", 0);
      if (file.size > max_bytes) return finish(2, file.name, "", file.size);
      file.text().then((text) => finish(0, file.name, text, file.size), () => finish(3, file.name, "", file.size));
    });
    input.addEventListener("cancel", () => finish(1, "", "", 0));
    input.click();
  },

  js_download_text_file__deps: ["$offerDownload"],
  js_download_text_file: function (name, mime, text) {
    offerDownload(new Blob([UTF8ToString(text)], { type: UTF8ToString(mime) }), UTF8ToString(name));
  },

  // A download written in parts: each part becomes a Blob as it arrives (a copy
  // out of wasm memory), so no single string of the whole file is ever built;
  // the file is the Blob of all parts.
  js_download_begin: function (id, name, mime) {
    Module.downloads = Module.downloads || new Map();
    Module.downloads.set(id, { name: UTF8ToString(name), mime: UTF8ToString(mime), parts: [] });
  },

  js_download_append: function (id, bytes, length) {
    const download = Module.downloads && Module.downloads.get(id);
    if (download && length > 0) download.parts.push(new Blob([HEAPU8.slice(bytes, bytes + length)]));
  },

  js_download_end__deps: ["$offerDownload"],
  js_download_end: function (id, save) {
    const download = Module.downloads && Module.downloads.get(id);
    if (!download) return;
    Module.downloads.delete(id);
    if (save) offerDownload(new Blob(download.parts, { type: download.mime }), download.name);
  },
});
