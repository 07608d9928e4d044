#include "core/postman.hpp"

#include <map>

#include "core/json_fields.hpp"
#include "core/text.hpp"

namespace core {
namespace {

using Variables = std::map<std::string, std::string, std::less<>>;

// What a folder passes down to the requests inside it.
struct Scope {
  std::string path;                 // "Folder / Subfolder"
  std::string field;                // "item[2].item[0]"
  const JsonValue* auth = nullptr;  // the nearest auth set on a folder or the collection
};

Variables collection_variables(const JsonValue& collection) {
  Variables variables;
  const JsonValue* list = collection.find("variable");
  if (!list || !list->is_array()) return variables;
  for (const auto& entry : list->array) {
    const std::string key = string_member(entry, "key");
    const JsonValue* value = member_of(entry, "value");
    if (key.empty() || !value) continue;
    variables[key] = value->is_string() ? value->text : to_json_text(*value);
  }
  return variables;
}

// Replaces {{name}} with the collection's variables; unknown names stay as written.
std::string substitute(std::string_view text, const Variables& variables) {
  std::string out;
  std::size_t at = 0;
  while (true) {
    const auto open = text.find("{{", at);
    const auto close = open == std::string_view::npos ? open : text.find("}}", open + 2);
    if (close == std::string_view::npos) break;
    const auto found = variables.find(text.substr(open + 2, close - open - 2));
    out.append(text.substr(at, open - at));
    out.append(found == variables.end() ? std::string(text.substr(open, close + 2 - open)) : found->second);
    at = close + 2;
  }
  out.append(text.substr(at));
  return out;
}

// A list of {"key", "value"} pairs (how Postman writes auth settings) as a lookup.
std::string auth_setting(const JsonValue& auth, std::string_view type, std::string_view key) {
  const JsonValue* settings = auth.find(type);
  if (!settings || !settings->is_array()) return {};
  for (const auto& entry : settings->array) {
    if (string_member(entry, "key") == key) return string_member(entry, "value");
  }
  return {};
}

class Importer {
 public:
  explicit Importer(const JsonValue& collection) : variables_(collection_variables(collection)) {}

  void walk(const JsonValue& items, const Scope& scope) {
    for (std::size_t i = 0; i < items.array.size(); ++i) {
      const JsonValue& item = items.array[i];
      if (!item.is_object()) continue;
      std::string name = string_member(item, "name");
      if (name.empty()) name = "(unnamed)";
      Scope inner{scope.path.empty() ? name : scope.path + " / " + name,
                  scope.field + "item[" + std::to_string(i) + "]", scope.auth};
      if (const JsonValue* auth = item.find("auth"); auth && auth->is_object()) inner.auth = auth;
      if (const JsonValue* children = item.find("item"); children && children->is_array()) {
        inner.field += ".";
        walk(*children, inner);
      } else {
        import_request(item, inner);
      }
    }
  }

  PresetImport result;

 private:
  void skip(const Scope& scope, std::string why) {
    result.diagnostics.push_back(
        Diagnostic{scope.field, std::nullopt, Severity::Warning, "Skipped \"" + scope.path + "\": " + why});
  }
  void note(const Scope& scope, std::string what) {
    result.diagnostics.push_back(
        Diagnostic{scope.field, std::nullopt, Severity::Info, "\"" + scope.path + "\": " + what});
  }

  // The raw body text, or a reason to skip.
  std::optional<std::string> raw_body(const JsonValue& request, const Scope& scope) {
    const JsonValue* body = member_of(request, "body");
    if (!body || !body->is_object()) {
      skip(scope, "it has no body, so it holds no operation event.");
      return std::nullopt;
    }
    const std::string mode = string_member(*body, "mode");
    if (mode != "raw") {
      skip(scope, "its body is " + (mode.empty() ? std::string("not raw text") : "in \"" + mode + "\" mode") +
                      ", not a raw JSON operation event.");
      return std::nullopt;
    }
    return substitute(string_member(*body, "raw"), variables_);
  }

  void import_request(const JsonValue& item, const Scope& scope) {
    const JsonValue* request = item.find("request");
    if (!request) {
      skip(scope, "it is neither a request nor a folder.");
      return;
    }
    const auto body = raw_body(*request, scope);
    if (!body) return;
    const auto parsed = parse_json(*body);
    if (!parsed) {
      skip(scope, "its body is not valid JSON (line " + std::to_string(parsed.error->line) + ", column " +
                      std::to_string(parsed.error->column) + ": " + parsed.error->message + ").");
      return;
    }
    const Diagnostics problems = check_operation_event(*parsed.value, "body");
    if (!problems.empty()) {
      skip(scope,
           "its body is not an operation event (" + problems.front().field + " " + problems.front().message + ")");
      return;
    }
    Preset preset;
    preset.name = scope.path;
    preset.event = *parsed.value;
    preset.connection.endpoint = endpoint(*request, scope);
    read_headers(*request, preset);
    read_auth(scope, preset);
    const std::string method = string_member(*request, "method");
    if (!method.empty() && method != "POST")
      note(scope, "was a " + method + " request in Postman; the workbench sends POST, as the API expects.");
    result.presets.push_back(std::move(preset));
  }

  std::string endpoint(const JsonValue& request, const Scope& scope) {
    const JsonValue* url = request.find("url");
    std::string raw = url && url->is_string() ? url->text : (url ? string_member(*url, "raw") : std::string());
    raw = substitute(raw, variables_);
    if (raw.find("{{") != std::string::npos) {
      note(scope, "its URL " + raw + " uses variables the collection does not define; no endpoint was kept.");
      return {};
    }
    return raw;
  }

  void read_headers(const JsonValue& request, Preset& preset) {
    const JsonValue* headers = request.find("header");
    if (!headers || !headers->is_array()) return;
    for (const auto& entry : headers->array) {
      const JsonValue* disabled = member_of(entry, "disabled");
      if (disabled && disabled->is_bool() && disabled->boolean) continue;
      const std::string name = string_member(entry, "key");
      const std::string value = substitute(string_member(entry, "value"), variables_);
      // The workbench sets Content-Type itself.
      if (name.empty() || equals_ignoring_case(name, "Content-Type")) continue;
      if (equals_ignoring_case(name, "x-api-key")) {
        preset.connection.api_key = value;
        continue;
      }
      HeaderRow header{name, value, false};
      header.secret = is_secret_header(header);
      preset.connection.headers.push_back(std::move(header));
    }
  }

  void read_auth(const Scope& scope, Preset& preset) {
    if (!scope.auth) return;
    const std::string type = string_member(*scope.auth, "type");
    if (type == "noauth" || type.empty()) return;
    if (type == "apikey") {
      const std::string key = auth_setting(*scope.auth, "apikey", "key");
      const std::string in = auth_setting(*scope.auth, "apikey", "in");
      const std::string value = substitute(auth_setting(*scope.auth, "apikey", "value"), variables_);
      if (!in.empty() && in != "header") {
        note(scope, "its API key goes in the query string, which the workbench does not send; it was left out.");
      } else if (key.empty()) {
        note(scope, "its API key auth names no header; it was left out.");
      } else if (equals_ignoring_case(key, "x-api-key")) {
        preset.connection.api_key = value;
      } else {
        preset.connection.headers.push_back(HeaderRow{key, value, true});
      }
      return;
    }
    if (type == "bearer") {
      const std::string token = substitute(auth_setting(*scope.auth, "bearer", "token"), variables_);
      preset.connection.headers.push_back(HeaderRow{"Authorization", "Bearer " + token, true});
      return;
    }
    note(scope, "its \"" + type + "\" authorization is not imported; set the headers it needs by hand.");
  }

  Variables variables_;
};

}  // namespace

bool is_postman_collection(const JsonValue& document) {
  if (!document.is_object()) return false;
  const JsonValue* info = document.find("info");
  const std::string schema = info ? string_member(*info, "schema") : std::string();
  if (schema.find("schema.getpostman.com") != std::string::npos) return true;
  const JsonValue* items = document.find("item");
  const JsonValue* requests = document.find("requests");
  return (info && items && items->is_array()) || (requests && requests->is_array() && document.find("order"));
}

PresetImport import_postman_collection(const JsonValue& collection) {
  const JsonValue* items = member_of(collection, "item");
  if (!items || !items->is_array()) {
    const bool version1 = collection.is_object() && collection.find("requests");
    const std::string message = version1 ? "This is a Postman collection in the old v1 format: export it from Postman "
                                           "as Collection v2.1 and import that file."
                                         : "This is not a Postman collection (it has no \"item\" list).";
    return PresetImport{{}, {Diagnostic{"file", std::nullopt, Severity::Error, message}}};
  }
  Importer importer(collection);
  const JsonValue* auth = collection.find("auth");
  importer.walk(*items, Scope{"", "", auth && auth->is_object() ? auth : nullptr});
  if (importer.result.presets.empty())
    importer.result.diagnostics.push_back(
        Diagnostic{"file", std::nullopt, Severity::Error,
                   "The Postman collection holds no request whose body is an operation event."});
  return std::move(importer.result);
}

PresetImport import_postman_collection(std::string_view text) {
  const auto parsed = parse_json(text);
  if (!parsed) return PresetImport{{}, {invalid_json_diagnostic("file", "The Postman collection", *parsed.error)}};
  return import_postman_collection(*parsed.value);
}

}  // namespace core
