// Name folding and small parsing helpers for the importers.

#include "import/text.hpp"

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <map>
#include <set>
#include <string>

#include "i18n/latin_fold.hpp"
#include "i18n/utf8.hpp"
#include "search/fold.hpp"

namespace prd::import {
namespace {

bool is_apostrophe(char32_t cp) {
    return cp == U'\'' || cp == U'\u2019' || cp == U'\u02BC' || cp == U'\u2018' || cp == U'`' || cp == U'\u00B4';
}

bool is_separator(char32_t cp) {
    return cp == U' ' || cp == U'-' || cp == U'.' || cp == U',' || cp == U'\t' || cp == U'/' || cp == U'(' ||
           cp == U')' || cp == U'\u2010' || cp == U'\u2013' || cp == U'\u2014' || cp == U'\u00A0' || cp == U'"';
}

bool is_ascii(std::string_view text) {
    return std::all_of(text.begin(), text.end(), [](char c) { return static_cast<unsigned char>(c) < 0x80; });
}

// Capitalised words of Latin or Russian/Ukrainian Cyrillic letters, no digits, not all capitals:
// what is left of an alternate name once codes and romanisations are gone (see is_alias_worthy).
bool is_proper_name(std::string_view name) {
    if (name.size() < 3 || !is_latin_or_cyrillic(name)) return false;
    bool upper_ascii_only = true;
    bool word_start = true;
    for (std::size_t i = 0; i < name.size();) {
        const char32_t c = utf8::next(name, i);
        if (c >= U'0' && c <= U'9') return false;
        if (!(c >= U'A' && c <= U'Z')) upper_ascii_only = false;
        if (c == U' ') {
            word_start = true;
            continue;
        }
        if (c >= 0x4C0 && c <= 0x52F) return false;  // Cyrillic letters of other languages (ӳ, ԥ)
        if (word_start) {
            const bool capital = (c >= U'A' && c <= U'Z') || (c >= 0xC0 && c <= 0xDE) ||
                                 (c >= 0x100 && c <= 0x17F) ||  // Latin Extended-A: capitals and small alike
                                 (c >= 0x400 && c <= 0x42F) || c == 0x490;
            if (!capital) return false;
            word_start = false;
        }
    }
    return !upper_ascii_only;
}

}  // namespace

std::string fold_name(std::string_view text, bool keep_diacritics) {
    std::string out;
    out.reserve(text.size());
    bool pending_space = false;
    std::size_t i = 0;
    while (i < text.size()) {
        const char32_t cp = utf8::next(text, i);
        if (is_apostrophe(cp)) continue;
        if (is_separator(cp)) {
            pending_space = !out.empty();
            continue;
        }
        if (pending_space) {
            out += ' ';
            pending_space = false;
        }
        if (keep_diacritics && ((cp >= 0xC0 && cp <= 0x24F) || cp == 0x1E9E)) {
            const bool upper_latin1 = cp >= 0xC0 && cp <= 0xDE && cp != 0xD7;
            const bool upper_ext_a = cp >= 0x100 && cp <= 0x17F && cp % 2 == 0 && cp != 0x138;
            utf8::append(out, upper_latin1 ? cp + 0x20 : upper_ext_a ? cp + 1 : cp);
        } else if (const std::string_view latin = fold_latin_letter(cp); !latin.empty()) {
            out += latin;
        } else if (cp < 0x80) {
            out += static_cast<char>(cp);
        } else if (cp >= 0x410 && cp <= 0x42F) {
            utf8::append(out, cp + 0x20);
        } else if (cp >= 0x400 && cp <= 0x40F) {
            utf8::append(out, cp + 0x50);
        } else if (cp == 0x490) {
            utf8::append(out, 0x491);
        } else {
            utf8::append(out, cp);
        }
    }
    return out;
}

std::string_view trim(std::string_view text) {
    const auto first = text.find_first_not_of(" \t\r\n");
    if (first == std::string_view::npos) return {};
    const auto last = text.find_last_not_of(" \t\r\n");
    return text.substr(first, last - first + 1);
}

std::vector<std::string_view> split(std::string_view text, char separator) {
    std::vector<std::string_view> parts;
    std::size_t start = 0;
    while (true) {
        const auto end = text.find(separator, start);
        if (end == std::string_view::npos) {
            parts.push_back(text.substr(start));
            return parts;
        }
        parts.push_back(text.substr(start, end - start));
        start = end + 1;
    }
}

bool is_latin_or_cyrillic(std::string_view text) {
    std::size_t i = 0;
    while (i < text.size()) {
        const char32_t cp = utf8::next(text, i);
        if (cp < 0x80) continue;
        const bool latin = (cp >= 0xC0 && cp <= 0x24F && cp != 0xD7 && cp != 0xF7) || (cp >= 0x1E00 && cp <= 0x1EFF);
        const bool cyrillic = cp >= 0x400 && cp <= 0x4FF;
        const bool punctuation = is_apostrophe(cp) || (cp >= 0x2010 && cp <= 0x2015) || cp == 0xA0;
        if (!latin && !cyrillic && !punctuation) return false;
    }
    return true;
}

bool has_cyrillic(std::string_view text) {
    std::size_t i = 0;
    while (i < text.size()) {
        const char32_t cp = utf8::next(text, i);
        if (cp >= 0x400 && cp <= 0x4FF) return true;
    }
    return false;
}

bool looks_ukrainian(std::string_view name) {
    static constexpr std::string_view k_ukrainian_only[] = {"і", "ї", "є", "ґ", "І", "Ї", "Є", "Ґ"};
    static constexpr std::string_view k_not_ukrainian[] = {"ы", "э", "ъ", "ё", "ў", "Ы", "Э", "Ъ", "Ё", "Ў"};
    bool has_ukrainian = false;
    for (std::string_view letter : k_ukrainian_only) has_ukrainian = has_ukrainian || name.find(letter) != name.npos;
    if (!has_ukrainian) return false;
    for (std::string_view letter : k_not_ukrainian) {
        if (name.find(letter) != name.npos) return false;
    }
    // Only Cyrillic letters of the Ukrainian alphabet, spaces, hyphens and apostrophes.
    for (std::size_t i = 0; i < name.size();) {
        const char32_t cp = utf8::next(name, i);
        if (cp != U' ' && cp != U'-' && cp != U'\'' && cp != U'\u2019' && !(cp >= 0x400 && cp <= 0x4BF)) return false;
    }
    return true;
}

bool is_alias_worthy(std::string_view name) { return name.size() <= 40 && is_proper_name(name); }

bool is_foreign_alias_worthy(std::string_view name) {
    if (utf8::length(name) > 60 || !is_proper_name(name)) return false;
    bool latin = false, cyrillic = false;
    std::size_t i = 0;
    while (i < name.size()) {
        const char32_t cp = utf8::next(name, i);
        if ((cp >= U'A' && cp <= U'Z') || (cp >= U'a' && cp <= U'z') || (cp >= 0xC0 && cp <= 0x24F) ||
            (cp >= 0x1E00 && cp <= 0x1EFF)) {
            latin = true;
        } else if (cp >= 0x400 && cp <= 0x4FF) {
            // Beyond U+045F only Ґ ґ are Slavic; the rest (ү ӱ ә ...) belong to other languages.
            if (cp > 0x45F && cp != 0x490 && cp != 0x491) return false;
            cyrillic = true;
        }
    }
    return !(latin && cyrillic);
}

std::vector<std::string> foreign_aliases(const std::vector<std::string>& own_names,
                                         const std::vector<std::string>& alternates, std::size_t cap) {
    std::set<std::string> own;
    for (const std::string& name : own_names) own.insert(fold_for_search(name));
    // How much a spelling is preferred among those that fold alike, and where its kind is listed.
    const auto preference = [](const std::string& name) { return looks_ukrainian(name) ? 2 : is_ascii(name) ? 0 : 1; };
    const auto rank = [](const std::string& name) { return looks_ukrainian(name) ? 0 : has_cyrillic(name) ? 1 : 2; };
    struct Kept {
        std::size_t index;  // in `alternates`, of the spelling kept
        std::string name;
    };
    std::vector<Kept> kept;
    std::map<std::string, std::size_t> by_fold;  // folded form -> its entry in `kept`
    for (std::size_t k = 0; k < alternates.size(); ++k) {
        const std::string& name = alternates[k];
        if (!looks_ukrainian(name) && !is_foreign_alias_worthy(name)) continue;
        std::string folded = fold_for_search(name);
        if (folded.empty() || own.count(folded)) continue;
        const auto [it, inserted] = by_fold.try_emplace(std::move(folded), kept.size());
        if (inserted) {
            kept.push_back({k, name});
        } else if (preference(name) > preference(kept[it->second].name)) {
            kept[it->second] = {k, name};
        }
    }
    std::stable_sort(kept.begin(), kept.end(), [&](const Kept& a, const Kept& b) {
        return std::pair(rank(a.name), a.index) < std::pair(rank(b.name), b.index);
    });
    std::vector<std::string> out;
    for (std::size_t k = 0; k < kept.size() && k < cap; ++k) out.push_back(std::move(kept[k].name));
    return out;
}

std::optional<std::string> diacritic_form(std::string_view ascii_name, const std::vector<std::string>& alternates,
                                          std::string_view language) {
    // Letters each language has as letters of its own, lower case. Acute and grave accents that
    // many languages' forms carry (Spanish, Italian, Asturian, Lithuanian stress marks: Múnich,
    // Tràpani, Rottérdam) are left out, and so are ä ö ü, which fake forms use (Goslär, Nörden),
    // and German ß, which GeoNames also gives where the city dropped it (Neuß for Neuss).
    static const std::map<std::string_view, std::u32string_view> k_letters = {
        {"bs", U"čćđšž"}, {"cs", U"čďěňřšťůž"}, {"da", U"æøå"}, {"es", U"ñ"},
        {"et", U"õšž"},   {"fi", U"å"},         {"fr", U"çœ"},  {"hr", U"čćđšž"}, {"hu", U"őű"},
        {"is", U"ðþæ"},   {"lt", U"ąčęėįšųūž"}, {"lv", U"āčēģīķļņšūž"}, {"mt", U"ċġħż"}, {"nb", U"æøå"},
        {"nn", U"æøå"},   {"no", U"æøå"},       {"pl", U"ąćęłńóśźż"}, {"pt", U"ãõ"}, {"ro", U"ăâîșțşţ"},
        {"sk", U"čďľĺňŕšťžô"}, {"sl", U"čšž"},  {"sq", U"ëç"},  {"sr", U"čćđšž"}, {"sv", U"å"},
    };
    const auto letters = k_letters.find(language);
    if (letters == k_letters.end() || !is_ascii(ascii_name)) return std::nullopt;
    const auto lower = [](char32_t cp) -> char32_t {
        if (cp >= 0xC0 && cp <= 0xDE && cp != 0xD7) return cp + 0x20;
        if ((cp >= 0x139 && cp <= 0x148) || (cp >= 0x179 && cp <= 0x17E)) return cp % 2 ? cp + 1 : cp;
        if (cp >= 0x100 && cp <= 0x17F && cp != 0x138) return cp % 2 ? cp : cp + 1;
        if (cp >= 0x218 && cp <= 0x21B) return cp | 1;
        return cp;
    };
    const auto in_language = [&](std::string_view name) {
        std::size_t i = 0;
        while (i < name.size()) {
            const char32_t cp = lower(utf8::next(name, i));
            if (cp < 0x80) continue;
            if (letters->second.find(cp) == std::u32string_view::npos) return false;
            // Polish writes ci, ni, si, zi, never ći, ńi: those are Silesian or Kashubian forms.
            const bool soft = cp == U'ć' || cp == U'ń' || cp == U'ś' || cp == U'ź';
            if (language == "pl" && soft && i < name.size() && (name[i] == 'i' || name[i] == 'I')) return false;
        }
        return true;
    };
    const std::string key = fold_for_search(ascii_name);
    std::optional<std::string> found;
    for (const std::string& name : alternates) {
        if (is_ascii(name) || !is_foreign_alias_worthy(name) || has_cyrillic(name) || !in_language(name) ||
            fold_for_search(name) != key) {
            continue;
        }
        if (found && *found != name) return std::nullopt;  // Chişinău or Chișinău: not ours to pick
        found = name;
    }
    return found;
}

double distance_km(const GeoPoint& a, const GeoPoint& b) {
    constexpr double k_pi = 3.14159265358979323846;
    constexpr double k_earth_radius_km = 6371.0;
    const double to_rad = k_pi / 180.0;
    const double dlat = (b.lat - a.lat) * to_rad;
    const double dlon = (b.lon - a.lon) * to_rad;
    const double h = std::sin(dlat / 2) * std::sin(dlat / 2) +
                     std::cos(a.lat * to_rad) * std::cos(b.lat * to_rad) * std::sin(dlon / 2) * std::sin(dlon / 2);
    return 2 * k_earth_radius_km * std::asin(std::sqrt(std::min(1.0, h)));
}

double round_to(double x, int decimals) {
    const double scale = std::pow(10.0, decimals);
    return std::round(x * scale) / scale;
}

std::optional<double> parse_number(std::string_view text) {
    text = trim(text);
    if (text.empty() || text == "NA") return std::nullopt;
    const std::string copy(text);
    char* end = nullptr;
    const double value = std::strtod(copy.c_str(), &end);
    if (end != copy.c_str() + copy.size() || !std::isfinite(value)) return std::nullopt;
    return value;
}

std::optional<long long> parse_integer(std::string_view text) {
    const auto value = parse_number(text);
    if (!value || *value != std::floor(*value) || std::fabs(*value) > 9e15) return std::nullopt;
    return static_cast<long long>(*value);
}

}  // namespace prd::import
