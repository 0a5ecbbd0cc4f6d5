#pragma once
// The table every record panel shows: a filter box, a sortable, resizable, scrolling ImGui table,
// and the rows it reports to the frame. Panels turn records into rows; this does the rest.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "app/ui_context.hpp"
#include "app/ui_text.hpp"

namespace prd::web {

struct Column {
    Text header;
    float weight = 1.0f;        ///< share of the width (columns stretch with the window)
    bool numeric = false;       ///< right-aligned, sorted by Cell::number
    bool default_sort = false;  ///< the sort when the table first appears
    bool descending = false;    ///< the default direction for this column
};

struct Cell {
    std::string text;
    std::optional<std::int64_t> number;  ///< for numeric columns; empty sorts last
};

struct Row {
    std::string id;  ///< the record the row opens
    std::vector<Cell> cells;
    std::string also_matches;  ///< further text the filter searches (other names, aliases, ids)
};

class RecordTable {
public:
    RecordTable(const char* id, std::vector<Column> columns);

    /// Replaces the rows; the filter text and the sort order stay.
    void set_rows(std::vector<Row> rows);
    /// Draws the filter box and the table into the remaining space. Returns the id of the row
    /// the person opened (click, tap or Enter), if any.
    std::optional<std::string> draw(UiContext& ui);

private:
    struct Entry {
        Row row;
        std::vector<std::u32string> keys;  ///< sort key per column
        std::string search;                ///< folded text the filter looks in
        std::string label;                 ///< cells joined by " | ", for the frame report
    };

    void apply_filter();
    void sort_visible();

    const char* m_id;
    std::vector<Column> m_columns;
    std::vector<Entry> m_entries;
    std::vector<std::size_t> m_visible;  ///< indexes into m_entries, filtered and sorted
    std::string m_filter;
    std::string m_applied_filter;
    int m_sort_column = -1;
    bool m_sort_descending = false;
};

}  // namespace prd::web
