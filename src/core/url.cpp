#include "core/url.hpp"

#include <string>

#include "core/text.hpp"

namespace core {

std::optional<HttpUrl> parse_http_url(std::string_view url) {
  HttpUrl parts;
  if (starts_with_ignoring_case(url, "https://")) {
    parts.https = true;
    url.remove_prefix(8);
  } else if (starts_with_ignoring_case(url, "http://")) {
    url.remove_prefix(7);
  } else {
    return std::nullopt;
  }
  const auto authority_end = url.find_first_of("/?#");
  std::string_view authority = url.substr(0, authority_end);
  if (const auto at = authority.rfind('@'); at != std::string_view::npos) authority.remove_prefix(at + 1);
  parts.authority = authority;
  parts.host = !authority.empty() && authority.front() == '[' ? authority.substr(0, authority.find(']') + 1)
                                                              : authority.substr(0, authority.find(':'));
  if (authority_end != std::string_view::npos) {
    const std::string_view rest = url.substr(authority_end);
    parts.path = rest.substr(0, rest.find_first_of("?#"));
  }
  return parts;
}

bool is_local_host(std::string_view host) {
  const std::string name = lower(host);
  return name == "localhost" || name == "127.0.0.1" || name == "[::1]" ||
         (name.size() > 10 && name.ends_with(".localhost"));
}

}  // namespace core
