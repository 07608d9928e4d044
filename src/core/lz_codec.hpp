// A small LZ77 byte codec with a preset dictionary, for share links: short
// JSON documents compress well only when the words they are made of
// ("operation", "tableName", "UpdateExpression", ...) are already known, so
// both sides start from the same dictionary.
//
// Block format (LZ4-like): a sequence of tokens, each
//   token byte: high nibble = literal count, low nibble = match length - 4
//               (15 in a nibble: more bytes follow, each added, 255 = go on)
//   [extra literal count bytes] literals
//   then, unless the block ends here: match offset (2 bytes, little endian,
//   1..65535, counting back from the output end into dictionary + output)
//   [extra match length bytes]
// The dictionary belongs to the format: a block can only be read with the
// dictionary it was written with.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace core {

std::string lz_compress(std::string_view input, std::string_view dictionary);

// The original bytes, or nullopt when the block is damaged, cut off, or would
// grow beyond `max_size` bytes (a bad block can never make it allocate more).
std::optional<std::string> lz_decompress(std::string_view block, std::string_view dictionary, std::size_t max_size);

}  // namespace core
