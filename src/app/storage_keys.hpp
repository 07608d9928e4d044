// Where the workbench keeps its saved work in browser storage (localStorage,
// shared by every tab of the site).
#pragma once

#include <string>

namespace app {

inline const std::string kStoragePrefix = "crud-workbench/";
inline const std::string kThemeKey = kStoragePrefix + "theme";
inline const std::string kConnectionKey = kStoragePrefix + "connection";
inline const std::string kHistoryKey = kStoragePrefix + "history";
inline const std::string kDraftKey = kStoragePrefix + "draft";
inline const std::string kPresetsKey = kStoragePrefix + "presets";
inline const std::string kTextScaleKey = kStoragePrefix + "text-scale";  // a pinch's text size
// Values this version could not read, kept for export: "<prefix>unreadable/<name>@<ms>".
inline const std::string kKeptAsidePrefix = kStoragePrefix + "unreadable/";

}  // namespace app
