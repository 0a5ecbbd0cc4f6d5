// The command line refuses malformed numbers, unknown options and missing values as usage errors
// (exit 2) naming the option, and still reads every subcommand's valid invocations.
#include <gtest/gtest.h>

#include <string>
#include <utility>
#include <vector>

#include "test_support.hpp"

namespace {

using prd::test::run_output;

/// The exit status of `partnership ARGUMENTS`; its standard output and error go to `printed`.
int run(const std::string& arguments, std::string* printed = nullptr) {
    int status = -1;
    const std::string out = run_output(std::string(PRD_SERVER_BIN) + " " + arguments + " 2>&1", &status);
    if (printed) *printed = out;
    return status;
}

TEST(CliOptions, MalformedNumbersAreUsageErrors) {
    EXPECT_EQ(run("search --limit 5abc Lviv"), 2);
    EXPECT_EQ(run("search --limit -1 Lviv"), 2);
    EXPECT_EQ(run("search --limit 0 Lviv"), 2);
    EXPECT_EQ(run("search --limit 3 Lviv"), 0);
    prd::test::TempDir dir;
    const std::string data = " --data " + dir.path().string();
    EXPECT_EQ(run("serve --threads 5abc" + data), 2);
    EXPECT_EQ(run("serve --write-rate -1" + data), 2);
    EXPECT_EQ(run("serve --write-rate nan" + data), 2);
    EXPECT_EQ(run("serve --trusted-proxy 10.0.0.0/33" + data), 2);
    EXPECT_EQ(run("generate --municipalities 1e5" + data), 2);
}

TEST(CliOptions, BadUsageIsRefusedNamingTheOption) {
    prd::test::TempDir dir;
    const std::string data = " --data " + dir.path().string();
    for (const auto& [arguments, option] : std::vector<std::pair<std::string, std::string>>{
             {"search --limit -1 Lviv", "--limit"},
             {"search --limit 5abc Lviv", "--limit"},
             {"search --limit 1e3 Lviv", "--limit"},
             {"search --frobnicate Lviv", "--frobnicate"},
             {"search Lviv --limit", "--limit"},
             {"match UA46060250000025047 --limit -1", "--limit"},
             {"match UA46060250000025047 --limit 5abc", "--limit"},
             {"match UA46060250000025047 --frobnicate", "--frobnicate"},
             {"match UA46060250000025047 --limit", "--limit"},
             {"translit --limit 5 Lviv", "--limit"},
             {"export --format xml" + data, "--format"},
             {"export --frobnicate" + data, "--frobnicate"},
             {"export" + data + " --out", "--out"},
             {"invite create --days 91 --role admin" + data, "--days"},
             {"generate --seed -1" + data, "--seed"},
             {"serve --threads" + data, "--threads"},
             {"status --frobnicate" + data, "--frobnicate"},
         }) {
        std::string message;
        EXPECT_EQ(run(arguments, &message), 2) << arguments << ": " << message;
        EXPECT_NE(message.find(option), std::string::npos) << arguments << ": " << message;
    }
    std::string message;
    run("search --limit -1 Lviv", &message);
    EXPECT_NE(message.find("from 1 to 1000"), std::string::npos) << "the rule: " << message;
}

TEST(CliOptions, ValidInvocationsOfEverySubcommandAreRead) {
    prd::test::TempDir dir;
    const std::string folder = dir.path().string();
    const std::string data = " --data " + folder + "/data";
    std::string out;
    EXPECT_EQ(run("search Lviv --limit=2 --json", &out), 0) << out;
    EXPECT_EQ(run("search --limit 010 Lviv", &out), 0) << "ten, not octal eight: " << out;
    EXPECT_NE(out.find("shown"), std::string::npos) << out;
    EXPECT_EQ(run("search Lviv --limit 1 --limit 2", &out), 0) << out;
    EXPECT_NE(out.find("\n2 of "), std::string::npos) << "the last value given wins: " << out;
    EXPECT_EQ(run("translit Згурівка", &out), 0) << out;
    EXPECT_EQ(out, "Zghurivka");
    EXPECT_EQ(run("match UA46060250000025047 --limit 2 --json", &out), 0) << out;
    EXPECT_EQ(run("show UA80000000000093317 --json", &out), 0) << out;
    EXPECT_EQ(run("export --format csv --out " + folder + "/m.csv" + data, &out), 0) << out;
    EXPECT_EQ(run("dump " + folder + "/dump.sqlite3" + data, &out), 0) << out;
    EXPECT_EQ(run("restore " + folder + "/dump.sqlite3" + data, &out), 0) << out;
    EXPECT_EQ(run("token create --role admin --label ops" + data, &out), 0) << out;
    EXPECT_EQ(run("token list" + data, &out), 0) << out;
    EXPECT_EQ(run("invite list" + data, &out), 0) << out;
    int status = -1;
    out = run_output("PARTNERSHIP_DATA_DIR=" + folder + "/data " + PRD_SERVER_BIN +
                         " invite create --role admin --days 3 --public-url https://partners.example.org 2>&1",
                     &status);
    EXPECT_EQ(status, 0) << "the data folder from the environment: " << out;
    EXPECT_NE(out.find("https://partners.example.org/#/join/"), std::string::npos) << out;
    // Reading the files fails (exit 1) after the options were read.
    EXPECT_EQ(run("import hromadas " + folder + "/missing.csv --out " + folder + "/r.json --json", &out), 1) << out;
    EXPECT_EQ(run("generate --municipalities 5 --partnerships 0 --seed 7 --data " + folder + "/generated", &out), 0)
        << out;
    EXPECT_EQ(run("search --help", &out), 0) << out;
    EXPECT_NE(out.find("--limit"), std::string::npos) << out;
    EXPECT_EQ(run("help", &out), 0) << out;
    EXPECT_NE(out.find("partnership search QUERY"), std::string::npos) << out;
}

}  // namespace
