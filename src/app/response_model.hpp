// Turns an answer into what the response panel shows. The one place that
// reads answers through the core (core::classify_response and
// core::answer_table), so the panel only draws.
#pragma once

#include <string>

#include "app/state.hpp"

namespace app {

// `page_origin` lets the core tell a blocked http call from an https page.
ResponseState make_response_state(const core::HttpResponse& response, const core::HttpRequest& sent,
                                  const core::ConnectionSettings& settings, std::string operation,
                                  const std::string& page_origin);

}  // namespace app
