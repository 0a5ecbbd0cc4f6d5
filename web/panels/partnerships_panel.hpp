#pragma once
// Every partnership in the registry: twinnings, memoranda, declarations, with their parties.

#include "panels/panel.hpp"
#include "panels/record_table.hpp"

namespace prd::web {

class PartnershipsPanel final : public Panel {
public:
    PartnershipsPanel();
    View view() const override { return View::partnerships; }
    Text title() const override { return Text::tab_partnerships; }
    std::size_t record_count(const Registry& registry) const override { return registry.partnerships().size(); }
    void draw(UiContext& ui) override;

private:
    void rebuild(const Registry& registry, Lang lang);

    RecordTable m_table;
    int m_built_generation = -1;
    Lang m_built_lang = Lang::uk;
};

}  // namespace prd::web
