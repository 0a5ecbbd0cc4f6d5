#include "app/names.hpp"

#include <algorithm>
#include <array>

#include "i18n/translit.hpp"

namespace prd::web {

const std::string& display_name(const Municipality& m, Lang lang) {
    for (const std::string* name : {lang == Lang::uk ? &m.names.uk : &m.names.en,
                                    lang == Lang::uk ? &m.names.en : &m.names.uk, &m.names.native}) {
        if (!name->empty()) return *name;
    }
    return m.id;
}

std::string short_name(const Municipality& m, Lang lang) {
    const auto centre = m.extra.find("centre");
    if (centre != m.extra.end() && centre->is_object()) {
        for (const char* key : {lang == Lang::uk ? "uk" : "en", lang == Lang::uk ? "en" : "uk"}) {
            const auto name = centre->find(key);
            if (name != centre->end() && name->is_string() && !name->get_ref<const std::string&>().empty())
                return name->get<std::string>();
        }
    }
    return display_name(m, lang);
}

std::string other_name(const Municipality& m, Lang lang) {
    const std::string& shown = display_name(m, lang);
    if (!m.names.native.empty() && m.names.native != shown) return m.names.native;
    // A Ukrainian community shown in English: its Ukrainian name is the native one.
    const std::string& other = lang == Lang::uk ? m.names.en : m.names.uk;
    if (m.names.native.empty() && !other.empty() && other != shown) return other;
    return {};
}

const std::string& localized(const LocalizedText& text, Lang lang) {
    const std::string& first = lang == Lang::uk ? text.uk : text.en;
    return first.empty() ? (lang == Lang::uk ? text.en : text.uk) : first;
}

std::string place_name(std::string_view stored, Lang lang) {
    return lang == Lang::uk ? std::string(stored) : transliterate_uk(stored);
}

std::string format_date(std::string_view d, Lang lang) {
    const bool iso = d.size() == 10 && d[4] == '-' && d[7] == '-';
    if (!iso) return std::string(d);
    const std::string_view year = d.substr(0, 4);
    const std::string_view month = d.substr(5, 2);
    const std::string_view day = d.substr(8, 2);
    if (lang == Lang::uk) return std::string(day) + "." + std::string(month) + "." + std::string(year);
    static constexpr std::array<std::string_view, 12> months = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                                                "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
    const int m = (month[0] - '0') * 10 + (month[1] - '0');
    if (m < 1 || m > 12) return std::string(d);
    const std::string_view plain_day = day[0] == '0' ? day.substr(1) : day;
    return std::string(plain_day) + " " + std::string(months[static_cast<std::size_t>(m - 1)]) + " " +
           std::string(year);
}

std::optional<double> epoch_seconds(std::string_view t) {
    // 2026-11-30T09:15:02Z
    if (t.size() < 20 || t[4] != '-' || t[7] != '-' || t[10] != 'T' || t[13] != ':' || t[16] != ':' || t.back() != 'Z')
        return std::nullopt;
    auto number = [&](std::size_t at, std::size_t length) -> int {
        int value = 0;
        for (std::size_t i = at; i < at + length; ++i) {
            if (t[i] < '0' || t[i] > '9') return -1;
            value = value * 10 + (t[i] - '0');
        }
        return value;
    };
    const int year = number(0, 4), month = number(5, 2), day = number(8, 2);
    const int hour = number(11, 2), minute = number(14, 2), second = number(17, 2);
    if (year < 1970 || month < 1 || month > 12 || day < 1 || day > 31 || hour < 0 || hour > 23 || minute < 0 ||
        minute > 59 || second < 0 || second > 60)
        return std::nullopt;
    // Days from the civil date (Howard Hinnant's algorithm).
    const int y = month <= 2 ? year - 1 : year;
    const int era = y / 400;
    const int yoe = y - era * 400;
    const int doy = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1;
    const int doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    const double days = era * 146097.0 + doe - 719468.0;
    return days * 86400.0 + hour * 3600.0 + minute * 60.0 + second;
}

std::string time_ago(std::string_view iso_time, double now_epoch_ms, Lang lang) {
    const std::optional<double> then = epoch_seconds(iso_time);
    if (!then) return "";
    const double seconds = std::max(0.0, now_epoch_ms / 1000.0 - *then);
    if (seconds < 60) return tr(Text::time_just_now, lang);
    if (seconds < 3600) return std::to_string(static_cast<int>(seconds / 60)) + " " + tr(Text::time_minutes_ago, lang);
    if (seconds < 24 * 3600)
        return std::to_string(static_cast<int>(seconds / 3600)) + " " + tr(Text::time_hours_ago, lang);
    return format_date(iso_time.substr(0, 10), lang);
}

}  // namespace prd::web
