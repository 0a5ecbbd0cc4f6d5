#pragma once
// Every partnership in the registry: twinnings, memoranda, declarations, with their parties.

#include "panels/table_panel.hpp"

namespace prd::web {

class PartnershipsPanel final : public TablePanel {
public:
    PartnershipsPanel();
    View view() const override { return View::partnerships; }
    Text title() const override { return Text::tab_partnerships; }
    std::size_t record_count(const Registry& registry) const override { return registry.partnerships().size(); }

protected:
    std::vector<Row> rows(const Registry& registry, Lang lang) const override;
};

}  // namespace prd::web
