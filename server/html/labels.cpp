#include "html/labels.hpp"

#include <cmath>
#include <cstdio>
#include <iterator>

namespace prd::server::html {
namespace {

struct LabelText {
    Label label;
    std::string_view uk;
    std::string_view en;
};

// One row per label, in the enum's order (checked below), so a label without both languages
// cannot be added by accident.
constexpr LabelText k_labels[] = {
    {Label::site_name, "Партнерство для відновлення та розвитку", "Partnership for Recovery and Development"},
    {Label::skip_to_content, "Перейти до змісту", "Skip to content"},
    {Label::nav_label, "Розділи реєстру", "Registry sections"},
    {Label::nav_search, "Пошук", "Search"},
    {Label::nav_declarations, "Декларації", "Declarations"},
    {Label::nav_stats, "Статистика", "Statistics"},
    {Label::nav_app, "Застосунок", "The app"},
    // Written in the language it leads to.
    {Label::language_switch, "Українською", "English"},
    {Label::text_version_note, "Текстова версія реєстру: працює без JavaScript і з програмами зчитування екрана.",
     "The text version of the registry: it works without JavaScript and with screen readers."},
    {Label::open_in_app, "Відкрити в застосунку", "Open in the app"},
    {Label::open_in_app_hint, "щоб скласти й надіслати пропозицію (потрібні JavaScript і WebGL 2)",
     "to draft and send a proposal (needs JavaScript and WebGL 2)"},
    {Label::footer_data, "Дані: KSE Institute (KSE-Loc-Data-Hub), КАТОТТГ, OCHA, GeoNames, Wikidata, Вікіпедія.",
     "Data: KSE Institute (KSE-Loc-Data-Hub), KATOTTG, OCHA, GeoNames, Wikidata, Wikipedia."},
    {Label::footer_sources, "Джерела й ліцензії (JSON)", "Sources and licences (JSON)"},
    {Label::yes, "Так", "Yes"},
    {Label::no, "Ні", "No"},
    {Label::all, "Усі", "All"},
    {Label::km, "км", "km"},
    {Label::km2, "км²", "km²"},

    {Label::search_title, "Пошук у реєстрі громад", "Search the registry of communities"},
    {Label::search_description,
     "Українські громади й закордонні муніципалітети-партнери: пошук за назвою українською, англійською чи старим написанням.",
     "Ukrainian hromadas and foreign partner municipalities: search by name in Ukrainian, English or an old spelling."},
    {Label::field_query, "Назва громади чи міста", "Name of a community or town"},
    {Label::field_query_hint, "Можна англійською чи старим написанням: Lemberg, Kharkov.",
     "English and old spellings work too: Lemberg, Kharkov."},
    {Label::filters_legend, "Фільтри", "Filters"},
    {Label::field_country, "Країна", "Country"},
    {Label::field_region, "Область", "Oblast"},
    {Label::field_kind, "Тип", "Type"},
    {Label::field_needs, "Потребує", "Needs"},
    {Label::field_offers, "Пропонує", "Offers"},
    {Label::field_no_foreign_partner, "Лише без іноземного партнера", "Only those with no foreign partner"},
    {Label::field_frontline, "Лише прифронтові (до 30 км від Росії)", "Only frontline communities (within 30 km of Russia)"},
    {Label::search_button, "Шукати", "Search"},
    {Label::results_heading, "Результати", "Results"},
    {Label::results_count, "Знайдено: {}", "Found: {}"},
    {Label::results_for, "Результати за запитом «{}»", "Results for “{}”"},
    {Label::nothing_found, "Нічого не знайдено. Спробуйте інше написання або менше фільтрів.",
     "Nothing found. Try another spelling or fewer filters."},
    {Label::matched_spelling, "знайдено за написанням «{}»", "found by the spelling “{}”"},
    {Label::pages_nav, "Сторінки результатів", "Result pages"},
    {Label::previous_page, "Попередня сторінка", "Previous page"},
    {Label::next_page, "Наступна сторінка", "Next page"},
    {Label::page_of, "Сторінка {} з {}", "Page {} of {}"},
    {Label::bad_request_title, "Неправильний запит", "Bad request"},

    {Label::municipality_description, "{}: назви, партнерства, потреби й можливі партнери в реєстрі «Партнерство для відновлення та розвитку».",
     "{}: names, partnerships, needs and suggested partners in the Partnership for Recovery and Development registry."},
    {Label::names_heading, "Назви", "Names"},
    {Label::name_uk, "Українською", "In Ukrainian"},
    {Label::name_en, "Англійською", "In English"},
    {Label::name_native, "Мовою громади", "In its own language"},
    {Label::also_known_as, "Інші написання", "Other spellings"},
    {Label::centre, "Адміністративний центр", "Administrative centre"},
    {Label::facts_heading, "Відомості", "Facts"},
    {Label::kind, "Тип", "Type"},
    {Label::country, "Країна", "Country"},
    {Label::region, "Регіон", "Region"},
    {Label::district, "Район", "Raion"},
    {Label::population, "Населення", "Population"},
    {Label::area, "Площа", "Area"},
    {Label::coordinates, "Координати", "Coordinates"},
    {Label::distance_to_russia, "Відстань до Росії", "Distance to Russia"},
    {Label::occupied_before_2022, "Окупована до 2022 року", "Occupied before 2022"},
    {Label::languages, "Мови", "Languages"},
    {Label::open_to_partners, "Шукає партнерів", "Open to partners"},
    {Label::verified, "Перевірено модератором", "Verified by a moderator"},
    {Label::description, "Опис", "Description"},
    {Label::needs_heading, "Чого потребує", "What it needs"},
    {Label::offers_heading, "Що пропонує", "What it offers"},
    {Label::none_recorded, "Не вказано.", "None recorded."},
    {Label::priority, "пріоритет {}", "priority {}"},
    {Label::partnerships_heading, "Партнерства", "Partnerships"},
    {Label::partnerships_caption, "Партнерства, у яких бере участь громада", "Partnerships it is a party to"},
    {Label::col_partnership, "Партнерство", "Partnership"},
    {Label::col_partners, "Партнери", "Partners"},
    {Label::col_kind, "Вид", "Kind"},
    {Label::col_status, "Статус", "Status"},
    {Label::col_signed, "Підписано", "Signed"},
    {Label::no_partnerships, "Партнерств у реєстрі немає.", "No partnerships in the registry."},
    {Label::suggestions_heading, "Можливі партнери", "Suggested partners"},
    {Label::suggestions_intro, "Підібрано за потребами й пропозиціями, розміром, партнерами сусідів і країною.",
     "Matched on needs and offers, size, the partners of neighbours and country."},
    {Label::suggestions_caption, "Можливі партнери та чому їх запропоновано", "Suggested partners and why"},
    {Label::col_municipality, "Громада чи місто", "Municipality"},
    {Label::col_country, "Країна", "Country"},
    {Label::col_score, "Оцінка (зі 100)", "Score (of 100)"},
    {Label::col_reason, "Чому", "Why"},
    {Label::no_suggestions, "Можливих партнерів не знайдено.", "No suggestions."},
    {Label::source_heading, "Джерело даних", "Source of the data"},
    {Label::updated, "Оновлено", "Updated"},
    {Label::not_found_title, "Сторінку не знайдено", "Page not found"},
    {Label::not_found_text, "У реєстрі немає такого запису. Спробуйте пошук.", "The registry has no such record. Try the search."},

    {Label::partnership_description, "{} у реєстрі «Партнерство для відновлення та розвитку»: {}.",
     "{} in the Partnership for Recovery and Development registry: {}."},
    {Label::parties_heading, "Сторони", "Parties"},
    {Label::parties_caption, "Сторони партнерства", "Parties to the partnership"},
    {Label::col_region, "Регіон", "Region"},
    {Label::col_joined, "Дата приєднання", "Joined on"},
    {Label::signed_on, "Дата підписання", "Signed on"},
    {Label::place, "Місце", "Place"},
    {Label::event, "Подія", "Event"},
    {Label::areas, "Сфери співпраці", "Areas of cooperation"},
    {Label::open_to_join, "Відкрита для приєднання", "Open for others to join"},
    {Label::ends_on, "Діє до", "Valid until"},
    {Label::cooperation_form, "Форма співробітництва", "Form of cooperation"},
    {Label::status, "Статус", "Status"},
    {Label::declarations_title, "Спільні декларації", "Joint declarations"},
    {Label::declarations_description, "Спільні декларації громад і міст про відбудову України та їхні підписанти.",
     "Joint declarations of communities and cities on Ukraine's recovery, with their signatories."},
    {Label::declarations_intro, "Декларації з багатьма підписантами; до відкритих можуть приєднатися інші громади й міста.",
     "Declarations with many signatories; other communities and cities may join the open ones."},
    {Label::signatories_caption, "Підписанти: {}", "Signatories: {}"},
    {Label::no_declarations, "Декларацій у реєстрі немає.", "No declarations in the registry."},

    {Label::stats_title, "Статистика: де бракує партнерів", "Statistics: where partners are missing"},
    {Label::stats_description, "Скільки українських громад не мають іноземного партнера, за областями; партнерства за видом і країною.",
     "How many Ukrainian communities have no foreign partner, by oblast; partnerships by kind and by country."},
    {Label::stats_note, "Іноземний партнер: підписане, чинне чи призупинене партнерство з муніципалітетом іншої країни.",
     "A foreign partner: a signed, active or dormant partnership with a municipality of another country."},
    {Label::summary_caption, "Огляд", "Overview"},
    {Label::col_measure, "Показник", "Measure"},
    {Label::col_count, "Кількість", "Count"},
    {Label::col_share, "Частка", "Share"},
    {Label::stat_municipalities, "Громад і міст у реєстрі", "Municipalities in the registry"},
    {Label::stat_ua_communities, "Українських громад", "Ukrainian communities"},
    {Label::stat_partnerships, "Партнерств", "Partnerships"},
    {Label::stat_no_foreign, "Українських громад без іноземного партнера", "Ukrainian communities with no foreign partner"},
    {Label::stat_frontline, "Прифронтових громад (до 30 км від Росії)", "Frontline communities (within 30 km of Russia)"},
    {Label::stat_frontline_no_foreign, "Прифронтових громад без іноземного партнера", "Frontline communities with no foreign partner"},
    {Label::by_oblast_caption, "Громади без іноземного партнера за областями", "Communities with no foreign partner, by oblast"},
    {Label::col_oblast, "Область", "Oblast"},
    {Label::col_communities, "Громад", "Communities"},
    {Label::col_without, "Без іноземного партнера", "With no foreign partner"},
    {Label::by_kind_caption, "Партнерства за видом", "Partnerships by kind"},
    {Label::col_in_force, "Чинні (підписані або діють)", "In force (signed or active)"},
    {Label::by_country_caption, "Партнерства українських громад за країною партнера",
     "Partnerships of Ukrainian communities by partner country"},
    {Label::col_partnerships, "Партнерств", "Partnerships"},
    {Label::col_ua_communities, "Українських громад", "Ukrainian communities"},
};

constexpr bool in_enum_order() {
    for (std::size_t i = 0; i < std::size(k_labels); ++i)
        if (static_cast<std::size_t>(k_labels[i].label) != i || k_labels[i].uk.empty() || k_labels[i].en.empty()) return false;
    return true;
}
static_assert(in_enum_order(), "k_labels must list every Label once, in order, with both languages");
static_assert(static_cast<std::size_t>(Label::col_ua_communities) + 1 == std::size(k_labels), "a Label lacks its row");

std::string group_digits(std::int64_t value, std::string_view separator) {
    const bool negative = value < 0;
    std::string digits = std::to_string(negative ? -value : value);
    std::string out;
    for (std::size_t i = 0; i < digits.size(); ++i) {
        if (i > 0 && (digits.size() - i) % 3 == 0) out += separator;
        out += digits[i];
    }
    return negative ? "-" + out : out;
}

}  // namespace

std::string_view code(Lang lang) { return lang == Lang::uk ? "uk" : "en"; }
Lang other(Lang lang) { return lang == Lang::uk ? Lang::en : Lang::uk; }

std::string_view text(Label label, Lang lang) {
    const auto& row = k_labels[static_cast<std::size_t>(label)];
    return lang == Lang::uk ? row.uk : row.en;
}

std::string format(Label label, Lang lang, std::string_view a, std::string_view b) {
    std::string out(text(label, lang));
    for (const std::string_view arg : {a, b}) {
        const auto at = out.find("{}");
        if (at == std::string::npos) break;
        out.replace(at, 2, arg);
    }
    return out;
}

std::string format_count(std::int64_t value, Lang lang) {
    // Ukrainian groups thousands with a space (here a no-break space, so a number never wraps).
    return group_digits(value, lang == Lang::uk ? "\u00a0" : ",");
}

std::string format_decimal(double value, Lang lang) {
    char text[64];
    std::snprintf(text, sizeof text, "%.1f", value);
    std::string out = text;
    if (lang == Lang::uk)
        if (const auto dot = out.find('.'); dot != std::string::npos) out[dot] = ',';
    return out;
}

std::string format_share(std::size_t part, std::size_t whole, Lang lang) {
    if (whole == 0) return "—";
    const double percent = std::round(1000.0 * static_cast<double>(part) / static_cast<double>(whole)) / 10.0;
    return format_decimal(percent, lang) + (lang == Lang::uk ? "\u00a0%" : "%");
}

}  // namespace prd::server::html
