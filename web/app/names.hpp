#pragma once
// How records are named for people: in the UI language first, the community's own name beside
// it, Ukrainian place names transliterated officially for English readers.

#include <optional>
#include <string>
#include <string_view>

#include "app/ui_text.hpp"
#include "model/types.hpp"

namespace prd::web {

/// The name in the UI language, else the other language, else the native name, else the id.
const std::string& display_name(const Municipality& m, Lang lang);
/// A short name for a map label: a Ukrainian community's centre ("Львів" for Львівська міська
/// громада), else display_name.
std::string short_name(const Municipality& m, Lang lang);
/// The native name when it differs from display_name (e.g. "Poznań" under "Познань"), else "".
std::string other_name(const Municipality& m, Lang lang);
/// The text in the UI language, else the other one.
const std::string& localized(const LocalizedText& text, Lang lang);
/// An oblast, raion or foreign region as stored (Ukrainian for Ukraine), transliterated for English.
std::string place_name(std::string_view stored, Lang lang);
/// "28.11.2022" (uk) or "28 Nov 2022" (en) for "2022-11-28"; other text unchanged.
std::string format_date(std::string_view iso_date, Lang lang);
/// Seconds since 1970 for a UTC time "2026-11-30T09:15:02Z"; nothing when it is not one.
std::optional<double> epoch_seconds(std::string_view iso_time);
/// How long ago a UTC time was, for a status line: "just now", "5 min ago", "3 h ago", else the
/// date (format_date). "" when `iso_time` is not a time.
std::string time_ago(std::string_view iso_time, double now_epoch_ms, Lang lang);

}  // namespace prd::web
