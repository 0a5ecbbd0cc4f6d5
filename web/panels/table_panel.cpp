#include "panels/table_panel.hpp"

namespace prd::web {

void TablePanel::draw(UiContext& ui) {
    const AppState& app = ui.app();
    if (m_built_generation != app.generation() || m_built_lang != ui.lang()) {
        m_table.set_rows(rows(app.registry(), ui.lang()));
        m_built_generation = app.generation();
        m_built_lang = ui.lang();
    }
    m_table.draw(ui);
}

}  // namespace prd::web
