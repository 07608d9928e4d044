// Reading an answer: a one-line summary, the pretty JSON, and a table of the
// attributes it holds (an Item, Attributes, or the top-level value).
#pragma once

#include <string>
#include <vector>

#include "core/http.hpp"

namespace core {

struct ResultTable {
  std::vector<std::string> columns;
  std::vector<std::vector<std::string>> rows;
};

struct ResponseView {
  bool ok = false;          // an HTTP 2xx whose body is not a Lambda error
  std::string summary;      // one human sentence
  std::string text;         // the body, pretty-printed when it is JSON
  ResultTable table;
};

ResponseView view_response(const HttpResponse& response);

}  // namespace core
