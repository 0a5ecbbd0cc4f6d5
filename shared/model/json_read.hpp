#pragma once
// Reading JSON values with errors that name the field's path ("needs[2].priority: must be an
// integer"). Shared by the record codec and the snapshot/delta codec; not part of the data format.

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "model/json_codec.hpp"
#include "model/sectors.hpp"

namespace prd::json_read {

/// "names" + "uk" -> "names.uk"; "" + "id" -> "id".
std::string child_path(std::string_view base, std::string_view key);
/// "needs" + 2 -> "needs[2]".
std::string index_path(std::string_view base, std::size_t index);
/// The same error with `prefix` put before its field: ("parties[0]", "id: x") -> "parties[0].id: x".
DecodeError with_prefix(const DecodeError& error, std::string_view prefix);

/// The member `key` of an object, or nullptr when it is absent or null: both mean "the default",
/// since clients in other languages write null for a value they do not have.
const nlohmann::json* member(const nlohmann::json& object, std::string_view key);

/// Each throws DecodeError(path, "must be ...") when the value has another type.
void require_object(const nlohmann::json& value, const std::string& path);
void require_array(const nlohmann::json& value, const std::string& path);
std::string read_string(const nlohmann::json& value, const std::string& path);
std::int64_t read_integer(const nlohmann::json& value, const std::string& path);
double read_number(const nlohmann::json& value, const std::string& path);
bool read_bool(const nlohmann::json& value, const std::string& path);
/// Also throws DecodeError(path, "unknown sector \"x\"").
Sector read_sector(const nlohmann::json& value, const std::string& path);

/// The rule for an unknown enum value: unknown value "foo" (expected one of: a, b, c).
template <class Enum>
std::string unknown_value_rule(std::string_view text, Enum last) {
    std::string rule = "unknown value \"" + std::string(text) + "\" (expected one of: ";
    for (int i = 0; i <= static_cast<int>(last); ++i) {
        if (i > 0) rule += ", ";
        rule += to_string(static_cast<Enum>(i));
    }
    return rule + ")";
}

/// Reads an enum by its JSON name. `parse` is one of the *_from_string functions of json_codec.hpp.
template <class Enum, class Parse>
Enum read_enum(const nlohmann::json& value, const std::string& path, Parse parse, Enum last) {
    const std::string text = read_string(value, path);
    if (auto parsed = parse(text)) return *parsed;
    throw DecodeError(path, unknown_value_rule(text, last));
}

}  // namespace prd::json_read
