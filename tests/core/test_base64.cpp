#include <doctest/doctest.h>

#include "core/base64.hpp"

TEST_CASE("base64url round-trips every byte value and every length") {
  std::string bytes;
  for (int i = 0; i < 256; ++i) {
    bytes += static_cast<char>(i);
    const auto decoded = core::base64url_decode(core::base64url_encode(bytes));
    REQUIRE(decoded.bytes);
    CHECK(*decoded.bytes == bytes);
  }
}

TEST_CASE("base64url output uses only URL-safe characters and no padding") {
  const std::string encoded = core::base64url_encode("\xfb\xff\xfe any bytes?");
  CHECK(encoded.find_first_not_of("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_") ==
        std::string::npos);
  CHECK(core::base64url_encode("f") == "Zg");
  CHECK(core::base64url_encode("fo") == "Zm8");
  CHECK(core::base64url_encode("foo") == "Zm9v");
}

TEST_CASE("base64url accepts padding but refuses the standard alphabet's + and /") {
  CHECK(*core::base64url_decode("Zg==").bytes == "f");
  const auto plus = core::base64url_decode("ab+c");
  REQUIRE(plus.error);
  CHECK(plus.error->offset == 2);
}

TEST_CASE("base64url reports a length no encoder writes as cut off") {
  const auto cut = core::base64url_decode("Zm9vY");
  REQUIRE(cut.error);
  CHECK(cut.error->message.find("cut off") != std::string::npos);
}

TEST_CASE("base64 digits have their value in both alphabets") {
  CHECK(core::base64_digit_value('A') == 0);
  CHECK(core::base64_digit_value('+') == 62);
  CHECK(core::base64_digit_value('-') == 62);
  CHECK(core::base64_digit_value('/') == 63);
  CHECK(core::base64_digit_value('_') == 63);
  CHECK_FALSE(core::base64_digit_value('=').has_value());
}
