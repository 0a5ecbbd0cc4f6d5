// The country table behind country_name(), sorted by code so a lookup is a binary search, and
// Ukraine's oblasts behind region_name().

#include "i18n/countries.hpp"

#include "i18n/sorted_table.hpp"

#include "i18n/translit.hpp"

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

struct Oblast {
    std::string_view uk;
    std::string_view en;
};

constexpr Oblast k_oblasts[] = {
    {"Автономна Республіка Крим", "Autonomous Republic of Crimea"},
    {"Вінницька область", "Vinnytsia Oblast"},
    {"Волинська область", "Volyn Oblast"},
    {"Дніпропетровська область", "Dnipropetrovsk Oblast"},
    {"Донецька область", "Donetsk Oblast"},
    {"Житомирська область", "Zhytomyr Oblast"},
    {"Закарпатська область", "Zakarpattia Oblast"},
    {"Запорізька область", "Zaporizhzhia Oblast"},
    {"Івано-Франківська область", "Ivano-Frankivsk Oblast"},
    {"Київська область", "Kyiv Oblast"},
    {"Кіровоградська область", "Kirovohrad Oblast"},
    {"Луганська область", "Luhansk Oblast"},
    {"Львівська область", "Lviv Oblast"},
    {"Миколаївська область", "Mykolaiv Oblast"},
    {"Одеська область", "Odesa Oblast"},
    {"Полтавська область", "Poltava Oblast"},
    {"Рівненська область", "Rivne Oblast"},
    {"Сумська область", "Sumy Oblast"},
    {"Тернопільська область", "Ternopil Oblast"},
    {"Харківська область", "Kharkiv Oblast"},
    {"Херсонська область", "Kherson Oblast"},
    {"Хмельницька область", "Khmelnytskyi Oblast"},
    {"Черкаська область", "Cherkasy Oblast"},
    {"Чернівецька область", "Chernivtsi Oblast"},
    {"Чернігівська область", "Chernihiv Oblast"},
    {"Київ", "Kyiv"},
    {"Севастополь", "Sevastopol"},
};

bool has_cyrillic(std::string_view text) {
    // Cyrillic letters are U+0400..U+04FF: UTF-8 lead bytes 0xD0..0xD3.
    return std::any_of(text.begin(), text.end(), [](char c) {
        const auto u = static_cast<unsigned char>(c);
        return u >= 0xD0 && u <= 0xD3;
    });
}

}  // namespace

std::string_view country_name(std::string_view code, std::string_view lang) {
    const Country* country = find_sorted(k_countries, &Country::code, code);
    if (!country) return code;
    return lang == "uk" ? country->uk : country->en;
}

std::string region_name(std::string_view stored, std::string_view lang) {
    if (lang == "uk") return std::string(stored);
    for (const auto& oblast : k_oblasts)
        if (oblast.uk == stored) return std::string(oblast.en);
    return has_cyrillic(stored) ? transliterate_uk(stored) : std::string(stored);
}

}  // namespace prd
