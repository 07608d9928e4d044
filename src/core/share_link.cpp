#include "core/share_link.hpp"

#include <array>

#include "core/base64.hpp"
#include "core/lz_codec.hpp"
#include "core/text.hpp"

namespace core {
namespace {

constexpr std::string_view kParameter = "p=";

// The v2 dictionary: pieces of preset JSON as preset_to_json and to_json_text
// write them. It is part of the v2 format: changing it breaks every v2 link,
// so a better dictionary means a new version (v3) with v2 kept for reading.
constexpr std::string_view kDictionaryV2 =
    "REMOVE ADD DELETE if_not_exists(list_append(begins_with(contains(size(attribute_type(BETWEEN AND OR NOT "
    "\"ProjectionExpression\":\"\"FilterExpression\":\"\"ConsistentRead\":true,\"Limit\":"
    "\"ExclusiveStartKey\":{\"id\":\"\"ReturnValues\":\"UPDATED_NEW\"\"ReturnValues\":\"ALL_OLD\""
    "\"ConditionExpression\":\"attribute_exists(id)\"\"ConditionExpression\":\"attribute_not_exists(id)\","
    "\"ReturnValues\":\"ALL_NEW\"\"ExpressionAttributeNames\":{\"#"
    "\"headers\":[{\"name\":\"\",\"value\":\"\",\"secret\":true}"
    "\"endpoint\":\"http://127.0.0.1:3000/prod/DynamoDBManager\""
    "\"endpoint\":\"https://.execute-api.us-east-1.amazonaws.com/prod/DynamoDBManager\""
    "{\"name\":\"\",\"event\":{\"operation\":\"ping\"}"
    "{\"operation\":\"echo\",\"payload\":{\"operation\":\"list\",\"tableName\":\"lambda-apigateway\",\"payload\":{"
    "{\"operation\":\"create\",\"tableName\":\"lambda-apigateway\",\"payload\":{\"Item\":{\"id\":\""
    "{\"operation\":\"delete\",\"tableName\":\"lambda-apigateway\",\"payload\":{\"Key\":{\"id\":\""
    "{\"operation\":\"read\",\"tableName\":\"lambda-apigateway\",\"payload\":{\"Key\":{\"id\":\""
    "\"},\"UpdateExpression\":\"SET  = :newValue\",\"ExpressionAttributeValues\":{\":newValue\":\""
    "{\"name\":\"\",\"event\":{\"operation\":\"update\",\"tableName\":\"lambda-apigateway\",\"payload\":{\"Key\":"
    "{\"id\":\"";

void append_varint(std::size_t value, std::string& out) {
  while (value >= 0x80) {
    out += static_cast<char>((value & 0x7F) | 0x80);
    value >>= 7;
  }
  out += static_cast<char>(value);
}

std::optional<std::size_t> read_varint(std::string_view& bytes) {
  std::size_t value = 0;
  for (int shift = 0; shift < 28 && !bytes.empty(); shift += 7) {
    const auto byte = static_cast<unsigned char>(bytes.front());
    bytes.remove_prefix(1);
    value |= static_cast<std::size_t>(byte & 0x7F) << shift;
    if ((byte & 0x80) == 0) return value;
  }
  return std::nullopt;
}

Diagnostic link_error(std::string message, Severity severity = Severity::Error) {
  return Diagnostic{"link", std::nullopt, severity, std::move(message)};
}

constexpr std::string_view kDamaged = "The link is damaged or cut off";
constexpr std::string_view kCopyAgain = " Copy the whole link again from where it was shared.";

// Each format turns the data after its prefix into the preset's JSON text,
// or reports why it cannot.
using Decoder = std::optional<std::string> (*)(std::string_view data, Diagnostics& diagnostics);

std::optional<std::string> decode_base64(std::string_view data, Diagnostics& diagnostics) {
  auto decoded = base64url_decode(data);
  if (decoded.bytes) return std::move(decoded.bytes);
  diagnostics.push_back(link_error(std::string(kDamaged) + " (" + decoded.error->message + " at character " +
                                   std::to_string(decoded.error->offset + 1) + ")." + std::string(kCopyAgain)));
  return std::nullopt;
}

std::optional<std::string> decode_v2(std::string_view data, Diagnostics& diagnostics) {
  const auto bytes = decode_base64(data, diagnostics);
  if (!bytes) return std::nullopt;
  std::string_view rest = *bytes;
  const auto length = read_varint(rest);
  if (!length || *length > kMaxShareLinkBytes) {
    diagnostics.push_back(
        link_error(std::string(kDamaged) + " (its length field is wrong)." + std::string(kCopyAgain)));
    return std::nullopt;
  }
  auto text = lz_decompress(rest, kDictionaryV2, *length);
  if (!text || text->size() != *length) {
    diagnostics.push_back(link_error(std::string(kDamaged) + " (it does not decompress)." + std::string(kCopyAgain)));
    return std::nullopt;
  }
  return text;
}

struct LinkFormat {
  int version;
  Decoder decode;
};

// v1: the JSON text in base64url, as the first links were written.
constexpr std::array kFormats = {LinkFormat{1, decode_base64}, LinkFormat{2, decode_v2}};

std::string encode_v2(std::string_view json_text) {
  std::string bytes;
  append_varint(json_text.size(), bytes);
  bytes += lz_compress(json_text, kDictionaryV2);
  return base64url_encode(bytes);
}

// The value of the fragment's "p=" parameter, if there is one.
std::optional<std::string_view> share_parameter(std::string_view url) {
  url = trim(url);
  const auto hash = url.find('#');
  std::string_view fragment = hash == std::string_view::npos ? url : url.substr(hash + 1);
  if (hash == std::string_view::npos && !fragment.starts_with(kParameter)) return std::nullopt;
  while (!fragment.empty()) {
    const auto amp = fragment.find('&');
    const std::string_view part = fragment.substr(0, amp);
    if (part.starts_with(kParameter)) return part.substr(kParameter.size());
    if (amp == std::string_view::npos) break;
    fragment.remove_prefix(amp + 1);
  }
  return std::nullopt;
}

// Some chat tools percent-encode characters that need no encoding.
std::string percent_decoded(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '%' && i + 2 < text.size() && hex_digit_value(text[i + 1]) >= 0 &&
        hex_digit_value(text[i + 2]) >= 0) {
      out += static_cast<char>(hex_digit_value(text[i + 1]) * 16 + hex_digit_value(text[i + 2]));
      i += 2;
    } else {
      out += text[i];
    }
  }
  return out;
}

// "v12.rest" -> {12, "rest"}; nullopt when the value has no version prefix.
std::optional<std::pair<int, std::string_view>> split_version(std::string_view value) {
  if (value.size() < 3 || value[0] != 'v') return std::nullopt;
  std::size_t i = 1;
  int version = 0;
  while (i < value.size() && is_digit(value[i]) && i < 6) version = version * 10 + (value[i++] - '0');
  if (i == 1 || i >= value.size() || value[i] != '.') return std::nullopt;
  return std::pair{version, value.substr(i + 1)};
}

void read_preset(std::string_view json_text, LinkRead& read) {
  const auto parsed = parse_json(json_text);
  if (!parsed) {
    read.diagnostics.push_back(
        link_error(std::string(kDamaged) + " (its request is not valid JSON)." + std::string(kCopyAgain)));
    return;
  }
  PresetRead preset = preset_from_json(*parsed.value, "link");
  read.diagnostics.insert(read.diagnostics.end(), preset.diagnostics.begin(), preset.diagnostics.end());
  if (!preset.preset) {
    read.diagnostics.push_back(link_error("The link does not hold a request the workbench can open."));
    return;
  }
  if (has_secrets(*preset.preset)) {
    preset.preset = without_secrets(std::move(*preset.preset));
    read.diagnostics.push_back(link_error(
        "The link held an API key or secret headers; they were ignored. Enter your own.", Severity::Warning));
  }
  read.preset = std::move(preset.preset);
}

}  // namespace

std::string share_fragment(const Preset& preset) {
  const std::string json_text = to_json_text(preset_to_json(without_secrets(preset)));
  std::string fragment = "#";
  fragment.append(kParameter).append("v").append(std::to_string(kShareLinkVersion)).append(".");
  return fragment.append(encode_v2(json_text));
}

std::string share_link(std::string_view page_url, const Preset& preset) {
  return std::string(page_url.substr(0, page_url.find('#'))) + share_fragment(preset);
}

bool is_share_link(std::string_view url) { return share_parameter(url).has_value(); }

LinkRead read_share_link(std::string_view link) {
  LinkRead read;
  const auto parameter = share_parameter(link);
  if (!parameter) {
    read.diagnostics.push_back(link_error(
        "This is not a workbench share link: it has no \"#p=\" part. Copy the link with Copy link in the workbench."));
    return read;
  }
  const std::string value = percent_decoded(*parameter);
  const auto versioned = split_version(value);
  if (!versioned) {
    read.diagnostics.push_back(
        link_error("This is not a workbench share link: its \"#p=\" part does not start with a version such as v" +
                   std::to_string(kShareLinkVersion) + "."));
    return read;
  }
  const auto [version, data] = *versioned;
  read.version = version;
  if (version > kShareLinkVersion) {
    read.diagnostics.push_back(link_error("This link was made by a newer version of the workbench (format v" +
                                          std::to_string(version) +
                                          "). Reload the page to get the newest version, then open the link again."));
    return read;
  }
  for (const auto& format : kFormats) {
    if (format.version != version) continue;
    if (const auto json_text = format.decode(data, read.diagnostics)) read_preset(*json_text, read);
    return read;
  }
  read.diagnostics.push_back(link_error("This link's format (v" + std::to_string(version) +
                                        ") is not one any version of the workbench wrote."));
  return read;
}

}  // namespace core
