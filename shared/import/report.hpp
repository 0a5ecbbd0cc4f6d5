#pragma once
// What one import did: rows read, records made, rows rejected with the reason, and matches that
// were ambiguous. Each importer fills one; the CLI prints it and `import all` writes them all.

#include <cstddef>
#include <map>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

namespace prd::import {

/// One row that was not used (or one match that was not made), and why.
struct ImportIssue {
    std::size_t line = 0;  ///< 1-based line of the source file; 0 when not tied to a line
    std::string reason;    ///< a short, stable phrase that groups issues, e.g. "no municipality in the registry"
    std::string detail;    ///< what was looked at, e.g. "Sankt Georgen an der Gusen (AT)"
};

struct ImportReport {
    std::string source;  ///< the importer's name, e.g. "hromadas"
    std::string file;    ///< the file read (for people; not part of any record)
    std::size_t rows_read = 0;
    std::size_t records_made = 0;    ///< records added to the registry
    std::size_t records_updated = 0; ///< existing records this import completed (names, aliases)
    std::vector<ImportIssue> rejected;
    std::vector<ImportIssue> ambiguous;
    std::vector<std::string> notes;  ///< anything else worth a line, e.g. "12 seed records merged"

    void reject(std::size_t line, std::string reason, std::string detail = {});
    void ambiguity(std::size_t line, std::string reason, std::string detail = {});
    /// Rejections counted by reason, most frequent first (ties by reason).
    std::vector<std::pair<std::string, std::size_t>> rejected_by_reason() const;
    std::vector<std::pair<std::string, std::size_t>> ambiguous_by_reason() const;
};

/// The report as JSON, with at most `examples` issues listed per reason.
nlohmann::json to_json(const ImportReport& report, std::size_t examples = 5);

/// The report for people, a few lines: counts, then each reason with its count and examples.
std::string format_report(const ImportReport& report, std::size_t examples = 3);

}  // namespace prd::import
