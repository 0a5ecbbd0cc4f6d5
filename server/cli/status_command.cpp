// partnership status: how a follower stands with its upstream. From the data folder: the upstream
// revision installed and every local write still waiting, or refused, or in conflict (with the
// upstream's answer). From the running server (--url): the lag and the last error.

#include <cstdio>
#include <cstdlib>

#include <nlohmann/json.hpp>

#include "cli/commands.hpp"
#include "cli/options.hpp"
#include "http/http_client.hpp"
#include "model/types.hpp"
#include "store/sqlite_store.hpp"

namespace prd::cli {

int status_command(const Args& args) {
    std::string data_dir, url;
    if (const char* v = std::getenv("PARTNERSHIP_LISTEN"); v && *v) url = std::string("http://") + v;
    bool json = false;
    CommandParser parser("status");
    add_data_option(parser, data_dir);
    parser.add_option("--url", url, "the running server (default http://PARTNERSHIP_LISTEN or http://127.0.0.1:8080)");
    parser.add_flag("--json", json, "print JSON");
    parse_options(parser, args);
    if (data_dir.empty()) throw UsageError("--data DIR is required (or PARTNERSHIP_DATA_DIR)");
    if (url.empty()) url = "http://127.0.0.1:8080";

    server::SqliteStore store(data_dir);
    nlohmann::json report{{"upstream", store.meta("upstream_url").value_or("")},
                          {"revision", store.upstream_revision()},
                          {"outbox", nlohmann::json::array()}};
    std::size_t pending = 0;
    for (const auto& item : store.outbox_items(false)) {
        if (item.state == "applied") continue;
        if (item.state == "pending") ++pending;
        report["outbox"].push_back({{"seq", item.seq}, {"state", item.state}, {"kind", std::string(to_string(item.kind))},
                                    {"id", item.record_id}, {"by", item.principal}, {"at", item.created_at},
                                    {"attempts", item.attempts},
                                    {"answer", nlohmann::json::parse(item.result.empty() ? "null" : item.result, nullptr, false)}});
    }
    std::string error;
    const auto about = server::http_fetch(url, {"GET", "/api/v1/about", "", {{"Accept", "application/json"}}}, error,
                                          {std::chrono::milliseconds(2000), std::chrono::milliseconds(5000)});
    nlohmann::json live = about && about->status == 200 ? nlohmann::json::parse(about->body, nullptr, false) : nlohmann::json();
    if (live.is_object() && live.contains("upstream")) report["live"] = live["upstream"];
    else report["live"] = {{"error", "no answer from " + url + (error.empty() ? "" : ": " + error)}};

    if (json) {
        std::printf("%s\n", report.dump(2).c_str());
        return 0;
    }
    const std::string upstream = report["upstream"];
    std::printf("upstream:  %s\n", upstream.empty() ? "(none: this instance follows no upstream)" : upstream.c_str());
    std::printf("revision:  %lld installed\n", static_cast<long long>(report["revision"].get<std::int64_t>()));
    const auto& l = report["live"];
    if (l.contains("lag"))
        std::printf("lag:       %s revisions, %s s (server at %s)\n", l["lag"]["revisions"].dump().c_str(),
                    l["lag"]["seconds"].dump().c_str(), url.c_str());
    else
        std::printf("lag:       unknown (%s)\n", l.value("error", std::string("the server reports no upstream")).c_str());
    if (l.contains("last_error") && !l["last_error"].is_null())
        std::printf("error:     %s at %s\n", l["last_error"].value("message", "").c_str(), l["last_error"].value("at", "").c_str());
    std::printf("outbox:    %zu waiting\n", pending);
    for (const auto& item : report["outbox"]) {
        if (item["state"] == "pending") continue;
        std::printf("  #%lld %s: %s %s by %s at %s\n      %s\n", static_cast<long long>(item["seq"].get<std::int64_t>()),
                    item["state"].get<std::string>().c_str(), item["kind"].get<std::string>().c_str(),
                    item["id"].get<std::string>().c_str(), item["by"].get<std::string>().c_str(),
                    item["at"].get<std::string>().c_str(), item["answer"].dump().c_str());
    }
    return 0;
}

}  // namespace prd::cli
