#include "app/ui_text.hpp"

#include <array>

namespace prd::web {
namespace {

struct Entry {
    Text id;
    const char* uk;
    const char* en;
};

// One row per label, in enum order (checked below), so a missing translation is a compile error.
constexpr std::array<Entry, static_cast<size_t>(Text::count_)> table{{
    {Text::app_title, "Партнерство для відновлення та розвитку", "Partnership for Recovery and Development"},
    {Text::app_subtitle, "Реєстр громад і муніципалітетів-партнерів", "Registry of hromadas and partner municipalities"},
    {Text::language_toggle_hint, "Мова інтерфейсу", "Interface language"},
    {Text::tab_partnerships, "Партнерства", "Partnerships"},
    {Text::tab_municipalities, "Громади й муніципалітети", "Hromadas & municipalities"},
    {Text::loading, "Завантаження реєстру…", "Loading the registry…"},
    {Text::load_failed, "Не вдалося завантажити реєстр", "Could not load the registry"},
    {Text::retry, "Спробувати ще раз", "Try again"},
    {Text::filter_hint, "Фільтр: назва, країна, область…", "Filter: name, country, region…"},
    {Text::clear, "Очистити", "Clear"},
    {Text::rows_shown, "Показано", "Shown"},
    {Text::revision, "Редакція", "Revision"},
    {Text::col_name, "Назва", "Name"},
    {Text::col_native_name, "Рідною мовою", "Native name"},
    {Text::col_kind, "Тип", "Kind"},
    {Text::col_country, "Країна", "Country"},
    {Text::col_region, "Регіон", "Region"},
    {Text::col_population, "Населення", "Population"},
    {Text::col_partnerships, "Партнерств", "Partnerships"},
    {Text::col_title, "Назва", "Title"},
    {Text::col_parties, "Сторони", "Parties"},
    {Text::col_signed_on, "Підписано", "Signed on"},
    {Text::col_place, "Місце", "Place"},
    {Text::col_status, "Статус", "Status"},
    {Text::col_open_to_join, "Можна приєднатися", "Open to join"},
    {Text::yes, "так", "yes"},
    {Text::no, "ні", "no"},
    {Text::nothing_matches, "Нічого не знайдено за цим фільтром.", "Nothing matches this filter."},
    {Text::empty_registry, "У реєстрі ще немає записів.", "The registry has no records yet."},
}};

constexpr bool table_in_enum_order() {
    for (size_t i = 0; i < table.size(); ++i) {
        if (static_cast<size_t>(table[i].id) != i) return false;
    }
    return true;
}
static_assert(table_in_enum_order(), "ui_text table rows must follow the Text enum order");

constexpr std::array<const char*, table.size() * 2> flatten() {
    std::array<const char*, table.size() * 2> out{};
    for (size_t i = 0; i < table.size(); ++i) {
        out[2 * i] = table[i].uk;
        out[2 * i + 1] = table[i].en;
    }
    return out;
}
constexpr auto all = flatten();

}  // namespace

std::string_view code(Lang lang) { return lang == Lang::uk ? "uk" : "en"; }

const char* tr(Text id, Lang lang) {
    const Entry& entry = table[static_cast<size_t>(id)];
    return lang == Lang::uk ? entry.uk : entry.en;
}

std::span<const char* const> all_texts() { return all; }

}  // namespace prd::web
