// Turns an answer into what the response panel shows. The one place that
// reads answers through the core (core::view_response today), so a richer
// classifier replaces one call.
#pragma once

#include <string>

#include "app/state.hpp"

namespace app {

ResponseState make_response_state(const core::HttpResponse& response, const core::HttpRequest& sent,
                                  const core::ConnectionSettings& settings, std::string operation);

}  // namespace app
