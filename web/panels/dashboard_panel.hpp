#pragma once
// #/dashboard: where partners are missing. The gap figures of stats::compute (the same numbers as
// `partnership stats` and GET /api/v1/stats): communities without a foreign partner overall, by
// oblast and by distance to the border; partnerships by year, kind and partner country; open
// declarations and calls. Every table sorts, has a bar chart beside it, and downloads as CSV.

#include <string>

#include "panels/panel.hpp"
#include "stats/gap_stats.hpp"

namespace prd::web {

class DashboardPanel final : public Panel {
public:
    Page page() const override { return Page::dashboard; }
    std::string title(UiContext& ui) override;
    void draw(UiContext& ui) override;

private:
    void draw_headline(UiContext& ui);
    void draw_oblasts(UiContext& ui);
    void draw_frontline(UiContext& ui);
    void draw_years(UiContext& ui);
    void draw_counts(UiContext& ui, const char* id, const std::vector<stats::CountRow>& rows, bool countries);
    void draw_open(UiContext& ui);
    void draw_without(UiContext& ui);
    /// A "CSV" button that downloads one table.
    void csv_button(UiContext& ui, std::string_view table);

    stats::GapStats m_stats;
    nlohmann::json m_json;
    int m_generation = -1;
};

}  // namespace prd::web
