#pragma once
// A throwaway PostgreSQL server for tests: initdb into a temporary folder, listening on a Unix
// socket only, with fsync off (-F: fast, and a machine crash loses only data that is thrown away
// anyway). initdb refuses to run as root, so as root it runs as the `postgres` user. Each test
// takes a fresh database from it.

#include <filesystem>
#include <memory>
#include <string>
#include <vector>

namespace prd::test {

class PostgresServer {
public:
    /// The folder holding initdb and pg_ctl: $PRD_PG_BIN, else the newest /usr/lib/postgresql/N/bin;
    /// empty when there is none.
    static std::filesystem::path binaries();
    /// Why no server can be started here (binaries missing, or root without a postgres user); empty
    /// when one can.
    static std::string unavailable_reason();

    /// Makes a new cluster in a temporary folder and starts it. Throws std::runtime_error, with the
    /// tail of the server's log, when it cannot.
    PostgresServer();
    /// Takes over a server started by another process (see write_state); it stays running when
    /// this object goes, unless stop() or remove() is called.
    static std::unique_ptr<PostgresServer> attach(const std::filesystem::path& state_file);
    /// Stops a server this object made and deletes its folder.
    ~PostgresServer();
    PostgresServer(const PostgresServer&) = delete;
    PostgresServer& operator=(const PostgresServer&) = delete;

    /// Stops the server (fast shutdown: connections are cut) and starts it again on the same
    /// folder and socket, for tests of what a store does while its database is down.
    void stop();
    void start();

    /// A new, empty database; its URI.
    std::string create_database();
    /// postgresql:///DATABASE?host=SOCKETDIR&user=prd
    std::string uri(const std::string& database) const;

    /// Writes where this server is, for attach() in other processes, and leaves it running when
    /// this object goes: ctest's fixture starts one server for every test process this way.
    void write_state(const std::filesystem::path& file);
    /// Stops the server and deletes its folder, whoever made it.
    void remove();

private:
    PostgresServer(std::filesystem::path folder, std::filesystem::path bin);
    void run(const std::vector<std::string>& command, const std::string& what) const;

    std::filesystem::path m_folder;  ///< data/, socket/ and the logs
    std::filesystem::path m_bin;
    bool m_owned = true;
    bool m_running = false;
};

/// The server this test process shares: the one ctest's fixture started (PRD_TEST_POSTGRES names
/// its state file), else one started on first use and stopped when the process ends. Null when
/// PostgreSQL is not installed, with the reason in `why` (tests skip); throws when it is installed
/// but will not start (tests fail).
PostgresServer* shared_postgres(std::string* why);

}  // namespace prd::test
