// The gap figures as JSON (the API's and the CLI's answer) and as CSV tables for spreadsheets.

#include <cmath>
#include <functional>
#include <iterator>
#include <stdexcept>

#include "i18n/countries.hpp"
#include "import/csv.hpp"
#include "model/json_codec.hpp"
#include "stats/gap_stats.hpp"

namespace prd::stats {
namespace {

using Json = nlohmann::json;

/// The JSON member that holds each table, in the order of k_tables.
constexpr std::string_view k_members[] = {
    "by_oblast", "frontline", "by_year", "by_kind", "by_partner_country", "open", "without_foreign_partner"};
static_assert(std::size(k_members) == std::size(k_tables));

std::string_view member_of(std::string_view table) {
    for (std::size_t i = 0; i < std::size(k_tables); ++i)
        if (k_tables[i] == table) return k_members[i];
    throw std::invalid_argument("no statistics table \"" + std::string(table) + "\" (" + table_choices() + ")");
}

template <typename Row, typename ToJson>
Json list(const std::vector<Row>& rows, ToJson to_json_row) {
    Json out = Json::array();
    for (const Row& row : rows) out.push_back(to_json_row(row));
    return out;
}

Json table_json(const GapStats& stats, std::string_view member) {
    const auto counted = [](const char* key) {
        return [key](const CountRow& row) { return Json{{key, row.key}, {"partnerships", row.partnerships}}; };
    };
    if (member == "by_oblast")
        return list(stats.by_oblast, [](const OblastRow& row) {
            return Json{{"oblast", row.oblast},
                        {"hromadas", row.hromadas},
                        {"without_foreign_partner", row.without_foreign_partner}};
        });
    if (member == "frontline")
        return list(stats.frontline, [](const BandRow& row) {
            return Json{{"band", row.band},
                        {"hromadas", row.hromadas},
                        {"without_foreign_partner", row.without_foreign_partner}};
        });
    if (member == "by_year") return list(stats.by_year, counted("year"));
    if (member == "by_kind") return list(stats.by_kind, counted("kind"));
    if (member == "by_partner_country") return list(stats.by_partner_country, counted("country"));
    if (member == "open")
        return list(stats.open, [](const OpenCall& call) {
            return Json{{"kind", call.kind},
                        {"id", call.id},
                        {"title", {{"uk", call.title.uk}, {"en", call.title.en}}},
                        {"date", call.date},
                        {"joined", call.joined}};
        });
    return stats.without_foreign_partner;
}

// CSV ------------------------------------------------------------------------------------------

/// A header cell or a fixed label, in Ukrainian and English.
struct Words {
    std::string_view uk;
    std::string_view en;
    std::string_view in(std::string_view lang) const { return lang == "uk" ? uk : en; }
};

constexpr Words k_hromadas{"Громад", "Hromadas"};
constexpr Words k_without{"Без іноземного партнера", "Without a foreign partner"};
constexpr Words k_partnerships{"Партнерств", "Partnerships"};
constexpr Words k_code{"Код", "Code"};

Words band_words(std::string_view band) {
    if (band == "0-30") return {"до 30 км", "within 30 km"};
    if (band == "30-100") return {"30–100 км", "30–100 km"};
    if (band == "100+") return {"понад 100 км", "over 100 km"};
    return {"невідомо", "unknown"};
}

const std::string& in_lang(const LocalizedText& text, std::string_view lang) {
    const std::string& wanted = lang == "uk" ? text.uk : text.en;
    return wanted.empty() ? (lang == "uk" ? text.en : text.uk) : wanted;
}

class CsvWriter {
public:
    explicit CsvWriter(std::string_view lang) : m_lang(lang) { m_out = "\xEF\xBB\xBF"; }

    void header(std::initializer_list<Words> cells) {
        for (const Words& cell : cells) text(cell.in(m_lang));
        end_row();
    }
    CsvWriter& text(std::string_view value) {
        separate();
        m_out += import::csv_text_cell(value);
        return *this;
    }
    CsvWriter& number(std::size_t value) {
        separate();
        m_out += std::to_string(value);
        return *this;
    }
    void end_row() {
        m_out += "\r\n";
        m_first = true;
    }
    std::string take() { return std::move(m_out); }

private:
    void separate() {
        if (!m_first) m_out += ',';
        m_first = false;
    }
    std::string_view m_lang;
    std::string m_out;
    bool m_first = true;
};

void count_rows(CsvWriter& csv, const std::vector<CountRow>& rows,
                const std::function<std::string(std::string_view)>& name) {
    for (const CountRow& row : rows) csv.text(row.key).text(name(row.key)).number(row.partnerships).end_row();
}

}  // namespace

double share_without(const GapStats& stats) {
    if (stats.hromadas == 0) return 0;
    return std::round(static_cast<double>(stats.no_foreign_partner) / static_cast<double>(stats.hromadas) * 10000) /
           10000;
}

nlohmann::json to_json(const GapStats& stats, std::string_view by) {
    Json out{{"revision", stats.revision},
             {"hromadas", stats.hromadas},
             {"no_foreign_partner", stats.no_foreign_partner},
             {"share_without", share_without(stats)}};
    if (!by.empty()) {
        const std::string_view member = member_of(by);
        out[std::string(member)] = table_json(stats, member);
        if (member == "by_year") out["undated"] = stats.undated;
        return out;
    }
    for (std::string_view member : k_members) out[std::string(member)] = table_json(stats, member);
    out["undated"] = stats.undated;
    return out;
}

std::string to_csv(const GapStats& stats, std::string_view table, std::string_view lang) {
    const std::string_view member = member_of(table);
    CsvWriter csv(lang);
    if (member == "by_oblast") {
        csv.header({{"Область", "Oblast"}, k_hromadas, k_without});
        for (const OblastRow& row : stats.by_oblast)
            csv.text(region_name(row.oblast, lang)).number(row.hromadas).number(row.without_foreign_partner).end_row();
    } else if (member == "frontline") {
        csv.header(
            {{"До кордону з росією чи білоруссю", "To the border with russia or belarus"}, k_hromadas, k_without});
        for (const BandRow& row : stats.frontline)
            csv.text(band_words(row.band).in(lang)).number(row.hromadas).number(row.without_foreign_partner).end_row();
    } else if (member == "by_year") {
        csv.header({{"Рік", "Year"}, k_partnerships});
        for (const CountRow& row : stats.by_year) csv.text(row.key).number(row.partnerships).end_row();
        if (stats.undated > 0) csv.text(Words{"без дати", "undated"}.in(lang)).number(stats.undated).end_row();
    } else if (member == "by_kind") {
        csv.header({k_code, {"Вид", "Kind"}, k_partnerships});
        count_rows(csv, stats.by_kind, [lang](std::string_view key) {
            return std::string(label(*partnership_kind_from_string(key), lang));
        });
    } else if (member == "by_partner_country") {
        csv.header({k_code, {"Країна", "Country"}, k_partnerships});
        count_rows(csv, stats.by_partner_country,
                   [lang](std::string_view key) { return std::string(country_name(key, lang)); });
    } else if (member == "open") {
        csv.header(
            {{"Тип", "Type"}, {"Ідентифікатор", "ID"}, {"Назва", "Title"}, {"Дата", "Date"}, {"Долучилися", "Joined"}});
        for (const OpenCall& call : stats.open) {
            const Words kind = call.kind == "call" ? Words{"Заклик до партнерства", "Call for partners"}
                                                   : Words{"Відкрита декларація", "Open declaration"};
            csv.text(kind.in(lang))
                .text(call.id)
                .text(in_lang(call.title, lang))
                .text(call.date)
                .number(call.joined)
                .end_row();
        }
    } else {
        csv.header({{"Ідентифікатор", "ID"}, {"Назва", "Name"}, {"Область", "Oblast"}, {"Населення", "Population"}});
        for (const CommunityRow& row : stats.without_details) {
            csv.text(row.id).text(in_lang(row.name, lang)).text(region_name(row.oblast, lang));
            csv.text(row.population ? std::to_string(*row.population) : std::string()).end_row();
        }
    }
    return csv.take();
}

}  // namespace prd::stats
