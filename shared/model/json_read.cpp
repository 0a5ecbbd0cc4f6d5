// Typed reads of JSON values with errors that name the field's path.

#include "model/json_read.hpp"

#include <limits>

namespace prd::json_read {

std::string child_path(std::string_view base, std::string_view key) {
    if (base.empty()) return std::string(key);
    return std::string(base) + "." + std::string(key);
}

std::string index_path(std::string_view base, std::size_t index) {
    return std::string(base) + "[" + std::to_string(index) + "]";
}

DecodeError with_prefix(const DecodeError& error, std::string_view prefix) {
    if (error.field().empty()) return DecodeError(std::string(prefix), error.rule());
    if (error.field().front() == '[') return DecodeError(std::string(prefix) + error.field(), error.rule());
    return DecodeError(child_path(prefix, error.field()), error.rule());
}

const nlohmann::json* member(const nlohmann::json& object, std::string_view key) {
    auto it = object.find(std::string(key));
    if (it == object.end() || it->is_null()) return nullptr;
    return &*it;
}

void require_object(const nlohmann::json& value, const std::string& path) {
    if (!value.is_object()) throw DecodeError(path, "must be a JSON object");
}

void require_array(const nlohmann::json& value, const std::string& path) {
    if (!value.is_array()) throw DecodeError(path, "must be an array");
}

std::string read_string(const nlohmann::json& value, const std::string& path) {
    if (!value.is_string()) throw DecodeError(path, "must be a string");
    return value.get<std::string>();
}

std::int64_t read_integer(const nlohmann::json& value, const std::string& path) {
    if (value.is_number_unsigned()) {
        const auto number = value.get<std::uint64_t>();
        if (number > static_cast<std::uint64_t>(std::numeric_limits<std::int64_t>::max())) {
            throw DecodeError(path, "is too large");
        }
        return static_cast<std::int64_t>(number);
    }
    if (!value.is_number_integer()) throw DecodeError(path, "must be an integer");
    return value.get<std::int64_t>();
}

double read_number(const nlohmann::json& value, const std::string& path) {
    if (!value.is_number()) throw DecodeError(path, "must be a number");
    return value.get<double>();
}

bool read_bool(const nlohmann::json& value, const std::string& path) {
    if (!value.is_boolean()) throw DecodeError(path, "must be true or false");
    return value.get<bool>();
}

Sector read_sector(const nlohmann::json& value, const std::string& path) {
    const std::string code = read_string(value, path);
    if (auto sector = sector_from_code(code)) return *sector;
    throw DecodeError(path, "unknown sector \"" + code + "\"");
}

}  // namespace prd::json_read
