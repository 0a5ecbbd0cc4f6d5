// Choosing a city's names from GeoNames' catalogues by language. The catalogues are Ubuntu's
// display names: mostly the plain name, at times with a qualifier ("Wil SG", "Winsen (Luhe)"), an
// administrative form ("Glostrup Kommune", "Občina Trbovlje") or a definite article (Albanian
// "Durrësi"); GeoNames' own name is kept in those cases, since it is the better of the two.

#include "import/localized_names.hpp"

#include <filesystem>
#include <iterator>
#include <stdexcept>

#include "i18n/official_languages.hpp"
#include "i18n/utf8.hpp"
#include "import/build_registry.hpp"
#include "import/name_exceptions.hpp"
#include "import/text.hpp"
#include "search/fold.hpp"

namespace prd::import {
namespace {

bool is_qualified(std::string_view name) { return name.find_first_of("(/,") != std::string_view::npos; }

// Languages written in Cyrillic; the others here are written in Latin letters.
bool is_cyrillic_language(std::string_view language) {
    return language == "uk" || language == "ru" || language == "be" || language == "bg" || language == "mk" ||
           language == "sr";
}

// One folded name is the other with whole words added or dropped: a qualifier or an administrative
// word ("wangen" / "wangen im allgau", "glostrup kommune", "thornaby on tees", "kingston upon hull").
// Whole words only: Milan and Milano, Antwerp and Antwerpen are two names, not one with a suffix.
bool only_adds_or_drops(std::string_view a, std::string_view b) {
    const std::string x = fold_for_search(a), y = fold_for_search(b);
    const std::string_view shorter = x.size() < y.size() ? x : y, longer = x.size() < y.size() ? y : x;
    if (shorter.empty() || shorter.size() == longer.size()) return false;
    const std::size_t rest = longer.size() - shorter.size();
    return (longer.substr(0, shorter.size()) == shorter && longer[shorter.size()] == ' ') ||
           (longer.substr(rest) == shorter && longer[rest - 1] == ' ');
}

std::size_t non_ascii_letters(std::string_view name) {
    std::size_t count = 0;
    for (std::size_t i = 0; i < name.size();) count += utf8::next(name, i) >= 0x80;
    return count;
}

// Romanian ş ţ Ş Ţ (cedilla, the legacy encoding GeoNames often has) as ș ț Ș Ț (comma below).
std::string with_comma_below(std::string_view name) {
    std::string out;
    for (std::size_t i = 0; i < name.size();) {
        char32_t c = utf8::next(name, i);
        if (c == U'ş' || c == U'Ş')
            c = c == U'ş' ? U'ș' : U'Ș';
        else if (c == U'ţ' || c == U'Ţ')
            c = c == U'ţ' ? U'ț' : U'Ț';
        utf8::append(out, c);
    }
    return out;
}

// Serbian Cyrillic in Serbian Latin, letter for letter (the two alphabets map one to one: Љ is
// Lj, Ђ is Đ); empty for text with a letter Serbian lacks (the Ukrainian Новий Сад). Compared
// with the Latin name it tells the Serbian spelling from others: Београд is Beograd, the Russian
// Белград is Belgrad.
std::string serbian_latin(std::string_view cyrillic) {
    // clang-format off
    static constexpr std::u32string_view k_cyrillic =
        U"абвгдђежзијклљмнњопрстћуфхцчџш"
        U"АБВГДЂЕЖЗИЈКЛЉМНЊОПРСТЋУФХЦЧЏШ";
    static constexpr std::string_view k_latin[] = {
        "a", "b", "v", "g", "d", "đ", "e", "ž", "z", "i", "j", "k", "l", "lj", "m",
        "n", "nj", "o", "p", "r", "s", "t", "ć", "u", "f", "h", "c", "č", "dž", "š",
        "A", "B", "V", "G", "D", "Đ", "E", "Ž", "Z", "I", "J", "K", "L", "Lj", "M",
        "N", "Nj", "O", "P", "R", "S", "T", "Ć", "U", "F", "H", "C", "Č", "Dž", "Š"};
    // clang-format on
    static_assert(std::size(k_latin) == k_cyrillic.size());
    std::string out;
    for (std::size_t i = 0; i < cyrillic.size();) {
        const char32_t c = utf8::next(cyrillic, i);
        if (const std::size_t at = k_cyrillic.find(c); at != std::u32string_view::npos) {
            out += k_latin[at];
        } else if (c == U' ' || c == U'-') {
            utf8::append(out, c);
        } else {
            return {};
        }
    }
    return out;
}

// Whether the catalogue's name `candidate` (in `language`) of the city `geonameid` replaces
// GeoNames' name.
NameVerdict judge(std::string_view geonames_name, const std::string* candidate, std::string_view language,
                  std::string_view geonameid) {
    if (!candidate) return NameVerdict::no_name;
    if (*candidate == geonames_name) return NameVerdict::same;
    if (is_name_exception(language, geonameid, *candidate)) return NameVerdict::overruled;
    if (is_qualified(*candidate)) return NameVerdict::qualified;
    if (!is_latin_or_cyrillic(*candidate) || (has_cyrillic(*candidate) && !is_cyrillic_language(language))) {
        return NameVerdict::script;
    }
    if (fold_for_search(*candidate) == fold_for_search(geonames_name)) {
        // One name. Case and hyphens aside, the catalogue's spelling wins only where it adds marks
        // (Bielsko-Biała, Cádiz, Chișinău) or writes Romanian's comma below for GeoNames' cedilla
        // (Timișoara); a plainer form (Krakow for Kraków, Malmo for Malmö) never does.
        if (fold_name(*candidate, true) == fold_name(geonames_name, true)) return NameVerdict::same;
        const std::size_t marks = non_ascii_letters(*candidate), geonames_marks = non_ascii_letters(geonames_name);
        if (marks > geonames_marks || *candidate == with_comma_below(geonames_name)) return NameVerdict::taken;
        return NameVerdict::plainer;
    }
    if (only_adds_or_drops(*candidate, geonames_name)) return NameVerdict::longer_or_shorter;
    return NameVerdict::taken;
}

}  // namespace

const std::string* LocalizedNames::find(std::string_view language, std::string_view geonameid) const {
    const auto it = catalogues.find(language);
    return it == catalogues.end() ? nullptr : it->second.find(geonameid);
}

std::size_t LocalizedNames::name_count() const {
    std::size_t count = 0;
    for (const auto& [language, catalogue] : catalogues) count += catalogue.size();
    return count;
}

LocalizedNames read_localized_names(const std::string& dir) {
    std::error_code ec;
    std::vector<std::filesystem::path> files;
    for (const auto& entry : std::filesystem::directory_iterator(dir, ec)) {
        if (entry.path().extension() == ".mo") files.push_back(entry.path());
    }
    if (ec) throw std::runtime_error(dir + ": cannot be listed (" + ec.message() + ")");
    if (files.empty()) throw std::runtime_error(dir + ": no .mo catalogue");
    LocalizedNames names;
    for (const std::filesystem::path& file : files) {
        try {
            names.catalogues.emplace(file.stem().string(), MoCatalog::parse(read_text_file(file.string())));
        } catch (const MoError& e) {
            throw std::runtime_error(file.string() + ": " + e.what());
        }
    }
    return names;
}

CityNames localized_city_names(const LocalizedNames& names, std::string_view geonameid, std::string_view country,
                               std::string_view admin1, std::string_view geonames_name,
                               const std::vector<std::string>& alternates) {
    CityNames out;
    const std::string* en = names.find("en", geonameid);
    out.en_verdict = judge(geonames_name, en, "en", geonameid);
    out.en = out.en_verdict == NameVerdict::taken ? *en : std::string(geonames_name);

    const std::vector<std::string_view> languages = place_name_languages(country, admin1);
    const std::string_view language = languages.empty() ? std::string_view() : languages.front();
    if (language == "en") {
        out.native = out.en;
        out.native_verdict = out.en_verdict;
    } else {
        // GeoNames' name in any official language (Jakobstad is Swedish, Sitten German) stays.
        bool official = false;
        for (std::string_view other : languages) {
            const std::string* name = names.find(other, geonameid);
            official = official || (name && *name == geonames_name);
        }
        // The Albanian catalogue gives definite forms (Durrësi, Shkodra, Prizreni), not the names
        // (Durrës, Shkodër, Prizren): it is no source of names.native.
        const bool usable = !language.empty() && language != "sq";
        const std::string* candidate = usable ? names.find(language, geonameid) : nullptr;
        out.native_verdict = official ? NameVerdict::same : judge(geonames_name, candidate, language, geonameid);
        out.native = out.native_verdict == NameVerdict::taken ? *candidate : std::string(geonames_name);
    }
    // Serbia's place names are official in Cyrillic, but the Serbian catalogue often has the Latin
    // form (Beograd, Niš), as GeoNames' name does. GeoNames' alternate names hold the Cyrillic
    // spelling for most; none is made up here (from a plain "Knjazevac" it would be wrong).
    if (language == "sr" && !has_cyrillic(out.native)) {
        for (const std::string& alternate : alternates) {
            if (has_cyrillic(alternate) && serbian_latin(alternate) == out.native) {
                out.native = alternate;
                out.native_verdict = NameVerdict::cyrillic;
                break;
            }
        }
    }

    const std::string* uk = names.find("uk", geonameid);
    if (uk && has_cyrillic(*uk) && is_latin_or_cyrillic(*uk) && !is_qualified(*uk) &&
        !is_name_exception("uk", geonameid, *uk)) {
        out.uk = *uk;
    }

    for (const auto& [code, catalogue] : names.catalogues) {
        const std::string* name = catalogue.find(geonameid);
        if (name && *name != out.native && *name != out.en && *name != out.uk) out.others.push_back(*name);
    }
    return out;
}

}  // namespace prd::import
