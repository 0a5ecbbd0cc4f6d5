// The command line refuses malformed numbers, unknown options and missing values as usage errors
// (exit 2) naming the option, and still reads every subcommand's valid invocations.
#include <gtest/gtest.h>

#include <filesystem>
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

TEST(CliOptions, AnActionTakesOnlyItsOwnOptions) {
    prd::test::TempDir dir;
    const auto folder = dir.path() / "data";
    const std::string data = " --data " + folder.string();
    for (const auto& [arguments, named] : std::vector<std::pair<std::string, std::string>>{
             {"token list --role admin" + data, "--role"},
             {"token list" + data + " --municipality UA46060250000025047", "--municipality"},
             {"token revoke tok_843f8d926d59 --label ops" + data, "--label"},
             {"token list tok_843f8d926d59" + data, "tok_843f8d926d59"},
             {"token --role admin create" + data, "--role"},  // an action's options follow it
             {"token create" + data, "--role"},               // required
             {"token revoke" + data, "TOKEN_ID"},
             {"invite list --municipality UA46060250000025047" + data, "--municipality"},
             {"invite list --days 3" + data, "--days"},
             {"invite revoke inv_baaa477ece16 --role admin" + data, "--role"},
             {"invite revoke" + data, "INVITATION_ID"},
         }) {
        std::string message;
        EXPECT_EQ(run(arguments, &message), 2) << arguments << ": " << message;
        EXPECT_NE(message.find(named), std::string::npos) << arguments << ": " << message;
    }
    EXPECT_FALSE(std::filesystem::exists(folder)) << "a refused command line opens no data folder";
}

TEST(CliOptions, AMissingOrUnknownActionIsAUsageError) {
    prd::test::TempDir dir;
    const std::string data = " --data " + dir.path().string() + "/data";
    for (const auto& [arguments, said] : std::vector<std::pair<std::string, std::string>>{
             {"token", "name an action: create, revoke or list"},
             {"token" + data, "name an action: create, revoke or list"},
             {"token --role admin" + data, "name an action: create, revoke or list"},
             {"token frobnicate" + data, "unknown action \"frobnicate\""},
             {"token" + data + " List", "unknown action \"List\""},
             {"invite", "name an action: create, list or revoke"},
             {"invite frobnicate" + data, "unknown action \"frobnicate\""},
         }) {
        std::string message;
        EXPECT_EQ(run(arguments, &message), 2) << arguments << ": " << message;
        EXPECT_NE(message.find(said), std::string::npos) << arguments << ": " << message;
        EXPECT_NE(message.find("usage: partnership "), std::string::npos) << arguments << ": " << message;
    }
}

TEST(CliOptions, HelpListsTheActionsAndEachActionsOwnOptions) {
    std::string out;
    EXPECT_EQ(run("token --help", &out), 0) << out;
    for (const char* action : {"create", "revoke", "list"}) EXPECT_NE(out.find(action), std::string::npos) << out;
    EXPECT_EQ(run("token list --help", &out), 0) << out;
    EXPECT_NE(out.find("partnership token list"), std::string::npos) << out;
    EXPECT_NE(out.find("--data"), std::string::npos) << out;
    EXPECT_EQ(out.find("--role"), std::string::npos) << "list takes no --role: " << out;
    EXPECT_EQ(run("token create --help", &out), 0) << out;
    for (const char* option : {"--data", "--role", "--municipality", "--label"})
        EXPECT_NE(out.find(option), std::string::npos) << option << ": " << out;
    EXPECT_EQ(run("invite --help", &out), 0) << out;
    for (const char* action : {"create", "list", "revoke"}) EXPECT_NE(out.find(action), std::string::npos) << out;
    EXPECT_EQ(run("invite create --help", &out), 0) << out;
    for (const char* option : {"--days", "--public-url", "--listen"})
        EXPECT_NE(out.find(option), std::string::npos) << option << ": " << out;
    EXPECT_EQ(run("invite revoke --help", &out), 0) << out;
    EXPECT_NE(out.find("INVITATION_ID"), std::string::npos) << out;
    EXPECT_EQ(out.find("--days"), std::string::npos) << "revoke takes no --days: " << out;
}

TEST(CliOptions, TokensAndInvitationsAreMadeListedAndRevokedAsBefore) {
    prd::test::TempDir dir;
    const std::string folder = dir.path().string() + "/data";
    const std::string data = " --data " + folder;
    int status = -1;
    const std::string secret = run_output(
        std::string(PRD_SERVER_BIN) + " token create --role moderator --label ops" + data + " 2>/dev/null", &status);
    EXPECT_EQ(status, 0);
    EXPECT_EQ(secret.rfind("prd_", 0), 0u) << "the secret alone on the standard output: " << secret;
    std::string out;
    // --data may come before the action, as it always could.
    EXPECT_EQ(run("token --data " + folder + " list", &out), 0) << out;
    const std::string id = out.substr(0, out.find('\t'));
    EXPECT_EQ(id.rfind("tok_", 0), 0u) << out;
    EXPECT_NE(out.find("\tmoderator\t-\t"), std::string::npos) << out;
    EXPECT_NE(out.find("\tactive\tops"), std::string::npos) << out;
    EXPECT_EQ(run("token revoke " + id + data, &out), 0) << out;
    EXPECT_EQ(out, "revoked " + id);
    EXPECT_EQ(run("token list" + data, &out), 0) << out;
    EXPECT_NE(out.find("\trevoked\tops"), std::string::npos) << out;
    EXPECT_EQ(run("token revoke tok_000000000000" + data, &out), 1) << out;
    EXPECT_EQ(run("token create --role editor" + data, &out), 2) << "an editor needs a municipality: " << out;
    EXPECT_NE(out.find("--municipality"), std::string::npos) << out;

    const std::string invite =
        "invite create --role admin --days 3 --label Olena --public-url https://partners.example.org";
    EXPECT_EQ(run(invite + data, &out), 0) << out;
    EXPECT_NE(out.find("https://partners.example.org/#/join/"), std::string::npos) << out;
    out = run_output("PARTNERSHIP_DATA_DIR=" + folder + " " + PRD_SERVER_BIN + " invite list 2>&1", &status);
    EXPECT_EQ(status, 0) << out;
    const std::string invitation = out.substr(0, out.find('\t'));
    EXPECT_EQ(invitation.rfind("inv_", 0), 0u) << out;
    EXPECT_NE(out.find("\tadmin\t-\t"), std::string::npos) << out;
    EXPECT_NE(out.find("\topen\t-\tOlena"), std::string::npos) << out;
    EXPECT_EQ(run("invite --data " + folder + " revoke " + invitation, &out), 0) << out;
    EXPECT_EQ(out, "revoked " + invitation);
    EXPECT_EQ(run("invite revoke inv_000000000000" + data, &out), 1) << out;
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
