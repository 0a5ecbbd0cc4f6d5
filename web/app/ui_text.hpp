#pragma once
// Every label the app shows, in Ukrainian and English. Record text (names, titles) comes from the
// registry; enum labels (kinds, statuses) come from the core's label().

#include <span>
#include <string_view>

namespace prd::web {

enum class Lang { uk, en };

/// "uk" or "en": the form the core's label() and the published state use.
std::string_view code(Lang lang);

enum class Text {
    app_title,
    app_subtitle,
    language_toggle_hint,
    tab_partnerships,
    tab_municipalities,
    loading,
    load_failed,
    retry,
    filter_hint,
    clear,
    rows_shown,  ///< followed by "N / M"
    revision,
    col_name,
    col_native_name,
    col_kind,
    col_country,
    col_region,
    col_population,
    col_partnerships,
    col_title,
    col_parties,
    col_signed_on,
    col_place,
    col_status,
    col_open_to_join,
    yes,
    no,
    nothing_matches,
    empty_registry,
    count_  ///< not a label: the number of labels
};

/// The label in `lang`; never empty, never null.
const char* tr(Text id, Lang lang);

/// Every label in every language, so the app can check the font covers them all.
std::span<const char* const> all_texts();

}  // namespace prd::web
