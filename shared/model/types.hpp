#pragma once
// The public data format of the registry: plain value types, one per record kind.
// JSON field names (snake_case) are defined by json_codec.hpp; validation by validation/validate.hpp.

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "model/sectors.hpp"

namespace prd {

/// Text in both first-class languages. Either may be empty while a translation is missing.
struct LocalizedText {
    std::string uk;
    std::string en;
    bool operator==(const LocalizedText&) const = default;
};

struct Names {
    std::string uk;
    std::string en;
    std::string native;  ///< the name in the municipality's own language (Poznań, München, Київ)
    bool operator==(const Names&) const = default;
};

struct GeoPoint {
    double lat = 0;
    double lon = 0;
    bool operator==(const GeoPoint&) const = default;
};

/// One sector a municipality needs help with or can offer. priority: 1 (highest) to 5.
struct SectorEntry {
    Sector sector = Sector::urban_development;
    int priority = 3;
    std::string note;
    bool operator==(const SectorEntry&) const = default;
};

struct Contacts {
    std::string website;
    std::string email;
    std::string phone;
    std::string person;
    bool operator==(const Contacts&) const = default;
};

enum class MunicipalityKind {
    city_hromada,
    settlement_hromada,
    village_hromada,
    special_status_city,
    foreign_municipality,
    region,
};

struct Municipality {
    std::string id;  ///< UA + 17 digits (KATOTTG) for Ukraine; "PL-3088171" (ISO 3166-1 alpha-2, dash, code) abroad
    MunicipalityKind kind = MunicipalityKind::city_hromada;
    std::string country;   ///< ISO 3166-1 alpha-2, upper case
    std::string region;    ///< oblast or foreign region
    std::string district;  ///< raion; empty abroad
    Names names;
    std::vector<std::string> aliases;
    std::optional<GeoPoint> location;
    std::optional<std::int64_t> population;
    std::optional<double> area_km2;
    LocalizedText description;
    std::vector<SectorEntry> needs;
    std::vector<SectorEntry> offers;
    Contacts contacts;
    std::vector<std::string> languages;  ///< ISO 639-1 codes
    bool open_to_partners = true;
    bool verified = false;
    std::int64_t revision = 0;
    std::string updated_at;  ///< UTC ISO-8601, e.g. 2022-10-20T12:00:00Z
    nlohmann::json extra = nlohmann::json::object();  ///< unknown fields, written back unchanged
    bool operator==(const Municipality&) const = default;
};

enum class PartnershipKind {
    twinning,
    memorandum,
    friendly_relations,
    cooperation_agreement,
    project_partnership,
    inter_municipal_cooperation,
    joint_declaration,
};

// `signed_`: `signed` is a C++ keyword; its JSON form is "signed".
enum class PartnershipStatus { proposed, signed_, active, dormant, ended };

/// A party to a partnership. joined_on (YYYY-MM-DD) is set for the signatories of a declaration.
struct Party {
    std::string municipality;
    std::string joined_on;
    bool operator==(const Party&) const = default;
};

struct Partnership {
    std::string id;
    PartnershipKind kind = PartnershipKind::twinning;
    PartnershipStatus status = PartnershipStatus::signed_;
    std::vector<Party> parties;
    LocalizedText title;
    std::string signed_on;  ///< YYYY-MM-DD, may be empty when unknown
    std::string place;
    std::string event;
    std::vector<Sector> areas;
    bool open_to_join = false;
    std::string source;
    std::int64_t revision = 0;
    std::string updated_at;
    nlohmann::json extra = nlohmann::json::object();
    bool operator==(const Partnership&) const = default;
};

enum class ProposalStatus { draft, sent, in_discussion, accepted, declined, withdrawn, signed_ };

/// One section of a proposal's text: Ukrainian, English, and the partner's language
/// (Proposal::partner_language) when the partner reads neither. Any may be empty while unwritten.
struct ProposalSection {
    std::string uk;
    std::string en;
    std::string partner;
    bool operator==(const ProposalSection&) const = default;
};

/// Section name ([a-z_], e.g. "introduction", "objectives") -> its text. The names come from the
/// proposal's template (proposals/templates.hpp); JSON is an object keyed by name.
using ProposalSections = std::map<std::string, ProposalSection>;

/// One step of a proposal's workflow, stamped by the server (proposals/workflow.hpp).
struct StatusChange {
    std::string action;  ///< "send", "accept", ...; empty in entries older than the workflow
    ProposalStatus from = ProposalStatus::draft;
    ProposalStatus status = ProposalStatus::draft;  ///< the status after the step
    std::string at;            ///< UTC ISO-8601
    std::string by;            ///< the token id that took the step (older entries: a municipality id)
    std::string role;          ///< editor, moderator or admin
    std::string municipality;  ///< the editor's municipality; empty for moderators
    std::string change_id;     ///< the client's id for the step, so a retry never applies it twice
    std::string note;
    bool operator==(const StatusChange&) const = default;
};

/// A message between the proposal's two sides, stamped by the server.
struct ProposalMessage {
    std::string id;  ///< a UUID made by the client, so a retried message is stored once
    std::string at;
    std::string by;
    std::string role;
    std::string municipality;
    std::string text;
    bool operator==(const ProposalMessage&) const = default;
};

struct Proposal {
    std::string id;    ///< a UUID made by the client, so a draft can be created offline
    std::string from;  ///< municipality id
    std::string to;    ///< municipality id, or the id of a joint declaration to join
    PartnershipKind kind = PartnershipKind::memorandum;
    std::string template_id;       ///< JSON "template": the template the draft started from
    std::string partner_language;  ///< ISO 639-1 of ProposalSection::partner, or empty
    std::vector<Sector> areas;
    ProposalSections sections;
    ProposalStatus status = ProposalStatus::draft;
    std::vector<StatusChange> history;
    std::vector<ProposalMessage> messages;
    std::vector<std::string> signing_confirmed_by;  ///< municipality ids of the sides that confirmed signing
    std::string signed_on;                          ///< YYYY-MM-DD, once signed
    std::string partnership;                        ///< id of the partnership record signing created
    std::int64_t revision = 0;
    std::string created_at;
    std::string updated_at;
    nlohmann::json extra = nlohmann::json::object();
    bool operator==(const Proposal&) const = default;
};

/// A link from an announcement to a record. kind is "municipality", "partnership" or "announcement".
struct RecordLink {
    std::string kind;
    std::string id;
    bool operator==(const RecordLink&) const = default;
};

struct Announcement {
    std::string id;
    std::string date;  ///< YYYY-MM-DD
    LocalizedText title;
    LocalizedText body;
    std::vector<std::string> tags;
    std::string region;
    std::vector<RecordLink> links;
    std::int64_t revision = 0;
    std::string updated_at;
    nlohmann::json extra = nlohmann::json::object();
    bool operator==(const Announcement&) const = default;
};

enum class RecordKind { municipality, partnership, proposal, announcement };

}  // namespace prd
