#pragma once
// Checks every record on its way in. Each error names the field and the rule it breaks, e.g.
// "parties: a twinning needs exactly 2 parties" or "id: not a KATOTTG code".

#include <string>
#include <string_view>
#include <vector>

#include "model/types.hpp"

namespace prd {

struct ValidationError {
    std::string field;  ///< JSON path of the field, e.g. "names.uk", "parties[2].municipality"
    std::string rule;   ///< what the field must be, in English
    std::string message() const { return field + ": " + rule; }
    bool operator==(const ValidationError&) const = default;
};

using ValidationErrors = std::vector<ValidationError>;

/// True for "UA" followed by exactly 17 digits.
bool is_katottg_code(std::string_view id);
/// True for YYYY-MM-DD naming a real calendar day.
bool is_iso_date(std::string_view text);
/// True for YYYY-MM-DDTHH:MM:SSZ (optionally with fractional seconds) in UTC.
bool is_iso_utc_timestamp(std::string_view text);
/// True for a lower-case RFC 4122 UUID (8-4-4-4-12 hex digits).
bool is_uuid(std::string_view text);

/// Every rule the record breaks; empty when it is valid. Checks the record alone: whether the
/// municipalities it refers to exist is the registry's business.
ValidationErrors validate(const Municipality& value);
ValidationErrors validate(const Partnership& value);
ValidationErrors validate(const Proposal& value);
ValidationErrors validate(const Announcement& value);

}  // namespace prd
