#include <doctest/doctest.h>

#include <string>

#include "core/text.hpp"

TEST_CASE("whitespace is space, tab, line feed, carriage return, form feed and vertical tab, and nothing else") {
  for (char c : std::string(" \t\n\r\f\v")) {
    CAPTURE(static_cast<int>(c));
    CHECK(core::is_space(c));
  }
  for (char c : std::string("a0_-.\x1f\x7f")) {
    CAPTURE(static_cast<int>(c));
    CHECK_FALSE(core::is_space(c));
  }
  CHECK_FALSE(core::is_space('\0'));
  CHECK_FALSE(core::is_space('\xA0'));  // a byte of UTF-8's no-break space (C2 A0)
  CHECK_FALSE(core::is_space('\x85'));  // a byte of UTF-8's next line (C2 85)
}

TEST_CASE("trim drops whitespace at both ends only") {
  CHECK(core::trim(" \t\n\r\f\vhost name\v\f\r\n\t ") == "host name");
  CHECK(core::trim("   ") == "");
  CHECK(core::trim("") == "");
  CHECK(core::trim("a") == "a");
  CHECK(core::trim("\xC2\xA0x\xC2\xA0") == "\xC2\xA0x\xC2\xA0");  // no-break spaces are not whitespace
}

TEST_CASE("case folding changes A-Z and a-z only and leaves every other byte as it is") {
  CHECK(core::lower("Content-TYPE: X_1") == "content-type: x_1");
  CHECK(core::upper("attribute_Exists 2") == "ATTRIBUTE_EXISTS 2");
  // UTF-8: Ä (C3 84), é (C3 A9), İ (C4 B0); a locale's tolower could change such bytes one by one.
  const std::string accented = "\xC3\x84pfel \xC3\xA9t\xC3\xA9 \xC4\xB0stanbul";
  CHECK(core::lower(accented) == "\xC3\x84pfel \xC3\xA9t\xC3\xA9 \xC4\xB0stanbul");
  CHECK(core::upper(accented) == "\xC3\x84PFEL \xC3\xA9T\xC3\xA9 \xC4\xB0STANBUL");
  for (int byte = 0x80; byte <= 0xFF; ++byte) {
    const char c = static_cast<char>(byte);
    CAPTURE(byte);
    CHECK(core::ascii_lower(c) == c);
    CHECK(core::ascii_upper(c) == c);
  }
}

TEST_CASE("comparisons ignoring case fold ASCII letters only") {
  CHECK(core::equals_ignoring_case("X-Api-Key", "x-api-KEY"));
  CHECK_FALSE(core::equals_ignoring_case("x-api-key", "x-api-keys"));
  CHECK_FALSE(core::equals_ignoring_case("\xC3\x84", "\xC3\xA4"));  // Ä and ä differ: not ASCII
  CHECK_FALSE(core::equals_ignoring_case("[", "{"));                // one apart as A and a are
  CHECK(core::starts_with_ignoring_case("HTTPS://example.org", "https://"));
  CHECK_FALSE(core::starts_with_ignoring_case("http", "https://"));
}

TEST_CASE("character classes are ASCII's") {
  CHECK(core::is_digit('0'));
  CHECK(core::is_digit('9'));
  CHECK_FALSE(core::is_digit('a'));
  CHECK(core::is_letter('z'));
  CHECK(core::is_letter('A'));
  CHECK_FALSE(core::is_letter('_'));
  CHECK_FALSE(core::is_letter('\xC3'));
  CHECK(core::is_word_char('_'));
  CHECK_FALSE(core::is_word_char('-'));
  CHECK(core::hex_digit_value('7') == 7);
  CHECK(core::hex_digit_value('b') == 11);
  CHECK(core::hex_digit_value('F') == 15);
  CHECK(core::hex_digit_value('g') == -1);
}

TEST_CASE("an identifier is word characters not starting with a digit") {
  CHECK(core::is_identifier("first_name"));
  CHECK(core::is_identifier("_x9"));
  CHECK_FALSE(core::is_identifier(""));
  CHECK_FALSE(core::is_identifier("9lives"));
  CHECK_FALSE(core::is_identifier("first name"));
  CHECK_FALSE(core::is_identifier("caf\xC3\xA9"));
}

TEST_CASE("a value in a message is put in typographic quotes and nothing inside is escaped") {
  CHECK(core::quoted("Key") == "“Key”");
  CHECK(core::quoted("") == "“”");
  CHECK(core::quoted("say \"hi\" \\ “now”") == "“say \"hi\" \\ “now””");
}

TEST_CASE("a spreadsheet field is put in double quotes with each double quote inside doubled") {
  CHECK(core::spreadsheet_quoted("plain") == "\"plain\"");
  CHECK(core::spreadsheet_quoted("") == "\"\"");
  CHECK(core::spreadsheet_quoted("a \"b\"") == "\"a \"\"b\"\"\"");
  CHECK(core::spreadsheet_quoted("a,\tb\r\n“c”") == "\"a,\tb\r\n“c”\"");
}

TEST_CASE("UTF-8 is decoded one character at a time and bad bytes are skipped one by one") {
  const std::string text = "a\xC3\xA9\xE3\x81\x82\xF0\x9F\x98\x80";  // a, é, あ, 😀
  std::size_t i = 0;
  CHECK(core::decode_utf8(text, i) == U'a');
  CHECK(i == 1);
  CHECK(core::decode_utf8(text, i) == U'\u00E9');
  CHECK(i == 3);
  CHECK(core::decode_utf8(text, i) == U'\u3042');
  CHECK(i == 6);
  CHECK(core::decode_utf8(text, i) == U'\U0001F600');
  CHECK(i == 10);

  for (const std::string broken : {"\x80", "\xC3", "\xE3\x41\x42", "\xFF"}) {  // resynchronizes on the next byte
    CAPTURE(broken);
    std::size_t at = 0;
    CHECK_FALSE(core::decode_utf8(broken, at).has_value());
    CHECK(at == 1);
  }
  for (const std::string forbidden :
       {"\xC0\xAF", "\xED\xA0\x80", "\xF4\x90\x80\x80"}) {  // overlong, surrogate, too big
    CAPTURE(forbidden);
    std::size_t at = 0;
    CHECK_FALSE(core::decode_utf8(forbidden, at).has_value());
    CHECK(at == forbidden.size());
  }
}

TEST_CASE("a UTF-8 text is cut between characters, never inside one") {
  const std::string text =
      "ab\xE3\x81\x82"
      "c";  // a b あ c
  CHECK(core::utf8_cut(text, 0) == 0);
  CHECK(core::utf8_cut(text, 2) == 2);
  CHECK(core::utf8_cut(text, 3) == 2);
  CHECK(core::utf8_cut(text, 4) == 2);
  CHECK(core::utf8_cut(text, 5) == 5);
  CHECK(core::utf8_cut(text, 6) == 6);
  CHECK(core::utf8_cut(text, 100) == 6);
  CHECK(core::utf8_cut(text, text.size() - 1) == 5);  // drops the last character
}
