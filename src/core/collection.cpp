#include "core/collection.hpp"

#include "core/attribute_value.hpp"
#include "core/json_fields.hpp"
#include "core/postman.hpp"

namespace core {
namespace {

Diagnostic file_error(std::string message, Severity severity = Severity::Error) {
  return Diagnostic{"file", std::nullopt, severity, std::move(message)};
}

bool is_collection_file(const JsonValue& document) {
  const JsonValue* format = member_of(document, "format");
  return format && format->is_string() && format->text == kCollectionFormat;
}

PresetImport read_collection(const JsonValue& document) {
  PresetImport result;
  const JsonValue* version = document.find("version");
  if (!version || !version->is_number()) {
    result.diagnostics.push_back(file_error("The collection file has no format version."));
    return result;
  }
  const auto written = parse_decimal(version->text);
  const int order = written ? compare_decimals(*written, *parse_decimal(std::to_string(kCollectionVersion))) : -1;
  if (order > 0) {
    result.diagnostics.push_back(file_error("The collection file is format version " + version->text +
                                            ", made by a newer version of the workbench; this one reads version " +
                                            std::to_string(kCollectionVersion) + ". Reload the page to update."));
    return result;
  }
  if (order < 0) {
    result.diagnostics.push_back(file_error("The collection file's format version " + version->text +
                                            " is not one any version of the workbench wrote."));
    return result;
  }
  const JsonValue* presets = document.find("presets");
  if (!presets || !presets->is_array()) {
    result.diagnostics.push_back(file_error("The collection file has no list of presets."));
    return result;
  }
  if (presets->array.empty())
    result.diagnostics.push_back(file_error("The collection file holds no presets.", Severity::Warning));
  for (std::size_t i = 0; i < presets->array.size(); ++i) {
    const std::string field = "presets[" + std::to_string(i) + "]";
    PresetRead read = preset_from_json(presets->array[i], field);
    result.diagnostics.insert(result.diagnostics.end(), read.diagnostics.begin(), read.diagnostics.end());
    if (read.preset) {
      result.presets.push_back(std::move(*read.preset));
    } else {
      const JsonValue& entry = presets->array[i];
      const JsonValue* name = member_of(entry, "name");
      const std::string label = name && name->is_string() ? " (\"" + name->text + "\")" : "";
      result.diagnostics.push_back(Diagnostic{field, std::nullopt, Severity::Error,
                                              "Preset " + std::to_string(i + 1) + label + " was skipped."});
    }
  }
  return result;
}

}  // namespace

std::string export_collection(std::span<const Preset> presets, SecretHandling secrets) {
  JsonValue list = JsonValue::make_array();
  for (const Preset& preset : presets)
    list.array.push_back(preset_to_json(secrets == SecretHandling::Include ? preset : without_secrets(preset)));
  JsonValue document = JsonValue::make_object();
  document.set("format", JsonValue::string(std::string(kCollectionFormat)));
  document.set("version", JsonValue::number(std::to_string(kCollectionVersion)));
  document.set("presets", std::move(list));
  return to_json_text(document, 2) + "\n";
}

PresetImport import_collection(std::string_view text) {
  const auto parsed = parse_json(text);
  if (!parsed) return PresetImport{{}, {invalid_json_diagnostic("file", "The collection file", *parsed.error)}};
  if (!is_collection_file(*parsed.value)) {
    const std::string what = is_postman_collection(*parsed.value)
                                 ? "This is a Postman collection, not a workbench "
                                   "collection file: import it as a Postman collection."
                                 : "This is not a workbench collection file (it has "
                                   "no \"format\": \"crud-workbench-collection\").";
    return PresetImport{{}, {file_error(what)}};
  }
  return read_collection(*parsed.value);
}

PresetImport import_presets(std::string_view text) {
  const auto parsed = parse_json(text);
  if (!parsed) return PresetImport{{}, {invalid_json_diagnostic("file", "The text", *parsed.error)}};
  const JsonValue& document = *parsed.value;
  if (is_collection_file(document)) return read_collection(document);
  if (is_postman_collection(document)) return import_postman_collection(document);
  if (check_operation_event(document, "event").empty()) {
    Preset preset;
    preset.name = "Imported " + document.find("operation")->text;
    preset.event = document;
    return PresetImport{{std::move(preset)}, {}};
  }
  return PresetImport{{},
                      {file_error("This is neither a workbench collection, a Postman collection, nor an operation "
                                  "event ({\"operation\", \"tableName\", \"payload\"}).")}};
}

}  // namespace core
