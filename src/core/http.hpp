// HTTP request and response values. The core builds requests and reads
// responses as plain values; src/platform does the actual sending.
#pragma once

#include <string>
#include <utility>
#include <vector>

namespace core {

using HeaderList = std::vector<std::pair<std::string, std::string>>;

struct HttpRequest {
  std::string method = "POST";
  std::string url;
  HeaderList headers;
  std::string body;
};

// What came back. `transport_error` is set (and `status` is 0) when no HTTP
// response arrived at all: "timeout", "cancelled", or "network: <the
// browser's message>" (network down, wrong host, CORS refusal).
struct HttpResponse {
  int status = 0;
  HeaderList headers;
  std::string body;
  std::string transport_error;
  double elapsed_ms = 0;
  // After a network failure: whether the server answered a CORS-free probe
  // of the same URL, i.e. it is up but the browser withheld its answer.
  bool server_reachable = false;
};

}  // namespace core
