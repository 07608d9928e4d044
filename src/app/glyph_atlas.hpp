// The font atlas, grown on demand. It starts with what the first frame draws
// (ASCII and the UI's own characters: all the compiled-in fonts hold); text
// about to be drawn is noted here (answers, the editor, typed and pasted
// text, preset names), and before the next frame its new characters are
// added from fallback font files fetched from the site (DejaVu's Latin-1,
// Latin Extended-A, Greek, Cyrillic and symbols, a sans and a mono file per
// page; CJK, Arabic, Hebrew, Devanagari, Thai, emoji; core::plan_glyphs says
// which). Only the glyphs seen are rasterized, never whole fonts.
//
// Rules: the atlas is rebuilt between frames, only when glyphs can be added
// (never while a file is merely loading, so no rebuild loop); its texture
// stays within WebGL2's limit (and 4096 px): when the glyphs seen no longer
// fit, it is rebuilt with the characters noted since the last answer, and if
// even those do not fit, the newest characters are drawn as U+FFFD until the
// next answer. A file that fails says once which script could not be shown.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include <imgui.h>

#include "app/snapshot_json.hpp"

namespace app::glyphs {

// Text that is about to be drawn.
void note_text(std::string_view utf8);
// An answer arrived: its text is noted, and the count of characters drawn
// without a glyph starts again.
void note_answer(std::string_view body);

// Between frames, before NewFrame: starts the fetches the noted text needs
// and rebuilds the atlas when glyphs can be added or the text size changed
// (`text_px`: the layout's text size in device pixels; the pixel ratio, a
// touch screen or a pinch change it). Returns true when the renderer must
// recreate its font texture.
bool update(float text_px);

// After Render: counts the characters this frame drew with U+FFFD, the glyph
// of characters that have none (frames drawn while a font loads do not count).
void count_missing(const ImDrawData& draw_data);

// Messages to show once each (a script whose font could not be loaded, a full atlas).
std::vector<std::string> take_notices();

// For tests and benchmarks: {missing_glyphs, fonts: {loading, loaded, failed, glyphs, texture, build_ms, ...}}.
int missing_glyphs();
SnapshotJson fonts_snapshot();

// As a page that just loaded: nothing noted, fetched or added since the
// compiled-in characters; the next update() rebuilds the atlas. For the
// native app tests, which load the app many times in one process.
void reset();

}  // namespace app::glyphs
