// Values that are hard to carry exactly, shared by the export, DynamoDB JSON
// and snippet tests: quotes, commas, newlines, non-ASCII and right-to-left
// text, 38-digit numbers, every set type, binary, nesting, null and false.
#pragma once

#include <string_view>

namespace hostile {

inline constexpr std::string_view kBig = "12345678901234567890123456789012345678";

// One item holding every awkward thing (plain JSON with the wire markers).
inline constexpr std::string_view kItem = R"({
  "id": "it's \"quoted\", with a comma\nand a line, ünïcödé ✓ مرحبا 日本",
  "big": 12345678901234567890123456789012345678,
  "tiny": -1.5E-130,
  "tags": {"$SS": ["a,b", "c\"d", "e'f\ng"]},
  "nums": {"$NS": [1, 99999999999999999999999999999999999999, 0.5]},
  "bin": {"$B": "AAEC/w=="},
  "bins": {"$BS": ["AA==", "/w=="]},
  "nested": {"m": {"l": [1, "x\ty", null, true, {"$SS": ["z"]}]}},
  "nothing": null,
  "flag": false,
  "empty": ""
})";

}  // namespace hostile
