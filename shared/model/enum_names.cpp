// Names of the enums: the JSON form (the enum's own name) and labels for people.
// The JSON names are part of the public data format: never rename one, only add.

#include <array>
#include <optional>
#include <string_view>

#include "model/json_codec.hpp"

namespace prd {
namespace {

struct Names3 {
    std::string_view code;
    std::string_view uk;
    std::string_view en;
};

constexpr std::array<Names3, 6> k_municipality_kinds{{
    {"city_hromada", "Міська громада", "City hromada"},
    {"settlement_hromada", "Селищна громада", "Settlement hromada"},
    {"village_hromada", "Сільська громада", "Village hromada"},
    {"special_status_city", "Місто зі спеціальним статусом", "City with special status"},
    {"foreign_municipality", "Закордонний муніципалітет", "Foreign municipality"},
    {"region", "Регіон", "Region"},
}};

constexpr std::array<Names3, 7> k_partnership_kinds{{
    {"twinning", "Побратимство", "Twinning"},
    {"memorandum", "Меморандум про співпрацю", "Memorandum of understanding"},
    {"friendly_relations", "Угода про дружні відносини", "Agreement on friendly relations"},
    {"cooperation_agreement", "Угода про співробітництво", "Cooperation agreement"},
    {"project_partnership", "Проєктне партнерство", "Project partnership"},
    {"inter_municipal_cooperation", "Міжмуніципальне співробітництво", "Inter-municipal cooperation"},
    {"joint_declaration", "Спільна декларація", "Joint declaration"},
}};

constexpr std::array<Names3, 5> k_partnership_statuses{{
    {"proposed", "Запропоновано", "Proposed"},
    {"signed", "Підписано", "Signed"},
    {"active", "Діє", "Active"},
    {"dormant", "Призупинено", "Dormant"},
    {"ended", "Припинено", "Ended"},
}};

constexpr std::array<Names3, 7> k_proposal_statuses{{
    {"draft", "Чернетка", "Draft"},
    {"sent", "Надіслано", "Sent"},
    {"in_discussion", "Обговорюється", "In discussion"},
    {"accepted", "Прийнято", "Accepted"},
    {"declined", "Відхилено", "Declined"},
    {"withdrawn", "Відкликано", "Withdrawn"},
    {"signed", "Підписано", "Signed"},
}};

constexpr std::array<Names3, 4> k_record_kinds{{
    {"municipality", "Громада", "Municipality"},
    {"partnership", "Партнерство", "Partnership"},
    {"proposal", "Пропозиція", "Proposal"},
    {"announcement", "Оголошення", "Announcement"},
}};

static_assert(static_cast<std::size_t>(MunicipalityKind::region) + 1 == k_municipality_kinds.size());
static_assert(static_cast<std::size_t>(PartnershipKind::joint_declaration) + 1 == k_partnership_kinds.size());
static_assert(static_cast<std::size_t>(PartnershipStatus::ended) + 1 == k_partnership_statuses.size());
static_assert(static_cast<std::size_t>(ProposalStatus::signed_) + 1 == k_proposal_statuses.size());
static_assert(static_cast<std::size_t>(RecordKind::announcement) + 1 == k_record_kinds.size());

template <class Enum, std::size_t N>
const Names3& entry(const std::array<Names3, N>& table, Enum value) {
    return table.at(static_cast<std::size_t>(value));
}

template <class Enum, std::size_t N>
std::optional<Enum> parse(const std::array<Names3, N>& table, std::string_view text) {
    for (std::size_t i = 0; i < N; ++i) {
        if (table[i].code == text) return static_cast<Enum>(i);
    }
    return std::nullopt;
}

template <class Enum, std::size_t N>
std::string_view label_of(const std::array<Names3, N>& table, Enum value, std::string_view lang) {
    const Names3& names = entry(table, value);
    return lang == "uk" ? names.uk : names.en;
}

}  // namespace

std::string_view to_string(MunicipalityKind kind) { return entry(k_municipality_kinds, kind).code; }
std::string_view to_string(PartnershipKind kind) { return entry(k_partnership_kinds, kind).code; }
std::string_view to_string(PartnershipStatus status) { return entry(k_partnership_statuses, status).code; }
std::string_view to_string(ProposalStatus status) { return entry(k_proposal_statuses, status).code; }
std::string_view to_string(RecordKind kind) { return entry(k_record_kinds, kind).code; }

std::optional<MunicipalityKind> municipality_kind_from_string(std::string_view text) {
    return parse<MunicipalityKind>(k_municipality_kinds, text);
}
std::optional<PartnershipKind> partnership_kind_from_string(std::string_view text) {
    return parse<PartnershipKind>(k_partnership_kinds, text);
}
std::optional<PartnershipStatus> partnership_status_from_string(std::string_view text) {
    return parse<PartnershipStatus>(k_partnership_statuses, text);
}
std::optional<ProposalStatus> proposal_status_from_string(std::string_view text) {
    return parse<ProposalStatus>(k_proposal_statuses, text);
}
std::optional<RecordKind> record_kind_from_string(std::string_view text) {
    return parse<RecordKind>(k_record_kinds, text);
}

std::string_view label(MunicipalityKind kind, std::string_view lang) {
    return label_of(k_municipality_kinds, kind, lang);
}
std::string_view label(PartnershipKind kind, std::string_view lang) {
    return label_of(k_partnership_kinds, kind, lang);
}
std::string_view label(PartnershipStatus status, std::string_view lang) {
    return label_of(k_partnership_statuses, status, lang);
}
std::string_view label(ProposalStatus status, std::string_view lang) {
    return label_of(k_proposal_statuses, status, lang);
}
std::string_view label(RecordKind kind, std::string_view lang) { return label_of(k_record_kinds, kind, lang); }

}  // namespace prd
