#pragma once
// One record of any kind as the JSON the API sends, looked up by kind and id.

#include <string_view>

#include <nlohmann/json.hpp>

#include "registry/registry.hpp"

namespace prd {

/// The record's JSON, or null when the registry does not hold it.
nlohmann::json record_json(const Registry& registry, RecordKind kind, std::string_view id);

}  // namespace prd
