// Reading an http(s) URL such as an endpoint: its scheme, host, port and path,
// and whether its host is this machine. Only what the workbench needs to
// label, check and explain a URL; the browser does the real parsing.
#pragma once

#include <optional>
#include <string_view>

namespace core {

struct HttpUrl {
  bool https = false;          // else http
  std::string_view authority;  // "host[:port]", without user info: "127.0.0.1:3000"
  std::string_view host;       // without the port; an IPv6 address keeps its brackets: "[::1]"
  std::string_view path;       // up to the query or fragment; empty when the URL has none
};

// The parts of an http or https URL (the scheme in any case); nothing for
// any other text. The views point into `url`, which is read as it is (not
// trimmed).
std::optional<HttpUrl> parse_http_url(std::string_view url);

// localhost (and any name under .localhost), 127.0.0.1 or [::1], in any case:
// hosts browsers treat as this machine.
bool is_local_host(std::string_view host);

}  // namespace core
