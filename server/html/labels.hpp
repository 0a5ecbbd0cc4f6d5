#pragma once
// The text version's words: every label of its pages in Ukrainian and English, and how numbers
// are written in each. Place names (countries, oblasts) are in places.hpp.

#include <cstdint>
#include <string>
#include <string_view>

namespace prd::server::html {

enum class Lang { uk, en };

/// "uk" or "en": the page's lang attribute and the ?lang= value.
std::string_view code(Lang lang);
Lang other(Lang lang);

enum class Label {
    site_name, skip_to_content, nav_label, nav_search, nav_declarations, nav_stats, nav_app,
    language_switch, text_version_note, open_in_app, open_in_app_hint, footer_data, footer_sources,
    yes, no, all, km, km2,
    // search
    search_title, search_description, field_query, field_query_hint, filters_legend, field_country,
    field_region, field_kind, field_needs, field_offers, field_no_foreign_partner, field_frontline,
    search_button, results_heading, results_count, results_for, nothing_found, matched_spelling,
    pages_nav, previous_page, next_page, page_of, bad_request_title,
    // a municipality
    municipality_description, names_heading, name_uk, name_en, name_native, also_known_as, centre,
    facts_heading, kind, country, region, district, population, area, coordinates, distance_to_russia,
    occupied_before_2022, languages, open_to_partners, verified, description, needs_heading,
    offers_heading, none_recorded, priority, partnerships_heading, partnerships_caption,
    col_partnership, col_partners, col_kind, col_status, col_signed, no_partnerships,
    suggestions_heading, suggestions_intro, suggestions_caption, col_municipality, col_country,
    col_score, col_reason, no_suggestions, source_heading, updated, not_found_title, not_found_text,
    // a partnership, declarations
    partnership_description, parties_heading, parties_caption, col_region, col_joined, signed_on, place,
    event, areas, open_to_join, ends_on, cooperation_form, status, declarations_title,
    declarations_description, declarations_intro, signatories_caption, no_declarations,
    // statistics
    stats_title, stats_description, stats_note, summary_caption, col_measure, col_count, col_share,
    stat_municipalities, stat_ua_communities, stat_partnerships, stat_no_foreign, stat_frontline,
    stat_frontline_no_foreign, by_oblast_caption, col_oblast, col_communities, col_without,
    by_kind_caption, col_in_force, by_country_caption, col_partnerships, col_ua_communities,
};

/// The label in the language. Every label has both.
std::string_view text(Label label, Lang lang);
/// The label with each "{}" replaced by the next argument, in order.
std::string format(Label label, Lang lang, std::string_view a, std::string_view b = {});

/// 777234 -> "777 234" (uk, with a no-break space) or "777,234" (en).
std::string format_count(std::int64_t value, Lang lang);
/// A number with one decimal: 311.4 -> "311,4" (uk) or "311.4" (en).
std::string format_decimal(double value, Lang lang);
/// A share of `whole` as a percentage with one decimal: "38,2 %" (uk) or "38.2%" (en); "—" when whole is 0.
std::string format_share(std::size_t part, std::size_t whole, Lang lang);

}  // namespace prd::server::html
