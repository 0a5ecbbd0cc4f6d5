// Official languages by country, from each country's constitution or language law (as summarised
// in ISO 3166 / CLDR territory data). Regional languages count where place names are official in
// them: Catalan, Basque and Galician names are the legal names of their municipalities; the Swiss
// cantons and the Belgian regions have their own official language.

#include "i18n/official_languages.hpp"

namespace prd {
namespace {

struct Entry {
    std::string_view country;
    std::string_view admin1;     ///< empty: the whole country
    std::string_view languages;  ///< ISO 639-1, comma-separated, main first
};

// Regions first: the first entry whose country and region match wins. One line per group.
// clang-format off
constexpr Entry k_table[] = {
    {"BE", "VLG", "nl"},    {"BE", "WAL", "fr,de"}, {"BE", "BRU", "fr,nl"},
    {"CH", "GE", "fr"},     {"CH", "VD", "fr"},     {"CH", "NE", "fr"},     {"CH", "JU", "fr"},
    {"CH", "FR", "fr,de"},  {"CH", "VS", "fr,de"},  {"CH", "BE", "de,fr"},  {"CH", "TI", "it"},
    {"CH", "GR", "de,rm,it"},
    {"ES", "56", "ca,es"},  {"ES", "60", "ca,es"},  {"ES", "07", "ca,es"},  {"ES", "59", "eu,es"},
    {"ES", "58", "gl,es"},
    {"AD", "", "ca"},       {"AL", "", "sq"},       {"AM", "", "hy"},       {"AT", "", "de"},
    {"AX", "", "sv"},       {"AZ", "", "az"},       {"BA", "", "bs,hr,sr"}, {"BE", "", "nl,fr,de"},
    {"BG", "", "bg"},       {"BY", "", "be,ru"},    {"CH", "", "de,fr,it,rm"}, {"CY", "", "el,tr"},
    {"CZ", "", "cs"},       {"DE", "", "de"},       {"DK", "", "da"},       {"EE", "", "et"},
    {"ES", "", "es"},       {"FI", "", "fi,sv"},    {"FO", "", "fo,da"},    {"FR", "", "fr"},
    {"GB", "", "en"},       {"GE", "", "ka"},       {"GG", "", "en"},       {"GI", "", "en"},
    {"GR", "", "el"},       {"HR", "", "hr"},       {"HU", "", "hu"},       {"IE", "", "ga,en"},
    {"IM", "", "en"},       {"IS", "", "is"},       {"IT", "", "it"},       {"JE", "", "en"},
    {"LI", "", "de"},       {"LT", "", "lt"},       {"LU", "", "lb,fr,de"}, {"LV", "", "lv"},
    {"MC", "", "fr"},       {"MD", "", "ro"},       {"ME", "", "cnr"},      {"MK", "", "mk,sq"},
    {"MT", "", "mt,en"},    {"NL", "", "nl"},       {"NO", "", "nb,nn"},    {"PL", "", "pl"},
    {"PT", "", "pt"},       {"RO", "", "ro"},       {"RS", "", "sr"},       {"RU", "", "ru"},
    {"SE", "", "sv"},       {"SI", "", "sl"},       {"SK", "", "sk"},       {"SM", "", "it"},
    {"TR", "", "tr"},       {"UA", "", "uk"},       {"VA", "", "it,la"},    {"XK", "", "sq,sr"},
};
// clang-format on

}  // namespace

std::vector<std::string_view> place_name_languages(std::string_view country, std::string_view admin1) {
    for (const Entry& entry : k_table) {
        if (entry.country != country || !(entry.admin1.empty() || entry.admin1 == admin1)) continue;
        std::vector<std::string_view> out;
        std::string_view rest = entry.languages;
        while (!rest.empty()) {
            const std::size_t comma = rest.find(',');
            out.push_back(rest.substr(0, comma));
            rest = comma == std::string_view::npos ? std::string_view() : rest.substr(comma + 1);
        }
        return out;
    }
    return {};
}

}  // namespace prd
