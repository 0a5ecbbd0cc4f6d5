// The rules every record must keep, whatever host stores it. Each error names the field by its
// JSON path and says the rule in words a municipality's staff can act on.

#include "validation/validate.hpp"

#include <cmath>
#include <set>

#include "i18n/utf8.hpp"

namespace prd {
namespace {

constexpr const char* k_timestamp_rule = "must be a UTC timestamp (YYYY-MM-DDTHH:MM:SSZ)";
constexpr const char* k_date_rule = "must be a real date (YYYY-MM-DD)";
constexpr const char* k_language_rule = "must be an ISO 639-1 code (2 lower-case letters)";
constexpr std::size_t k_max_sections = 20;
constexpr std::size_t k_max_section_chars = 20000;
constexpr std::size_t k_max_message_chars = 5000;

bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_lower(char c) { return c >= 'a' && c <= 'z'; }
bool is_upper(char c) { return c >= 'A' && c <= 'Z'; }
bool is_hex_lower(char c) { return is_digit(c) || (c >= 'a' && c <= 'f'); }

bool all_digits(std::string_view text) {
    for (char c : text) {
        if (!is_digit(c)) return false;
    }
    return !text.empty();
}

int to_int(std::string_view digits) {
    int value = 0;
    for (char c : digits) value = value * 10 + (c - '0');
    return value;
}

bool is_blank(std::string_view text) {
    return text.find_first_not_of(" \t\r\n") == std::string_view::npos;
}

std::string at(std::string_view list, std::size_t index) {
    return std::string(list) + "[" + std::to_string(index) + "]";
}

bool is_country_code(std::string_view text) { return text.size() == 2 && is_upper(text[0]) && is_upper(text[1]); }

bool is_foreign_code_char(char c) {
    return is_digit(c) || is_lower(c) || is_upper(c) || c == '.' || c == '_' || c == '-';
}

bool looks_like_email(std::string_view text) {
    const auto at_sign = text.find('@');
    if (at_sign == std::string_view::npos || at_sign == 0) return false;
    if (text.find('@', at_sign + 1) != std::string_view::npos) return false;
    for (char c : text) {
        if (c == ' ' || c == '\t' || c == '\r' || c == '\n') return false;
    }
    const std::string_view domain = text.substr(at_sign + 1);
    const auto dot = domain.find('.');
    return dot != std::string_view::npos && dot > 0 && domain.back() != '.';
}

bool looks_like_website(std::string_view text) {
    for (std::string_view scheme : {std::string_view("http://"), std::string_view("https://")}) {
        if (text.size() > scheme.size() && text.substr(0, scheme.size()) == scheme) return true;
    }
    return false;
}

bool has_name(const LocalizedText& text) { return !is_blank(text.uk) || !is_blank(text.en); }

void check_timestamp(ValidationErrors& errors, const std::string& field, std::string_view value) {
    if (!value.empty() && !is_iso_utc_timestamp(value)) errors.push_back({field, k_timestamp_rule});
}

void check_revision(ValidationErrors& errors, std::int64_t revision) {
    if (revision < 0) errors.push_back({"revision", "must not be negative"});
}

void check_sector_entries(ValidationErrors& errors, std::string_view list, const std::vector<SectorEntry>& entries) {
    std::set<Sector> seen;
    for (std::size_t i = 0; i < entries.size(); ++i) {
        const SectorEntry& entry = entries[i];
        if (entry.priority < 1 || entry.priority > 5) {
            errors.push_back({at(list, i) + ".priority", "must be between 1 (highest) and 5"});
        }
        if (!seen.insert(entry.sector).second) errors.push_back({at(list, i) + ".sector", "listed twice"});
    }
}

void check_areas(ValidationErrors& errors, const std::vector<Sector>& areas) {
    std::set<Sector> seen;
    for (std::size_t i = 0; i < areas.size(); ++i) {
        if (!seen.insert(areas[i]).second) errors.push_back({at("areas", i), "listed twice"});
    }
}

void check_municipality_id(ValidationErrors& errors, const Municipality& value) {
    if (value.id.empty()) {
        errors.push_back({"id", "required"});
        return;
    }
    if (!is_country_code(value.country)) return;  // the country error says it; the id cannot be judged
    if (value.country == "UA") {
        if (!is_katottg_code(value.id)) errors.push_back({"id", "not a KATOTTG code (UA and 17 digits)"});
        return;
    }
    const std::string_view id = value.id;
    bool ok = id.size() > 3 && id.substr(0, 2) == value.country && id[2] == '-';
    for (std::size_t i = 3; ok && i < id.size(); ++i) ok = is_foreign_code_char(id[i]);
    if (!ok) {
        errors.push_back({"id", "a foreign id is the country code, a dash and a code, e.g. PL-3088171"});
    }
}

// The wording a person would use: "a twinning needs", "friendly relations need".
std::string needs_exactly_two(PartnershipKind kind) {
    switch (kind) {
        case PartnershipKind::twinning: return "a twinning needs exactly 2 parties";
        case PartnershipKind::memorandum: return "a memorandum needs exactly 2 parties";
        case PartnershipKind::friendly_relations: return "an agreement on friendly relations needs exactly 2 parties";
        default: return "this kind of partnership needs exactly 2 parties";
    }
}

bool is_bilateral(PartnershipKind kind) {
    return kind == PartnershipKind::twinning || kind == PartnershipKind::memorandum ||
           kind == PartnershipKind::friendly_relations;
}

bool is_language_code(std::string_view code) { return code.size() == 2 && is_lower(code[0]) && is_lower(code[1]); }

void check_sections(ValidationErrors& errors, const ProposalSections& sections) {
    if (sections.size() > k_max_sections) {
        errors.push_back({"sections", "at most " + std::to_string(k_max_sections) + " sections"});
    }
    for (const auto& [name, section] : sections) {
        bool ok = !name.empty() && name.size() <= 40;
        for (char c : name) ok = ok && (is_lower(c) || c == '_');
        const std::string path = "sections." + name;
        if (!ok) {
            errors.push_back({path, "a section name is 1 to 40 of a-z and _"});
            continue;
        }
        const std::pair<const char*, const std::string*> texts[] = {
            {"uk", &section.uk}, {"en", &section.en}, {"partner", &section.partner}};
        for (const auto& [language, text] : texts) {
            if (utf8::length(*text) > k_max_section_chars) {
                errors.push_back({path + "." + language, "at most " + std::to_string(k_max_section_chars) + " characters"});
            }
        }
    }
}

bool is_partnership_id(std::string_view id) {
    for (char c : id) {
        if (!(is_lower(c) || is_digit(c) || c == '.' || c == '_' || c == '-')) return false;
    }
    return true;
}

}  // namespace

bool is_katottg_code(std::string_view id) {
    return id.size() == 19 && id.substr(0, 2) == "UA" && all_digits(id.substr(2));
}

bool is_iso_date(std::string_view text) {
    if (text.size() != 10 || text[4] != '-' || text[7] != '-') return false;
    const std::string_view year = text.substr(0, 4), month = text.substr(5, 2), day = text.substr(8, 2);
    if (!all_digits(year) || !all_digits(month) || !all_digits(day)) return false;
    const int y = to_int(year), m = to_int(month), d = to_int(day);
    if (m < 1 || m > 12 || d < 1) return false;
    static constexpr int k_days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    const bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    const int days_in_month = (m == 2 && leap) ? 29 : k_days[m - 1];
    return d <= days_in_month;
}

bool is_iso_utc_timestamp(std::string_view text) {
    // YYYY-MM-DDTHH:MM:SS[.fff...]Z
    if (text.size() < 20 || text.back() != 'Z') return false;
    if (!is_iso_date(text.substr(0, 10)) || text[10] != 'T' || text[13] != ':' || text[16] != ':') return false;
    const std::string_view hour = text.substr(11, 2), minute = text.substr(14, 2), second = text.substr(17, 2);
    if (!all_digits(hour) || !all_digits(minute) || !all_digits(second)) return false;
    if (to_int(hour) > 23 || to_int(minute) > 59 || to_int(second) > 59) return false;
    const std::string_view rest = text.substr(19, text.size() - 20);  // between the seconds and the Z
    if (rest.empty()) return true;
    return rest.size() >= 2 && rest[0] == '.' && all_digits(rest.substr(1));
}

bool is_uuid(std::string_view text) {
    if (text.size() != 36) return false;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const bool dash_position = i == 8 || i == 13 || i == 18 || i == 23;
        if (dash_position ? text[i] != '-' : !is_hex_lower(text[i])) return false;
    }
    return true;
}

ValidationErrors validate(const Municipality& value) {
    ValidationErrors errors;
    if (!is_country_code(value.country)) errors.push_back({"country", "must be an ISO 3166-1 alpha-2 code"});
    check_municipality_id(errors, value);
    const bool ukrainian = value.country == "UA";
    if (ukrainian && value.kind == MunicipalityKind::foreign_municipality) {
        errors.push_back({"kind", "a Ukrainian municipality cannot be a foreign_municipality"});
    }
    if (!ukrainian && is_country_code(value.country) && value.kind != MunicipalityKind::foreign_municipality &&
        value.kind != MunicipalityKind::region) {
        errors.push_back({"kind", "a municipality outside Ukraine is a foreign_municipality or a region"});
    }
    if (is_blank(value.names.uk) && is_blank(value.names.en)) {
        errors.push_back({"names", "at least one name is required"});
    } else if (ukrainian && is_blank(value.names.uk)) {
        errors.push_back({"names.uk", "a Ukrainian municipality needs its Ukrainian name"});
    }
    for (std::size_t i = 0; i < value.aliases.size(); ++i) {
        if (is_blank(value.aliases[i])) errors.push_back({at("aliases", i), "must not be empty"});
    }
    if (value.location) {
        // Written so that NaN fails too.
        if (!(value.location->lat >= -90 && value.location->lat <= 90)) {
            errors.push_back({"location.lat", "must be between -90 and 90"});
        }
        if (!(value.location->lon >= -180 && value.location->lon <= 180)) {
            errors.push_back({"location.lon", "must be between -180 and 180"});
        }
    }
    if (value.population && *value.population < 0) errors.push_back({"population", "must not be negative"});
    if (value.area_km2 && !(*value.area_km2 > 0 && std::isfinite(*value.area_km2))) {
        errors.push_back({"area_km2", "must be greater than 0"});
    }
    check_sector_entries(errors, "needs", value.needs);
    check_sector_entries(errors, "offers", value.offers);
    if (!value.contacts.email.empty() && !looks_like_email(value.contacts.email)) {
        errors.push_back({"contacts.email", "must be an e-mail address, e.g. office@example.org"});
    }
    if (!value.contacts.website.empty() && !looks_like_website(value.contacts.website)) {
        errors.push_back({"contacts.website", "must start with http:// or https://"});
    }
    for (std::size_t i = 0; i < value.languages.size(); ++i) {
        const std::string& lang = value.languages[i];
        if (!is_language_code(lang)) {
            errors.push_back({at("languages", i), k_language_rule});
        }
    }
    check_revision(errors, value.revision);
    check_timestamp(errors, "updated_at", value.updated_at);
    return errors;
}

ValidationErrors validate(const Partnership& value) {
    ValidationErrors errors;
    if (value.id.empty()) {
        errors.push_back({"id", "required"});
    } else if (!is_partnership_id(value.id)) {
        errors.push_back({"id", "only lower-case letters, digits, '.', '_' and '-'"});
    }
    if (is_bilateral(value.kind) && value.parties.size() != 2) {
        errors.push_back({"parties", needs_exactly_two(value.kind)});
    } else if (value.parties.size() < 2) {
        errors.push_back({"parties", "a partnership needs at least 2 parties"});
    }
    std::set<std::string_view> seen;
    const bool declaration = value.kind == PartnershipKind::joint_declaration;
    for (std::size_t i = 0; i < value.parties.size(); ++i) {
        const Party& party = value.parties[i];
        const std::string path = at("parties", i);
        if (party.municipality.empty()) {
            errors.push_back({path + ".municipality", "required"});
        } else if (!seen.insert(party.municipality).second) {
            errors.push_back({path + ".municipality", "listed twice"});
        } else if (value.kind == PartnershipKind::inter_municipal_cooperation &&
                   !is_katottg_code(party.municipality)) {
            errors.push_back({path + ".municipality",
                              "inter-municipal cooperation is between Ukrainian hromadas (a KATOTTG code)"});
        }
        if (declaration && !is_iso_date(party.joined_on)) {
            errors.push_back({path + ".joined_on", "a declaration signatory needs the date it joined (YYYY-MM-DD)"});
        } else if (!declaration && !party.joined_on.empty() && !is_iso_date(party.joined_on)) {
            errors.push_back({path + ".joined_on", k_date_rule});
        }
    }
    if (value.open_to_join && !declaration) {
        errors.push_back({"open_to_join", "only a joint declaration can be open to join"});
    }
    if (!has_name(value.title)) errors.push_back({"title", "a title in Ukrainian or English is required"});
    if (!value.signed_on.empty() && !is_iso_date(value.signed_on)) errors.push_back({"signed_on", k_date_rule});
    check_areas(errors, value.areas);
    check_revision(errors, value.revision);
    check_timestamp(errors, "updated_at", value.updated_at);
    return errors;
}

ValidationErrors validate(const Proposal& value) {
    ValidationErrors errors;
    if (!is_uuid(value.id)) errors.push_back({"id", "must be a UUID made by the client"});
    if (value.from.empty()) errors.push_back({"from", "required"});
    if (value.to.empty()) {
        errors.push_back({"to", "required"});
    } else if (value.to == value.from) {
        errors.push_back({"to", "a municipality cannot propose to itself"});
    }
    check_areas(errors, value.areas);
    for (std::size_t i = 0; i < value.history.size(); ++i) {
        if (!is_iso_utc_timestamp(value.history[i].at)) {
            errors.push_back({at("history", i) + ".at", k_timestamp_rule});
        }
    }
    if (!value.history.empty() && value.history.back().status != value.status) {
        errors.push_back({"history", "the last entry must match status"});
    }
    check_sections(errors, value.sections);
    const auto intro = value.sections.find("introduction");
    const bool has_intro =
        intro != value.sections.end() && (!is_blank(intro->second.uk) || !is_blank(intro->second.en));
    if (value.status != ProposalStatus::draft && !has_intro) {
        errors.push_back({"sections.introduction", "required before a proposal is sent"});
    }
    if (!value.partner_language.empty() && !is_language_code(value.partner_language)) {
        errors.push_back({"partner_language", k_language_rule});
    }
    for (std::size_t i = 0; i < value.messages.size(); ++i) {
        const ProposalMessage& message = value.messages[i];
        if (!is_uuid(message.id)) errors.push_back({at("messages", i) + ".id", "must be a UUID made by the client"});
        check_timestamp(errors, at("messages", i) + ".at", message.at);
        if (is_blank(message.text)) {
            errors.push_back({at("messages", i) + ".text", "must not be empty"});
        } else if (utf8::length(message.text) > k_max_message_chars) {
            errors.push_back({at("messages", i) + ".text", "at most 5000 characters"});
        }
    }
    if (!value.signed_on.empty() && !is_iso_date(value.signed_on)) errors.push_back({"signed_on", k_date_rule});
    check_revision(errors, value.revision);
    check_timestamp(errors, "created_at", value.created_at);
    check_timestamp(errors, "updated_at", value.updated_at);
    return errors;
}

ValidationErrors validate(const Announcement& value) {
    ValidationErrors errors;
    if (value.id.empty()) errors.push_back({"id", "required"});
    if (!is_iso_date(value.date)) errors.push_back({"date", k_date_rule});
    if (!has_name(value.title)) errors.push_back({"title", "a title in Ukrainian or English is required"});
    for (std::size_t i = 0; i < value.tags.size(); ++i) {
        if (is_blank(value.tags[i])) errors.push_back({at("tags", i), "must not be empty"});
    }
    for (std::size_t i = 0; i < value.links.size(); ++i) {
        const RecordLink& link = value.links[i];
        if (link.kind != "municipality" && link.kind != "partnership" && link.kind != "announcement") {
            errors.push_back({at("links", i) + ".kind", "must be municipality, partnership or announcement"});
        }
        if (link.id.empty()) errors.push_back({at("links", i) + ".id", "required"});
    }
    check_revision(errors, value.revision);
    check_timestamp(errors, "updated_at", value.updated_at);
    return errors;
}

}  // namespace prd
