// `partnership stats` (the real binary) and GET /api/v1/stats on a server over the same data
// folder give the same numbers; the command's options are checked by name.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "model/json_codec.hpp"
#include "running_server.hpp"
#include "stats/gap_stats.hpp"
#include "test_support.hpp"

namespace prd::test {
namespace {

using Json = nlohmann::json;

std::string stats_command(const std::string& arguments, int* status = nullptr) {
    return run_output(std::string(PRD_SERVER_BIN) + " stats " + arguments + " 2>&1", status);
}

TEST(StatsCommand, GivesTheNumbersTheApiGivesForTheSameDataFolder) {
    TempDir dir;
    RunningServer server(dir, "");
    // A write, so the folder's registry is no longer the built-in one the command would fall back to.
    const auto before = server.registry().read([](const Registry& r) { return stats::compute(r); });
    Partnership p;
    p.id = "stats-cli-test-twinning";
    p.parties = {{before.without_foreign_partner.front(), ""}, {"PL-3088171", ""}};
    p.title.en = "A new twinning";
    const Change change{RecordKind::partnership, Change::Op::put, p.id, 0, to_json(p), "stats-cli-1"};
    ASSERT_EQ(
        server.registry()
            .push(server::Principal{server::Role::admin, "", "tok_test", "test"}, {change}, "2025-06-01T00:00:00Z")
            .front()
            .json.value("status", ""),
        "applied");

    const std::string data = (dir.path() / "data").string();
    int status = -1;
    const std::string printed = stats_command("--by oblast --json --data " + data, &status);
    ASSERT_EQ(status, 0) << printed;
    const Json cli = Json::parse(printed);
    const auto answer = http_get(server.port(), "/api/v1/stats?by=oblast");
    ASSERT_EQ(answer.status, 200) << answer.body;
    EXPECT_EQ(cli, Json::parse(answer.body));
    EXPECT_EQ(cli["no_foreign_partner"].get<std::size_t>(), before.no_foreign_partner - 1) << "the folder's registry";
    EXPECT_TRUE(cli.contains("by_oblast"));

    const auto csv = http_get(server.port(), "/api/v1/stats?by=country&format=csv&lang=en");
    EXPECT_EQ(stats_command("--by country --csv --lang en --data " + data) + "\r\n", csv.body);
    EXPECT_NE(stats_command("--data " + data).find("[oblast]"), std::string::npos) << "readable tables";
}

TEST(StatsCommand, BadOptionsAreUsageErrorsNamingTheOption) {
    for (const auto& [arguments, option] :
         std::vector<std::pair<std::string, std::string>>{{"--by oblasts", "--by"},
                                                          {"--years 2022-2014", "--years"},
                                                          {"--kind spaceship", "--kind"},
                                                          {"--partner-country Poland", "--partner-country"},
                                                          {"--lang fr", "--lang"},
                                                          {"--csv", "--csv"},
                                                          {"--json --csv --by oblast", "--json"},
                                                          {"--frobnicate", "--frobnicate"}}) {
        int status = -1;
        const std::string message = stats_command(arguments, &status);
        EXPECT_EQ(status, 2) << arguments;
        EXPECT_NE(message.find(option), std::string::npos) << arguments << ": " << message;
    }
    int status = -1;
    const std::string message = stats_command("--by oblasts", &status);
    EXPECT_NE(message.find("oblast, frontline, year, kind, country, open or without"), std::string::npos) << message;
}

}  // namespace
}  // namespace prd::test
