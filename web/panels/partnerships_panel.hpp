#pragma once
// Every partnership in the registry: twinnings, memoranda, declarations, with their parties, as a
// sortable, filterable table; a row opens the partnership's page.

#include "panels/panel.hpp"
#include "panels/record_table.hpp"

namespace prd::web {

class PartnershipsPanel final : public Panel {
public:
    PartnershipsPanel();
    Page page() const override { return Page::partnerships; }
    std::string title(UiContext& ui) override;
    void draw(UiContext& ui) override;

private:
    RecordTable m_table;
    int m_built_generation = -1;
    Lang m_built_lang = Lang::uk;
};

}  // namespace prd::web
