#pragma once
// The one table of what a Latin letter is without its diacritics, shared by search folding, the
// importers' name matching and the text version's alphabetical order.

#include <string_view>

namespace prd {

/// The plain lower-case ASCII letters a Latin letter folds to: A and à -> "a", Ł -> "l", ı -> "i",
/// ß and ẞ -> "ss", Æ -> "ae", Œ -> "oe", Þ -> "th", Ĳ -> "ij", ș -> "s". Covers ASCII, Latin-1,
/// Latin Extended-A, Romanian ș ț, Vietnamese ơ ư and ẞ. Empty for anything else: digits,
/// punctuation, × ÷, combining marks, other scripts.
///
/// Þ is "th" and Ĳ is "ij" because that is how their own languages write them without the letter:
/// Icelandic Þingvellir is Thingvellir on every map and in ISO 9 / ALA-LC romanisation, and Dutch
/// IJmuiden is the digraph I + J, typed "IJmuiden" (a "t" or an "ii" would find neither).
std::string_view fold_latin_letter(char32_t c);

}  // namespace prd
