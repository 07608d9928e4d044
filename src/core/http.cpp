#include "core/http.hpp"

namespace core {
namespace {

constexpr std::string_view kNetworkPrefix = "network: ";

}  // namespace

std::string_view transport_failure_name(TransportFailure failure) {
  switch (failure) {
    case TransportFailure::None: return "none";
    case TransportFailure::Network: return "network";
    case TransportFailure::Timeout: return "timeout";
    case TransportFailure::Cancelled: return "cancelled";
  }
  return "none";
}

std::string transport_error_text(const TransportError& error) {
  if (error.failure == TransportFailure::None) return {};
  if (error.failure == TransportFailure::Network && !error.detail.empty()) {
    return std::string(kNetworkPrefix) + error.detail;
  }
  return std::string(transport_failure_name(error.failure));
}

TransportError transport_error_from_text(std::string_view text) {
  if (text.empty()) return {};
  for (const TransportFailure failure :
       {TransportFailure::Network, TransportFailure::Timeout, TransportFailure::Cancelled}) {
    if (text == transport_failure_name(failure)) return {failure, ""};
  }
  if (text.starts_with(kNetworkPrefix)) text.remove_prefix(kNetworkPrefix.size());
  return {TransportFailure::Network, std::string(text)};
}

}  // namespace core
