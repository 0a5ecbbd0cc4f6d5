#include "app/countries.hpp"

namespace prd::web {
namespace {

struct Country {
    std::string_view code;
    std::string_view uk;
    std::string_view en;
};

constexpr Country countries[] = {
    {"AD", "Андорра", "Andorra"},
    {"AL", "Албанія", "Albania"},
    {"AM", "Вірменія", "Armenia"},
    {"AR", "Аргентина", "Argentina"},
    {"AT", "Австрія", "Austria"},
    {"AX", "Аландські острови", "Åland"},
    {"AZ", "Азербайджан", "Azerbaijan"},
    {"BA", "Боснія і Герцеговина", "Bosnia and Herzegovina"},
    {"BE", "Бельгія", "Belgium"},
    {"BG", "Болгарія", "Bulgaria"},
    {"BR", "Бразилія", "Brazil"},
    {"CA", "Канада", "Canada"},
    {"CH", "Швейцарія", "Switzerland"},
    {"CL", "Чилі", "Chile"},
    {"CN", "Китай", "China"},
    {"CU", "Куба", "Cuba"},
    {"CY", "Кіпр", "Cyprus"},
    {"CZ", "Чехія", "Czechia"},
    {"DE", "Німеччина", "Germany"},
    {"DK", "Данія", "Denmark"},
    {"EE", "Естонія", "Estonia"},
    {"EG", "Єгипет", "Egypt"},
    {"ES", "Іспанія", "Spain"},
    {"FI", "Фінляндія", "Finland"},
    {"FO", "Фарерські острови", "Faroe Islands"},
    {"FR", "Франція", "France"},
    {"GB", "Велика Британія", "United Kingdom"},
    {"GE", "Грузія", "Georgia"},
    {"GG", "Гернсі", "Guernsey"},
    {"GI", "Гібралтар", "Gibraltar"},
    {"GR", "Греція", "Greece"},
    {"HR", "Хорватія", "Croatia"},
    {"HU", "Угорщина", "Hungary"},
    {"ID", "Індонезія", "Indonesia"},
    {"IE", "Ірландія", "Ireland"},
    {"IL", "Ізраїль", "Israel"},
    {"IM", "Острів Мен", "Isle of Man"},
    {"IN", "Індія", "India"},
    {"IS", "Ісландія", "Iceland"},
    {"IT", "Італія", "Italy"},
    {"JE", "Джерсі", "Jersey"},
    {"JO", "Йорданія", "Jordan"},
    {"JP", "Японія", "Japan"},
    {"KG", "Киргизстан", "Kyrgyzstan"},
    {"KR", "Південна Корея", "South Korea"},
    {"KZ", "Казахстан", "Kazakhstan"},
    {"LI", "Ліхтенштейн", "Liechtenstein"},
    {"LT", "Литва", "Lithuania"},
    {"LU", "Люксембург", "Luxembourg"},
    {"LV", "Латвія", "Latvia"},
    {"MC", "Монако", "Monaco"},
    {"MD", "Молдова", "Moldova"},
    {"ME", "Чорногорія", "Montenegro"},
    {"MK", "Північна Македонія", "North Macedonia"},
    {"MT", "Мальта", "Malta"},
    {"MX", "Мексика", "Mexico"},
    {"NL", "Нідерланди", "Netherlands"},
    {"NO", "Норвегія", "Norway"},
    {"PE", "Перу", "Peru"},
    {"PL", "Польща", "Poland"},
    {"PT", "Португалія", "Portugal"},
    {"RO", "Румунія", "Romania"},
    {"RS", "Сербія", "Serbia"},
    {"SE", "Швеція", "Sweden"},
    {"SI", "Словенія", "Slovenia"},
    {"SJ", "Шпіцберген", "Svalbard"},
    {"SK", "Словаччина", "Slovakia"},
    {"SM", "Сан-Марино", "San Marino"},
    {"TM", "Туркменістан", "Turkmenistan"},
    {"TN", "Туніс", "Tunisia"},
    {"TR", "Туреччина", "Türkiye"},
    {"UA", "Україна", "Ukraine"},
    {"US", "США", "United States"},
    {"UZ", "Узбекистан", "Uzbekistan"},
    {"VA", "Ватикан", "Vatican City"},
    {"XK", "Косово", "Kosovo"},
    {"ZA", "Південна Африка", "South Africa"},
};

}  // namespace

std::string_view country_name(std::string_view code, Lang lang) {
    for (const Country& c : countries)
        if (c.code == code) return lang == Lang::uk ? c.uk : c.en;
    return code;
}

}  // namespace prd::web
