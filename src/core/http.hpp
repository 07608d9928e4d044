// HTTP request and response values. The core builds requests and reads
// responses as plain values; src/platform does the actual sending.
#pragma once

#include <string>
#include <string_view>
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

// Why no HTTP response arrived at all.
enum class TransportFailure {
  None,       // a response arrived (with any status)
  Network,    // network down, wrong host, or the browser withheld the answer (CORS)
  Timeout,    // the request's timeout ran out
  Cancelled,  // the person cancelled it
};

struct TransportError {
  TransportFailure failure = TransportFailure::None;
  std::string detail;  // Network: the browser's message ("Failed to fetch"); else empty
  friend bool operator==(const TransportError&, const TransportError&) = default;
};

// "none", "network", "timeout", "cancelled": stable names, as saved in the history.
std::string_view transport_failure_name(TransportFailure failure);

// The failure as one line: "timeout", "cancelled", "network: Failed to fetch"
// ("network" without a detail); empty for None.
std::string transport_error_text(const TransportError& error);

// Reads such a line back, and a failure's bare name: "network: <detail>" or
// "network" is Network, "timeout" and "cancelled" are themselves, "" is None,
// and any other text is a Network failure with that text as its detail. How the
// page's fetch code reports a failure, and how history entries held it before
// they kept the detail apart.
TransportError transport_error_from_text(std::string_view text);

// What came back. `transport_error` is set (and `status` is 0) when no HTTP
// response arrived at all.
struct HttpResponse {
  int status = 0;
  HeaderList headers;
  std::string body;
  TransportError transport_error;
  double elapsed_ms = 0;
  // After a network failure: whether the server answered a CORS-free probe
  // of the same URL, i.e. it is up but the browser withheld its answer.
  bool server_reachable = false;
};

}  // namespace core
