#include <doctest/doctest.h>

#include "core/lz_codec.hpp"

namespace {

constexpr std::string_view kDictionary = "{\"operation\":\"update\",\"tableName\":\"lambda-apigateway\"";

std::string round_trip(std::string_view input, std::string_view dictionary = kDictionary) {
  const std::string block = core::lz_compress(input, dictionary);
  const auto back = core::lz_decompress(block, dictionary, input.size());
  REQUIRE(back);
  return *back;
}

}  // namespace

TEST_CASE("lz blocks decompress to exactly what was compressed") {
  std::string all_bytes;
  for (int i = 0; i < 256; ++i) all_bytes += static_cast<char>(i);
  std::string long_run(70000, 'x');  // matches longer than 15 + 255 bytes and offsets near the limit
  std::string varied;
  for (int i = 0; i < 100000; ++i) varied += static_cast<char>('a' + (i * 7919 % 26));
  for (const std::string& input : {std::string(), std::string("a"), std::string("abcabcabcabcabc"), all_bytes, long_run,
                                   varied, std::string(kDictionary) + "\"payload\":{}}"}) {
    CHECK(round_trip(input) == input);
  }
}

TEST_CASE("lz compression shrinks text made of dictionary words") {
  const std::string text = "{\"operation\":\"update\",\"tableName\":\"lambda-apigateway\",\"payload\":{}}";
  CHECK(core::lz_compress(text, kDictionary).size() < text.size() / 2);
  CHECK(core::lz_compress(text, kDictionary).size() < core::lz_compress(text, "").size());
}

TEST_CASE("lz blocks cut short or damaged are refused") {
  const std::string text = "{\"operation\":\"update\",\"tableName\":\"lambda-apigateway\",\"payload\":{\"Key\":{}}}";
  const std::string block = core::lz_compress(text, kDictionary);
  for (std::size_t length = 0; length < block.size(); ++length) {
    const auto cut = core::lz_decompress(block.substr(0, length), kDictionary, text.size());
    CHECK((!cut || *cut != text));
  }
  CHECK_FALSE(core::lz_decompress(std::string("\x00\x00\x00", 3), kDictionary, 100));  // offset 0
  CHECK_FALSE(core::lz_decompress(std::string("\x00\xff\xff", 3), "", 100));           // offset before the start
}

TEST_CASE("lz decompression never grows beyond its limit") {
  const std::string big(5000, 'z');
  const std::string block = core::lz_compress(big, "");
  CHECK(core::lz_decompress(block, "", big.size()));
  CHECK_FALSE(core::lz_decompress(block, "", big.size() - 1));
}

TEST_CASE("lz blocks need the dictionary they were written with") {
  const std::string text = "\"tableName\":\"lambda-apigateway\"";
  const std::string block = core::lz_compress(text, kDictionary);
  const auto other = core::lz_decompress(block, std::string(kDictionary.size(), '#'), text.size());
  CHECK((!other || *other != text));
}
