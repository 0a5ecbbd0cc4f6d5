// Country names as the sources write them, mapped to ISO 3166-1 alpha-2 through GeoNames'
// countryInfo.tsv plus the historical and long forms Wikidata and Wikipedia use.

#include <algorithm>

#include "import/csv.hpp"
#include "import/importers.hpp"
#include "import/text.hpp"

namespace prd::import {
namespace {

// Names not in countryInfo.tsv's "Country" column (folded form -> code).
constexpr std::pair<std::string_view, std::string_view> k_more_names[] = {
    {"czech republic", "CZ"},
    {"netherlands", "NL"},
    {"united states of america", "US"},
    {"peoples republic of china", "CN"},
    {"republic of china", "TW"},
    {"republic of macedonia", "MK"},
    {"macedonia", "MK"},
    {"kingdom of the netherlands", "NL"},
    {"republic of ireland", "IE"},
    {"england", "GB"},
    {"scotland", "GB"},
    {"wales", "GB"},
    {"northern ireland", "GB"},
    {"great britain", "GB"},
    {"palestine", "PS"},
    {"state of palestine", "PS"},
    {"palestinian national authority", "PS"},
    {"palestinian territories", "PS"},
    {"cape verde", "CV"},
    {"sao tome and principe", "ST"},
    {"east timor", "TL"},
    {"timor leste", "TL"},
    {"swaziland", "SZ"},
    {"curacao", "CW"},
    {"moldavia", "MD"},
    {"bosnia and hercegovina", "BA"},
    {"russian federation", "RU"},
    {"turkiye", "TR"},
    {"ivory coast", "CI"},
    {"federated states of micronesia", "FM"},
    {"surinam", "SR"},
    {"vatican city", "VA"},
    {"the gambia", "GM"},
    {"the bahamas", "BS"},
    {"republic of the congo", "CG"},
    {"democratic republic of the congo", "CD"},
    {"aland islands", "AX"},
};

}  // namespace

CountryNames::CountryNames(std::string_view country_info) {
    std::string text;
    // countryInfo.tsv: comment lines start with '#'; the last one is the header.
    for (std::string_view line : split(country_info, '\n')) {
        if (!line.empty() && line[0] == '#') continue;
        text.append(line);
        text += '\n';
    }
    const CsvTable table = parse_csv(text, {.delimiter = '\t', .quotes = false, .header = false});
    for (const CsvRow& row : table.rows) {
        const std::string code(trim(cell(row, 0)));
        const std::string_view name = trim(cell(row, 4));
        if (code.size() != 2 || name.empty()) continue;
        m_by_name.emplace(fold_name(name), code);
        m_continent[code] = std::string(trim(cell(row, 8)));
        std::vector<std::string> languages;
        for (std::string_view language : split(cell(row, 15), ',')) {
            language = trim(language);
            const std::string two(language.substr(0, language.find('-')));
            if (two.size() != 2 || two[0] < 'a' || two[0] > 'z' || two[1] < 'a' || two[1] > 'z') continue;
            if (std::find(languages.begin(), languages.end(), two) == languages.end()) languages.push_back(two);
        }
        m_languages[code] = std::move(languages);
    }
    for (const auto& [name, code] : k_more_names) m_by_name.emplace(std::string(name), std::string(code));
}

std::string CountryNames::code(std::string_view name) const {
    name = trim(name);
    if (const auto paren = name.find(" ("); paren != std::string_view::npos) name = trim(name.substr(0, paren));
    const auto lookup = [&](std::string_view candidate) -> std::string {
        const auto found = m_by_name.find(fold_name(candidate));
        return found == m_by_name.end() ? std::string() : found->second;
    };
    if (std::string code = lookup(name); !code.empty()) return code;
    // "England, United Kingdom", "New York, United States": the country is the last part.
    if (const auto comma = name.rfind(','); comma != std::string_view::npos) return lookup(name.substr(comma + 1));
    return {};
}

bool CountryNames::in_europe(std::string_view code) const {
    const auto found = m_continent.find(code);
    return found != m_continent.end() && found->second == "EU";
}

std::vector<std::string> CountryNames::languages(std::string_view code) const {
    const auto found = m_languages.find(code);
    return found == m_languages.end() ? std::vector<std::string>() : found->second;
}

}  // namespace prd::import
