// The CSV reader: a single pass over the text, one state machine for quoted fields. And the
// writer's text cell.

#include "import/csv.hpp"

#include <algorithm>
#include <string>

#include "i18n/utf8.hpp"

namespace prd::import {
namespace {

char detect_delimiter(std::string_view text) {
    const auto end = text.find('\n');
    const std::string_view first = text.substr(0, end);
    const auto count = [&](char c) { return std::count(first.begin(), first.end(), c); };
    const auto commas = count(','), semicolons = count(';'), tabs = count('\t');
    if (tabs > commas && tabs > semicolons) return '\t';
    if (semicolons > commas) return ';';
    return ',';
}

}  // namespace

std::optional<std::size_t> CsvTable::find(std::string_view name) const {
    for (std::size_t i = 0; i < header.size(); ++i) {
        if (header[i] == name) return i;
    }
    return std::nullopt;
}

std::size_t CsvTable::column(std::string_view name) const {
    if (auto index = find(name)) return *index;
    throw CsvError("the header has no column \"" + std::string(name) + "\"");
}

std::string_view cell(const CsvRow& row, std::size_t index) {
    return index < row.cells.size() ? std::string_view(row.cells[index]) : std::string_view();
}

std::string csv_text_cell(std::string_view text) {
    std::string cell;
    if (!text.empty() && std::string_view("=+-@\t\r").find(text.front()) != std::string_view::npos) cell = "'";
    cell += text;
    if (cell.find_first_of(",\"\n\r") == std::string::npos) return cell;
    std::string quoted = "\"";
    for (const char c : cell) {
        if (c == '"') quoted += '"';
        quoted += c;
    }
    return quoted + "\"";
}

CsvTable parse_csv(std::string_view text, CsvOptions options) {
    if (text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);
    if (const std::size_t bad = utf8::first_invalid(text); bad != std::string_view::npos) {
        const auto line = 1 + std::count(text.begin(), text.begin() + static_cast<std::ptrdiff_t>(bad), '\n');
        throw CsvError("line " + std::to_string(line) +
                       ": the file is not UTF-8 (an ill-formed byte sequence at byte " + std::to_string(bad) + ")");
    }
    const char delimiter = options.delimiter ? options.delimiter : detect_delimiter(text);

    CsvTable table;
    CsvRow row;
    std::string field;
    std::size_t line = 1;
    row.line = 1;
    bool in_quotes = false;
    bool field_started = false;  // something (even "") was read into the current field
    bool have_header = !options.header;

    const auto end_row = [&] {
        row.cells.push_back(std::move(field));
        field.clear();
        field_started = false;
        const bool blank = row.cells.size() == 1 && row.cells[0].empty();
        if (!blank) {
            if (!have_header) {
                table.header = std::move(row.cells);
                have_header = true;
            } else {
                table.rows.push_back(std::move(row));
            }
        }
        row = CsvRow{};
        row.line = line;
    };

    std::size_t quote_line = 0;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (in_quotes) {
            if (c == '"') {
                if (i + 1 < text.size() && text[i + 1] == '"') {
                    field += '"';
                    ++i;
                } else {
                    in_quotes = false;
                }
            } else {
                if (c == '\n') ++line;
                field += c;
            }
            continue;
        }
        if (c == '"' && options.quotes && !field_started) {
            in_quotes = true;
            field_started = true;
            quote_line = line;
        } else if (c == delimiter) {
            row.cells.push_back(std::move(field));
            field.clear();
            field_started = false;
        } else if (c == '\n') {
            ++line;
            end_row();
        } else if (c == '\r') {
            // CRLF: the '\n' ends the row.
        } else {
            field += c;
            field_started = true;
        }
    }
    if (in_quotes) throw CsvError("line " + std::to_string(quote_line) + ": a quoted field is never closed");
    if (field_started || !row.cells.empty()) end_row();
    return table;
}

}  // namespace prd::import
