#pragma once
// A small CSV reader for the public datasets: RFC 4180 quoting (quoted fields may hold the
// delimiter, doubled quotes and line breaks), ',' ';' or tab delimiters, CRLF or LF, an optional
// UTF-8 byte-order mark. It does not guess types; every cell is text. And the one rule for
// writing a text cell, shared by every CSV the project writes (exports, statistics tables).

#include <cstddef>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace prd::import {

struct CsvOptions {
    char delimiter = 0;   ///< 0: chosen from the first line (the most frequent of ',' ';' and tab)
    bool quotes = true;   ///< false: '"' is an ordinary character (GeoNames and the Wikidata TSV)
    bool header = true;   ///< false: the first line is data and columns are unnamed
};

struct CsvRow {
    std::size_t line = 0;  ///< 1-based line where the row starts, for reports
    std::vector<std::string> cells;
};

struct CsvTable {
    std::vector<std::string> header;
    std::vector<CsvRow> rows;

    /// Index of a header column, or nothing.
    std::optional<std::size_t> find(std::string_view name) const;
    /// Index of a header column; throws CsvError naming the column when it is missing.
    std::size_t column(std::string_view name) const;
};

/// The file is not the CSV the importer expects; what() names the line or column.
class CsvError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

/// Parses the whole text. Throws CsvError for a quote left open at the end of the file, and for
/// text that is not well-formed UTF-8 (prd::utf8), naming the line.
CsvTable parse_csv(std::string_view text, CsvOptions options = {});

/// The cell at `index`, or "" when the row is shorter.
std::string_view cell(const CsvRow& row, std::size_t index);

/// One CSV cell holding text (RFC 4180 quoting). Text a spreadsheet would run as a formula (it
/// begins with =, +, -, @, a tab or a carriage return) is prefixed with an apostrophe, as OWASP
/// advises, so an editor's municipality name cannot run anything on a reader's machine.
std::string csv_text_cell(std::string_view text);

}  // namespace prd::import
