// The command line refuses malformed numbers instead of reading what it can of them.
#include <gtest/gtest.h>

#include <sys/wait.h>

#include <cstdlib>
#include <string>

#include "test_support.hpp"

namespace {

int run(const std::string& arguments) {
    const std::string command = std::string(PRD_SERVER_BIN) + " " + arguments + " >/dev/null 2>&1";
    const int status = std::system(command.c_str());
    return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
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
    EXPECT_EQ(run("serve --trusted-proxy 10.0.0.0/33" + data), 2);
    EXPECT_EQ(run("generate --municipalities 1e5" + data), 2);
}

}  // namespace
