#pragma once
// Every hromada and foreign municipality in the registry, one row each, sorted by name.

#include "panels/panel.hpp"
#include "panels/record_table.hpp"

namespace prd::web {

class MunicipalitiesPanel final : public Panel {
public:
    MunicipalitiesPanel();
    View view() const override { return View::municipalities; }
    Text title() const override { return Text::tab_municipalities; }
    std::size_t record_count(const Registry& registry) const override { return registry.municipalities().size(); }
    void draw(UiContext& ui) override;

private:
    void rebuild(const Registry& registry, Lang lang);

    RecordTable m_table;
    int m_built_generation = -1;
    Lang m_built_lang = Lang::uk;
};

}  // namespace prd::web
