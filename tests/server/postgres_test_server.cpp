// Starts and stops the PostgreSQL server one ctest run shares among its server_store_tests
// processes (a ctest fixture: see CMakeLists.txt). Without PostgreSQL installed, `start` notes
// why in the state file and succeeds, so the tests skip rather than fail.
//   postgres_test_server start|stop STATE_FILE

#include <cstdio>
#include <exception>
#include <filesystem>
#include <fstream>
#include <string>

#include "postgres_fixture.hpp"

int main(int argc, char** argv) {
    namespace fs = std::filesystem;
    using prd::test::PostgresServer;
    const std::string command = argc == 3 ? argv[1] : "";
    if (command != "start" && command != "stop") {
        std::fprintf(stderr, "usage: %s start|stop STATE_FILE\n", argv[0]);
        return 2;
    }
    const fs::path state = argv[2];
    try {
        // A server left behind by an interrupted run goes first.
        if (fs::exists(state)) {
            if (auto old = PostgresServer::attach(state)) old->remove();
            fs::remove(state);
        }
        if (command == "stop") return 0;
        if (const auto why = PostgresServer::unavailable_reason(); !why.empty()) {
            std::ofstream(state) << "unavailable\n" << why << "\n";
            std::printf("no PostgreSQL for the tests: %s\n", why.c_str());
            return 0;
        }
        PostgresServer server;
        server.write_state(state);
        std::printf("PostgreSQL for the tests: %s\n", server.uri("postgres").c_str());
        return 0;
    } catch (const std::exception& e) {
        std::fprintf(stderr, "%s\n", e.what());
        return 1;
    }
}
