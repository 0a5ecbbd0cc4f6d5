#pragma once
// JSON encoding of the record types. Field names are snake_case and form the public data format.
// Decoding is lenient about missing optional fields and strict about types: a field of the wrong
// type or an unknown enum value throws DecodeError naming the field. Fields the codec does not know
// are kept in `extra` and written back by the encoder, so an older client never drops newer data.

#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "model/types.hpp"

namespace prd {

/// A record that cannot be read. what() is "field: rule", e.g. "population: must be an integer".
class DecodeError : public std::runtime_error {
public:
    DecodeError(std::string field, std::string rule);
    const std::string& field() const { return m_field; }
    const std::string& rule() const { return m_rule; }

private:
    std::string m_field;
    std::string m_rule;
};

nlohmann::json to_json(const Municipality& value);
nlohmann::json to_json(const Partnership& value);
nlohmann::json to_json(const Proposal& value);
nlohmann::json to_json(const Announcement& value);

Municipality municipality_from_json(const nlohmann::json& json);
Partnership partnership_from_json(const nlohmann::json& json);
Proposal proposal_from_json(const nlohmann::json& json);
Announcement announcement_from_json(const nlohmann::json& json);

std::string_view to_string(MunicipalityKind kind);
std::string_view to_string(PartnershipKind kind);
std::string_view to_string(PartnershipStatus status);
std::string_view to_string(ProposalStatus status);
std::string_view to_string(RecordKind kind);
std::optional<MunicipalityKind> municipality_kind_from_string(std::string_view text);
std::optional<PartnershipKind> partnership_kind_from_string(std::string_view text);
std::optional<PartnershipStatus> partnership_status_from_string(std::string_view text);
std::optional<ProposalStatus> proposal_status_from_string(std::string_view text);
std::optional<RecordKind> record_kind_from_string(std::string_view text);

/// Labels for people, in Ukrainian ("uk") or English (anything else).
std::string_view label(MunicipalityKind kind, std::string_view lang);
std::string_view label(PartnershipKind kind, std::string_view lang);
std::string_view label(PartnershipStatus status, std::string_view lang);
std::string_view label(ProposalStatus status, std::string_view lang);
std::string_view label(RecordKind kind, std::string_view lang);

}  // namespace prd
