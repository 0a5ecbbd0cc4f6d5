#pragma once
// A panel that is one RecordTable over the registry: its rows are made again only when the
// registry or the UI language changes, not every frame.

#include <vector>

#include "panels/panel.hpp"
#include "panels/record_table.hpp"

namespace prd::web {

class TablePanel : public Panel {
public:
    TablePanel(const char* id, std::vector<Column> columns) : m_table(id, std::move(columns)) {}
    void draw(UiContext& ui) final;

protected:
    /// The table's rows for this registry, with labels in this language.
    virtual std::vector<Row> rows(const Registry& registry, Lang lang) const = 0;

private:
    RecordTable m_table;
    int m_built_generation = -1;
    Lang m_built_lang = Lang::uk;
};

}  // namespace prd::web
