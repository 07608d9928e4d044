#include "core/response.hpp"

#include <nlohmann/json.hpp>

namespace core {
namespace {

std::string cell_text(const nlohmann::json& value) {
  return value.is_string() ? value.get<std::string>() : value.dump();
}

// One row: the item's attributes as columns, in the order they arrived.
ResultTable one_row_table(const nlohmann::json& object) {
  ResultTable table;
  table.rows.emplace_back();
  for (const auto& [name, value] : object.items()) {
    table.columns.push_back(name);
    table.rows.back().push_back(cell_text(value));
  }
  return table;
}

ResultTable table_of(const nlohmann::json& body) {
  if (body.is_object()) {
    for (const char* key : {"Item", "Attributes"}) {
      if (body.contains(key) && body[key].is_object()) return one_row_table(body[key]);
    }
    nlohmann::json rest = body;
    rest.erase("ResponseMetadata");
    return one_row_table(rest);
  }
  ResultTable table;
  table.columns = {"value"};
  table.rows.push_back({cell_text(body)});
  return table;
}

}  // namespace

ResponseView view_response(const HttpResponse& response) {
  ResponseView view;
  if (!response.transport_error.empty()) {
    view.summary = "No answer: " + response.transport_error;
    return view;
  }
  const auto body = nlohmann::json::parse(response.body, nullptr, /*allow_exceptions=*/false);
  if (body.is_discarded()) {
    view.text = response.body;
    view.summary = "HTTP " + std::to_string(response.status) + ": the body is not JSON";
    return view;
  }
  view.text = body.dump(2);
  view.table = table_of(body);
  const bool lambda_error = body.is_object() && body.contains("errorMessage");
  view.ok = response.status >= 200 && response.status < 300 && !lambda_error;
  if (lambda_error) {
    view.summary = "The Lambda failed: " + cell_text(body["errorMessage"]);
  } else {
    view.summary = "HTTP " + std::to_string(response.status) + (view.ok ? " OK" : " error");
  }
  return view;
}

}  // namespace core
