// Counting and printing import reports.

#include "import/report.hpp"

#include <algorithm>

namespace prd::import {
namespace {

std::vector<std::pair<std::string, std::size_t>> count_by_reason(const std::vector<ImportIssue>& issues) {
    std::map<std::string, std::size_t> counts;
    for (const ImportIssue& issue : issues) ++counts[issue.reason];
    std::vector<std::pair<std::string, std::size_t>> sorted(counts.begin(), counts.end());
    std::stable_sort(sorted.begin(), sorted.end(), [](const auto& a, const auto& b) { return a.second > b.second; });
    return sorted;
}

nlohmann::json issues_json(const std::vector<ImportIssue>& issues, std::size_t examples) {
    nlohmann::json out = nlohmann::json::array();
    for (const auto& [reason, count] : count_by_reason(issues)) {
        nlohmann::json list = nlohmann::json::array();
        for (const ImportIssue& issue : issues) {
            if (list.size() >= examples) break;
            if (issue.reason != reason) continue;
            nlohmann::json item = {{"detail", issue.detail}};
            if (issue.line) item["line"] = issue.line;
            list.push_back(std::move(item));
        }
        out.push_back({{"reason", reason}, {"count", count}, {"examples", std::move(list)}});
    }
    return out;
}

void format_issues(std::string& out, const char* title, const std::vector<ImportIssue>& issues,
                   std::size_t examples) {
    if (issues.empty()) return;
    out += "  " + std::string(title) + ": " + std::to_string(issues.size()) + "\n";
    for (const auto& [reason, count] : count_by_reason(issues)) {
        out += "    " + std::to_string(count) + " " + reason;
        std::size_t shown = 0;
        for (const ImportIssue& issue : issues) {
            if (shown >= examples) break;
            if (issue.reason != reason) continue;
            out += shown == 0 ? ", e.g. " : "; ";
            if (issue.line) out += "line " + std::to_string(issue.line) + ": ";
            out += issue.detail;
            ++shown;
        }
        out += "\n";
    }
}

}  // namespace

void ImportReport::reject(std::size_t line, std::string reason, std::string detail) {
    rejected.push_back({line, std::move(reason), std::move(detail)});
}

void ImportReport::ambiguity(std::size_t line, std::string reason, std::string detail) {
    ambiguous.push_back({line, std::move(reason), std::move(detail)});
}

std::vector<std::pair<std::string, std::size_t>> ImportReport::rejected_by_reason() const {
    return count_by_reason(rejected);
}

std::vector<std::pair<std::string, std::size_t>> ImportReport::ambiguous_by_reason() const {
    return count_by_reason(ambiguous);
}

nlohmann::json to_json(const ImportReport& report, std::size_t examples) {
    nlohmann::json out = {
        {"source", report.source},
        {"file", report.file},
        {"rows_read", report.rows_read},
        {"records_made", report.records_made},
        {"records_updated", report.records_updated},
        {"rejected_count", report.rejected.size()},
        {"rejected", issues_json(report.rejected, examples)},
        {"ambiguous_count", report.ambiguous.size()},
        {"ambiguous", issues_json(report.ambiguous, examples)},
    };
    if (!report.notes.empty()) out["notes"] = report.notes;
    return out;
}

std::string format_report(const ImportReport& report, std::size_t examples) {
    std::string out = "import " + report.source;
    if (!report.file.empty()) out += " (" + report.file + ")";
    out += ": " + std::to_string(report.rows_read) + " rows read, " + std::to_string(report.records_made) +
           " records made";
    if (report.records_updated) out += ", " + std::to_string(report.records_updated) + " records completed";
    out += ", " + std::to_string(report.rejected.size()) + " rejected, " + std::to_string(report.ambiguous.size()) +
           " ambiguous\n";
    format_issues(out, "rejected", report.rejected, examples);
    format_issues(out, "ambiguous", report.ambiguous, examples);
    for (const std::string& note : report.notes) out += "  note: " + note + "\n";
    return out;
}

}  // namespace prd::import
