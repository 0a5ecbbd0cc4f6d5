#pragma once
// Text and geometry helpers the importers share: name folding for matching, UTF-8 checks,
// great-circle distance, and the filter that decides which of GeoNames' untagged alternate names
// become aliases.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "model/types.hpp"

namespace prd::import {

/// The form two names are compared in: lower case, Latin diacritics removed (Kraków -> krakow,
/// Łódź -> lodz, Straße -> strasse), Cyrillic lower-cased (Львів -> львів), apostrophes dropped
/// (Kam'ianets, Кам’янець), and hyphens, dots, commas and runs of spaces turned into one space.
/// With keep_diacritics, only case, apostrophes and separators are folded (Lwów and Lwow differ).
std::string fold_name(std::string_view text, bool keep_diacritics = false);

/// Leading and trailing ASCII white space removed.
std::string_view trim(std::string_view text);

/// Splits on one character; empty pieces are kept.
std::vector<std::string_view> split(std::string_view text, char separator);

/// True when every letter of the text is Latin or Cyrillic (digits, spaces and punctuation allowed).
bool is_latin_or_cyrillic(std::string_view text);
/// True when the text holds at least one Cyrillic letter.
bool has_cyrillic(std::string_view text);

/// GeoNames' alternate names carry no language tag. True for a Cyrillic name with a letter only
/// Ukrainian uses (і ї є ґ) and none Ukrainian lacks: very likely the Ukrainian form (a Belarusian
/// one can pass too, so it is an alias, never names.uk).
bool looks_ukrainian(std::string_view name);

/// True for a proper name fit to show as an alias of a Ukrainian hromada: at most 40 bytes, Latin
/// letters or the Russian/Ukrainian Cyrillic alphabet, no digits, each word capitalised, not an
/// airport code ("IEV"), a romanisation of another script ("ji fu") or a grammatical form ("Kiev osh").
bool is_alias_worthy(std::string_view name);

/// The same test for a foreign city's alternate names, which are many more: up to 60 characters,
/// one script per name (Latin or Cyrillic, no "Krakоv" with a Cyrillic о), and only the Cyrillic
/// letters of the Slavic alphabets (Мюнхен yes; Мӱнхен, Мүнхэн of other languages no).
bool is_foreign_alias_worthy(std::string_view name);

/// The aliases a foreign city gets from its alternate names: those passing is_foreign_alias_worthy
/// (or looking Ukrainian), one per search-folded form (prd::fold_for_search), none folding like one
/// of `own_names`. Of spellings that fold alike the first with a non-ASCII letter wins (München over
/// Munchen, Краков over Krakov). Ukrainian-looking forms come first, then other Cyrillic ones, then
/// Latin ones, each in the order given; at most `cap` of them. Deterministic.
std::vector<std::string> foreign_aliases(const std::vector<std::string>& own_names,
                                         const std::vector<std::string>& alternates, std::size_t cap = 40);

/// For a city whose name is plain ASCII ("Krakow"): the one Latin alternate name that folds to the
/// same text and whose only non-ASCII letters are letters of its country's main language
/// (`language`, ISO 639-1) rather than accents other languages add: "Kraków" (pl), "Rīga" (lv),
/// "Plœmeur" (fr), never "Múnich" or "Goslär". Nothing when the name already has non-ASCII letters,
/// the language is not one we know the letters of, or several different spellings compete.
std::optional<std::string> diacritic_form(std::string_view ascii_name, const std::vector<std::string>& alternates,
                                          std::string_view language);

/// Great-circle distance in kilometres.
double distance_km(const GeoPoint& a, const GeoPoint& b);

/// x rounded to `decimals` decimal places (so the JSON stays short).
double round_to(double x, int decimals);

/// Parses a decimal number; nothing for empty text, "NA" or anything that is not wholly a number.
std::optional<double> parse_number(std::string_view text);
/// Parses an integer written plainly or as a whole decimal/exponent ("9361", "2.547e+09").
std::optional<long long> parse_integer(std::string_view text);

}  // namespace prd::import
