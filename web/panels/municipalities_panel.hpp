#pragma once
// Every hromada and foreign municipality in the registry, one row each, largest first.

#include "panels/table_panel.hpp"

namespace prd::web {

class MunicipalitiesPanel final : public TablePanel {
public:
    MunicipalitiesPanel();
    View view() const override { return View::municipalities; }
    Text title() const override { return Text::tab_municipalities; }
    std::size_t record_count(const Registry& registry) const override { return registry.municipalities().size(); }

protected:
    std::vector<Row> rows(const Registry& registry, Lang lang) const override;
};

}  // namespace prd::web
