// Share links: one preset carried in a URL's fragment (`#p=v2.<data>`), which
// browsers never send to any server. The data is URL-safe base64 of the
// preset's JSON form, compressed with a dictionary of the words events are
// made of. The version prefix picks the decoder, so links made by older
// versions keep opening.
//
// A link never carries the API key or secret headers: they are removed before
// encoding, and ignored (with a warning) if a hand-made link holds them. It
// may carry the endpoint it was made for; what to do with it is the reader's
// choice (see LinkRead), so reading one is not a warning.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "core/diagnostic.hpp"
#include "core/preset.hpp"

namespace core {

// Formats: v1 = base64url(JSON); v2 = base64url(varint length + LZ block). New links are v2.
inline constexpr int kShareLinkVersion = 2;
// No link may decode to more than this (a link is at most a few MB in any browser).
inline constexpr std::size_t kMaxShareLinkBytes = 1 << 20;

// "#p=v2...." for the preset, without its secrets.
std::string share_fragment(const Preset& preset);
// `page_url` without its own fragment, followed by share_fragment(preset).
std::string share_link(std::string_view page_url, const Preset& preset);

// Whether a URL (or fragment) carries a share link at all, good or bad:
// its fragment has a "p=" parameter.
bool is_share_link(std::string_view url);

struct LinkRead {
  // Empty when the link cannot be read. Its connection.endpoint is the
  // endpoint the link was made for ("" when it names none): applying it would
  // send the reader's API key and headers there, so a reader that does must
  // say so first.
  std::optional<Preset> preset;
  int version = 0;          // the format it was written in, when known
  Diagnostics diagnostics;  // errors (field "link") and warnings
};

// Reads a whole URL, a fragment ("#p=...") or a bare parameter ("p=...").
LinkRead read_share_link(std::string_view link);

}  // namespace core
