#include <doctest/doctest.h>

#include "core/http.hpp"

using core::TransportError;
using core::TransportFailure;

TEST_CASE("a transport failure reads as one line and back") {
  for (const TransportError& error :
       {TransportError{}, TransportError{TransportFailure::Network, "Failed to fetch"},
        TransportError{TransportFailure::Network, ""}, TransportError{TransportFailure::Timeout, ""},
        TransportError{TransportFailure::Cancelled, ""}}) {
    const std::string text = core::transport_error_text(error);
    CAPTURE(text);
    CHECK(core::transport_error_from_text(text) == error);
  }
  CHECK(core::transport_error_text({TransportFailure::Network, "Failed to fetch"}) == "network: Failed to fetch");
  CHECK(core::transport_error_text({TransportFailure::Timeout, ""}) == "timeout");
  CHECK(core::transport_error_text({}) == "");
}

TEST_CASE("the page's failure codes map to failures, and unknown text is a network failure that keeps it") {
  CHECK(core::transport_error_from_text("timeout") == TransportError{TransportFailure::Timeout, ""});
  CHECK(core::transport_error_from_text("cancelled") == TransportError{TransportFailure::Cancelled, ""});
  CHECK(core::transport_error_from_text("network: NetworkError when attempting to fetch resource.") ==
        TransportError{TransportFailure::Network, "NetworkError when attempting to fetch resource."});
  CHECK(core::transport_error_from_text("network") == TransportError{TransportFailure::Network, ""});
  CHECK(core::transport_error_from_text("no route") == TransportError{TransportFailure::Network, "no route"});
  CHECK(core::transport_error_from_text("Timeout") == TransportError{TransportFailure::Network, "Timeout"});
  CHECK(core::transport_error_from_text("") == TransportError{});
}

TEST_CASE("failure names are stable") {
  CHECK(core::transport_failure_name(TransportFailure::None) == "none");
  CHECK(core::transport_failure_name(TransportFailure::Network) == "network");
  CHECK(core::transport_failure_name(TransportFailure::Timeout) == "timeout");
  CHECK(core::transport_failure_name(TransportFailure::Cancelled) == "cancelled");
}
