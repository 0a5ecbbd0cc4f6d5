// The country table behind country_name(), sorted by code so a lookup is a binary search.

#include "i18n/countries.hpp"

#include "i18n/sorted_table.hpp"

namespace prd {
namespace {

struct Country {
    std::string_view code;
    std::string_view uk;
    std::string_view en;
};

// Every country of the registry, and Europe's others; sorted by code (checked below).
constexpr Country k_countries[] = {
    {"AD", "Андорра", "Andorra"}, {"AL", "Албанія", "Albania"}, {"AM", "Вірменія", "Armenia"},
    {"AR", "Аргентина", "Argentina"}, {"AT", "Австрія", "Austria"}, {"AU", "Австралія", "Australia"},
    {"AX", "Аландські острови", "Åland Islands"}, {"AZ", "Азербайджан", "Azerbaijan"},
    {"BA", "Боснія і Герцеговина", "Bosnia and Herzegovina"}, {"BE", "Бельгія", "Belgium"},
    {"BG", "Болгарія", "Bulgaria"}, {"BR", "Бразилія", "Brazil"}, {"CA", "Канада", "Canada"},
    {"CH", "Швейцарія", "Switzerland"}, {"CL", "Чилі", "Chile"}, {"CN", "Китай", "China"}, {"CU", "Куба", "Cuba"},
    {"CY", "Кіпр", "Cyprus"}, {"CZ", "Чехія", "Czechia"}, {"DE", "Німеччина", "Germany"}, {"DK", "Данія", "Denmark"},
    {"EE", "Естонія", "Estonia"}, {"EG", "Єгипет", "Egypt"}, {"ES", "Іспанія", "Spain"}, {"FI", "Фінляндія", "Finland"},
    {"FO", "Фарерські острови", "Faroe Islands"}, {"FR", "Франція", "France"},
    {"GB", "Велика Британія", "United Kingdom"}, {"GE", "Грузія", "Georgia"}, {"GG", "Гернсі", "Guernsey"},
    {"GI", "Гібралтар", "Gibraltar"}, {"GR", "Греція", "Greece"}, {"HR", "Хорватія", "Croatia"},
    {"HU", "Угорщина", "Hungary"}, {"ID", "Індонезія", "Indonesia"}, {"IE", "Ірландія", "Ireland"},
    {"IL", "Ізраїль", "Israel"}, {"IM", "Острів Мен", "Isle of Man"}, {"IN", "Індія", "India"},
    {"IS", "Ісландія", "Iceland"}, {"IT", "Італія", "Italy"}, {"JE", "Джерсі", "Jersey"}, {"JO", "Йорданія", "Jordan"},
    {"JP", "Японія", "Japan"}, {"KG", "Киргизстан", "Kyrgyzstan"}, {"KR", "Південна Корея", "South Korea"},
    {"KZ", "Казахстан", "Kazakhstan"}, {"LI", "Ліхтенштейн", "Liechtenstein"}, {"LT", "Литва", "Lithuania"},
    {"LU", "Люксембург", "Luxembourg"}, {"LV", "Латвія", "Latvia"}, {"MC", "Монако", "Monaco"},
    {"MD", "Молдова", "Moldova"}, {"ME", "Чорногорія", "Montenegro"}, {"MK", "Північна Македонія", "North Macedonia"},
    {"MT", "Мальта", "Malta"}, {"MX", "Мексика", "Mexico"}, {"NL", "Нідерланди", "Netherlands"},
    {"NO", "Норвегія", "Norway"}, {"NZ", "Нова Зеландія", "New Zealand"}, {"PE", "Перу", "Peru"},
    {"PL", "Польща", "Poland"}, {"PT", "Португалія", "Portugal"}, {"RO", "Румунія", "Romania"},
    {"RS", "Сербія", "Serbia"}, {"SE", "Швеція", "Sweden"}, {"SI", "Словенія", "Slovenia"},
    {"SJ", "Шпіцберген і Ян-Маєн", "Svalbard and Jan Mayen"}, {"SK", "Словаччина", "Slovakia"},
    {"SM", "Сан-Марино", "San Marino"}, {"TM", "Туркменистан", "Turkmenistan"}, {"TN", "Туніс", "Tunisia"},
    {"TR", "Туреччина", "Türkiye"}, {"UA", "Україна", "Ukraine"}, {"US", "США", "United States"},
    {"UZ", "Узбекистан", "Uzbekistan"}, {"VA", "Ватикан", "Vatican City"}, {"XK", "Косово", "Kosovo"},
    {"ZA", "Південна Африка", "South Africa"},
};

static_assert(sorted_by(k_countries, &Country::code), "k_countries must be sorted by code");

}  // namespace

std::string_view country_name(std::string_view code, std::string_view lang) {
    const Country* country = find_sorted(k_countries, &Country::code, code);
    if (!country) return code;
    return lang == "uk" ? country->uk : country->en;
}

}  // namespace prd
