// The official Ukrainian romanisation (CMU resolution No. 55, 2010). Works on code points so any
// UTF-8 text can go through: only the 33 Ukrainian letters and the apostrophe are changed, and
// ill-formed bytes become U+FFFD (prd::utf8), so the output is always well-formed.

#include "i18n/translit.hpp"

#include <vector>

#include "i18n/utf8.hpp"

namespace prd {
namespace {

struct CodePoint {
    char32_t value = utf8::k_replacement;
    std::string_view bytes;  ///< written back unchanged when not translated: U+FFFD for ill-formed ones
};

std::vector<CodePoint> decode_utf8(std::string_view text) {
    static constexpr std::string_view k_replacement_bytes = "\uFFFD";
    std::vector<CodePoint> out;
    out.reserve(text.size());
    for (std::size_t i = 0; i < text.size();) {
        const utf8::Decoded decoded = utf8::decode(text, i);
        out.push_back({decoded.value, decoded.valid ? text.substr(i, decoded.size) : k_replacement_bytes});
        i += decoded.size;
    }
    return out;
}

bool is_apostrophe(char32_t c) { return c == U'\'' || c == U'\u2019' || c == U'\u02BC'; }

bool is_cyrillic_upper(char32_t c) { return (c >= 0x400 && c <= 0x42F) || c == 0x490; }

char32_t to_lower_cyrillic(char32_t c) {
    if (c >= 0x410 && c <= 0x42F) return c + 0x20;
    if (c >= 0x400 && c <= 0x40F) return c + 0x50;
    if (c == 0x490) return 0x491;
    return c;
}

// Letters of the scripts a municipality's name is written in; digits, spaces and punctuation are
// not letters, so a word starts after them.
bool is_letter(char32_t c) {
    if ((c >= U'a' && c <= U'z') || (c >= U'A' && c <= U'Z')) return true;
    if (c >= 0xC0 && c <= 0x24F) return c != 0xD7 && c != 0xF7;
    return (c >= 0x370 && c <= 0x3FF) || (c >= 0x400 && c <= 0x52F);
}

bool is_upper(char32_t c) {
    if (c >= U'A' && c <= U'Z') return true;
    if (c >= 0xC0 && c <= 0xDE) return c != 0xD7;
    return is_cyrillic_upper(c);
}

struct Romanisation {
    char32_t letter;         ///< lower case
    std::string_view start;  ///< at the start of a word
    std::string_view other;  ///< elsewhere
};

constexpr Romanisation k_table[] = {
    {U'а', "a", "a"},   {U'б', "b", "b"},   {U'в', "v", "v"},       {U'г', "h", "h"},     {U'ґ', "g", "g"},
    {U'д', "d", "d"},   {U'е', "e", "e"},   {U'є', "ye", "ie"},     {U'ж', "zh", "zh"},   {U'з', "z", "z"},
    {U'и', "y", "y"},   {U'і', "i", "i"},   {U'ї', "yi", "i"},      {U'й', "y", "i"},     {U'к', "k", "k"},
    {U'л', "l", "l"},   {U'м', "m", "m"},   {U'н', "n", "n"},       {U'о', "o", "o"},     {U'п', "p", "p"},
    {U'р', "r", "r"},   {U'с', "s", "s"},   {U'т', "t", "t"},       {U'у', "u", "u"},     {U'ф', "f", "f"},
    {U'х', "kh", "kh"}, {U'ц', "ts", "ts"}, {U'ч', "ch", "ch"},     {U'ш', "sh", "sh"},   {U'щ', "shch", "shch"},
    {U'ь', "", ""},     {U'ю', "yu", "iu"}, {U'я', "ya", "ia"},
};

const Romanisation* find_romanisation(char32_t lower) {
    for (const Romanisation& entry : k_table) {
        if (entry.letter == lower) return &entry;
    }
    return nullptr;
}

char ascii_upper(char c) { return (c >= 'a' && c <= 'z') ? static_cast<char>(c - 'a' + 'A') : c; }

}  // namespace

std::string transliterate_uk(std::string_view text) {
    const std::vector<CodePoint> points = decode_utf8(text);
    // An apostrophe inside a word (Короп'є, Мар'їне) belongs to the word and is dropped; elsewhere
    // it is a quote mark and stays.
    auto inner_apostrophe = [&](std::size_t i) {
        return is_apostrophe(points[i].value) && i > 0 && i + 1 < points.size() && is_letter(points[i - 1].value) &&
               is_letter(points[i + 1].value);
    };
    auto letter_at = [&](std::size_t i) { return i < points.size() && is_letter(points[i].value); };

    std::string out;
    out.reserve(text.size());
    bool in_word = false;
    for (std::size_t i = 0; i < points.size(); ++i) {
        const char32_t c = points[i].value;
        if (inner_apostrophe(i)) continue;  // in_word stays as it was
        const char32_t lower = to_lower_cyrillic(c);
        const Romanisation* entry = find_romanisation(lower);
        if (!entry) {
            out += points[i].bytes;
            in_word = is_letter(c);
            continue;
        }
        std::string_view latin = in_word ? entry->other : entry->start;
        // зг is written zgh so that it is not read as ж (zh).
        const bool after_z = i > 0 && to_lower_cyrillic(points[i - 1].value) == U'з';
        if (lower == U'г' && after_z) latin = "gh";
        std::string piece(latin);
        if (is_upper(c) && !piece.empty()) {
            // A capital keeps its case: Щ -> Shch, but in a word written in capitals ЩУКА -> SHCHUKA.
            std::size_t next = i + 1;
            if (next < points.size() && inner_apostrophe(next)) ++next;
            const bool next_upper = letter_at(next) && is_upper(points[next].value);
            const bool prev_upper = i > 0 && letter_at(i - 1) && is_upper(points[i - 1].value);
            const bool all_caps = next_upper || (!letter_at(next) && prev_upper);
            for (std::size_t k = 0; k < piece.size(); ++k) {
                if (k == 0 || all_caps) piece[k] = ascii_upper(piece[k]);
            }
        }
        out += piece;
        in_word = true;
    }
    return out;
}

}  // namespace prd
