#pragma once
// Folding text for search: one lower-case, mostly-ASCII form per spelling, so that "Poznan" finds
// Poznań, "Kharkov" finds Харків and a Cyrillic query finds the same records as its Latin form.

#include <string>
#include <string_view>
#include <vector>

namespace prd {

/// How Cyrillic becomes Latin while folding.
enum class CyrillicFolding {
    official,  ///< the 2010 Ukrainian table (Київ -> kyiv, Харків -> kharkiv, Гоща -> hoshcha)
    legacy,    ///< the Russian-era letter values still seen on maps and letters (Київ -> kiiv, г -> g)
};

/// Lower-cases, strips diacritics by prd::fold_latin_letter (ł ø đ ı too; ß -> ss, æ -> ae,
/// œ -> oe, þ -> th, ĳ -> ij), transliterates Cyrillic, drops apostrophes and turns every other
/// non-letter, non-digit into one space. The result has no leading or trailing space. Characters
/// outside the known scripts pass through, so they still match themselves. Ill-formed UTF-8 is
/// dropped, each maximal subpart as prd::utf8 decodes it (and U+FFFD with it): C0 AF is never "/".
std::string fold_for_search(std::string_view text, CyrillicFolding cyrillic = CyrillicFolding::official);

/// The distinct folds a name is indexed under: the official one first, then the legacy one when the
/// name has Cyrillic letters and the two differ.
std::vector<std::string> fold_variants(std::string_view text);

/// The words of folded text (split on spaces); views into `folded`.
std::vector<std::string_view> split_words(std::string_view folded);

/// A rough sound key of one folded word: digraphs merged (kh = ch = cz, zh = z, sh = sz, ts = tz),
/// h and g made one, w made v, vowels dropped, repeats collapsed. Russian-era, official and
/// neighbouring languages' spellings of one name usually share it: kharkov, kharkiv and charkiw
/// give "Xrkv"; rovno and rivne "rvn"; chernigov, chernihiv and czernihow "Xrngv".
std::string sound_key(std::string_view folded_word);

/// True when the text has at least one Cyrillic letter.
bool contains_cyrillic(std::string_view text);

}  // namespace prd
