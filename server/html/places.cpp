#include "html/places.hpp"

#include <algorithm>
#include <iterator>

#include "i18n/countries.hpp"
#include "i18n/latin_fold.hpp"
#include "i18n/translit.hpp"
#include "i18n/utf8.hpp"

namespace prd::server::html {
namespace {

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

std::u32string sort_key(std::string_view text, Lang lang) {
    std::u32string key;
    const auto add = [&key, lang](char32_t c) {
        if (c >= U'А' && c <= U'Я') c += 32;
        // Ukrainian letters outside the Russian block's order, placed after their neighbours
        // (tripled values leave room for two letters after each).
        if (lang == Lang::uk) {
            if (c == U'Ґ' || c == U'ґ')
                c = 3 * U'г' + 1;
            else if (c == U'Є' || c == U'є')
                c = 3 * U'е' + 1;
            else if (c == U'І' || c == U'і')
                c = 3 * U'и' + 1;
            else if (c == U'Ї' || c == U'ї')
                c = 3 * U'и' + 2;
            else
                c *= 3;
        }
        key += c;
    };
    for (std::size_t i = 0; i < text.size();) {
        const char32_t c = utf8::next(text, i);
        // Latin letters sort with their base letters (Åland with the A's, Þórshöfn with "th").
        const std::string_view latin = fold_latin_letter(c);
        if (latin.empty()) add(c);
        for (const char letter : latin) add(static_cast<char32_t>(letter));
    }
    return key;
}

std::string_view country_name(std::string_view code, Lang lang) {
    return prd::country_name(code, lang == Lang::uk ? "uk" : "en");
}

std::string region_name(std::string_view stored, Lang lang) {
    if (lang == Lang::uk) return std::string(stored);
    for (const auto& oblast : k_oblasts)
        if (oblast.uk == stored) return std::string(oblast.en);
    return has_cyrillic(stored) ? transliterate_uk(stored) : std::string(stored);
}

}  // namespace prd::server::html
