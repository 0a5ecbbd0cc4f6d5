#include "postgres_fixture.hpp"

#include <fcntl.h>
#include <libpq-fe.h>
#include <pwd.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <random>
#include <sstream>
#include <stdexcept>
#include <vector>

namespace prd::test {
namespace {

namespace fs = std::filesystem;

std::string tail(const fs::path& file, std::size_t bytes = 1500) {
    std::ifstream in(file, std::ios::binary);
    std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    return text.size() > bytes ? text.substr(text.size() - bytes) : text;
}

fs::path runuser() {
    for (const char* path : {"/usr/sbin/runuser", "/sbin/runuser", "/usr/bin/runuser"})
        if (::access(path, X_OK) == 0) return path;
    return {};
}

bool as_root() { return ::geteuid() == 0; }

}  // namespace

fs::path PostgresServer::binaries() {
    auto usable = [](const fs::path& bin) {
        return ::access((bin / "initdb").c_str(), X_OK) == 0 && ::access((bin / "pg_ctl").c_str(), X_OK) == 0;
    };
    if (const char* env = std::getenv("PRD_PG_BIN"); env && *env) return usable(env) ? fs::path(env) : fs::path();
    fs::path best;
    long best_version = -1;
    std::error_code ec;
    for (const auto& entry : fs::directory_iterator("/usr/lib/postgresql", ec)) {
        const std::string name = entry.path().filename().string();
        char* end = nullptr;
        const long version = std::strtol(name.c_str(), &end, 10);
        if (end == name.c_str() || *end != '\0') continue;
        if (version > best_version && usable(entry.path() / "bin")) {
            best = entry.path() / "bin";
            best_version = version;
        }
    }
    return best;
}

std::string PostgresServer::unavailable_reason() {
    if (binaries().empty())
        return "PostgreSQL server binaries not found (apt-get install postgresql, or set PRD_PG_BIN to their folder)";
    if (as_root() && !::getpwnam("postgres"))
        return "running as root, which initdb refuses, and there is no postgres user to run it as";
    if (as_root() && runuser().empty()) return "running as root, which initdb refuses, and runuser is missing";
    return "";
}

PostgresServer::PostgresServer(fs::path folder, fs::path bin) : m_folder(std::move(folder)), m_bin(std::move(bin)) {}

PostgresServer::PostgresServer() {
    if (const auto why = unavailable_reason(); !why.empty()) throw std::runtime_error(why);
    m_bin = binaries();
    std::string pattern = (fs::temp_directory_path() / "prd-pg-XXXXXX").string();
    if (!::mkdtemp(pattern.data())) throw std::runtime_error(std::string("mkdtemp: ") + std::strerror(errno));
    m_folder = pattern;
    const auto socket = m_folder / "socket";
    fs::create_directory(socket);
    if (as_root()) {
        // The server runs as postgres: it owns the folder; root reaches the socket anyway.
        const passwd* postgres = ::getpwnam("postgres");
        if (::chown(m_folder.c_str(), postgres->pw_uid, postgres->pw_gid) != 0 ||
            ::chown(socket.c_str(), postgres->pw_uid, postgres->pw_gid) != 0)
            throw std::runtime_error("cannot give " + m_folder.string() + " to postgres: " + std::strerror(errno));
    }
    ::chmod(m_folder.c_str(), 0711);
    ::chmod(socket.c_str(), 0755);
    try {
        run({(m_bin / "initdb").string(), "-D", (m_folder / "data").string(), "-U", "prd", "--auth=trust", "-E", "UTF8",
             "--no-locale", "--no-sync"},
            "initdb");
        start();
    } catch (...) {
        std::error_code ec;
        fs::remove_all(m_folder, ec);
        throw;
    }
}

std::unique_ptr<PostgresServer> PostgresServer::attach(const fs::path& state_file) {
    std::ifstream in(state_file);
    std::string state, folder, bin;
    if (!std::getline(in, state) || state != "running" || !std::getline(in, folder) || !std::getline(in, bin))
        return nullptr;
    std::unique_ptr<PostgresServer> server(new PostgresServer(folder, bin));
    server->m_owned = false;
    server->m_running = true;
    return server;
}

PostgresServer::~PostgresServer() {
    if (!m_owned) return;
    try {
        remove();
    } catch (...) {
    }
}

void PostgresServer::run(const std::vector<std::string>& command, const std::string& what) const {
    std::vector<std::string> full;
    if (as_root()) full = {runuser().string(), "-u", "postgres", "--"};
    full.insert(full.end(), command.begin(), command.end());
    std::vector<char*> argv;
    for (auto& part : full) argv.push_back(part.data());
    argv.push_back(nullptr);
    const auto log = m_folder / "commands.log";
    const pid_t pid = ::fork();
    if (pid < 0) throw std::runtime_error(what + ": fork: " + std::strerror(errno));
    if (pid == 0) {
        // Output to a file, never to the test's: the server pg_ctl leaves running keeps it open.
        const int out = ::open(log.c_str(), O_WRONLY | O_CREAT | O_APPEND, 0644);
        const int in = ::open("/dev/null", O_RDONLY);
        if (out < 0 || in < 0 || ::dup2(in, 0) < 0 || ::dup2(out, 1) < 0 || ::dup2(out, 2) < 0) ::_exit(126);
        if (::chdir(m_folder.c_str()) != 0) ::_exit(126);
        ::execv(argv[0], argv.data());
        ::_exit(127);
    }
    int status = 0;
    while (::waitpid(pid, &status, 0) < 0 && errno == EINTR) {
    }
    if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
        std::ostringstream message;
        message << what << " failed (status " << status << ") in " << m_folder.string() << ":\n"
                << tail(log) << "\n--- server log:\n"
                << tail(m_folder / "server.log");
        throw std::runtime_error(message.str());
    }
}

void PostgresServer::start() {
    run({(m_bin / "pg_ctl").string(), "-D", (m_folder / "data").string(), "-l", (m_folder / "server.log").string(),
         "-o", "-k " + (m_folder / "socket").string() + " -c listen_addresses='' -F", "-w", "-t", "60", "start"},
        "pg_ctl start");
    m_running = true;
}

void PostgresServer::stop() {
    run({(m_bin / "pg_ctl").string(), "-D", (m_folder / "data").string(), "-m", "fast", "-w", "-t", "60", "stop"},
        "pg_ctl stop");
    m_running = false;
}

void PostgresServer::remove() {
    if (m_running) {
        try {
            stop();
        } catch (...) {  // already gone: nothing to stop
        }
    }
    m_running = false;
    m_owned = false;
    std::error_code ec;
    fs::remove_all(m_folder, ec);
}

std::string PostgresServer::uri(const std::string& database) const {
    return "postgresql:///" + database + "?host=" + (m_folder / "socket").string() + "&user=prd";
}

std::string PostgresServer::create_database() {
    static std::atomic<int> counter{0};
    static const unsigned salt = std::random_device{}() % 100000;
    // Names only ever made here, from digits: no quoting needed.
    const std::string name =
        "prd_test_" + std::to_string(::getpid()) + "_" + std::to_string(salt) + "_" + std::to_string(++counter);
    PGconn* conn = PQconnectdb(uri("postgres").c_str());
    std::string error;
    if (PQstatus(conn) != CONNECTION_OK) {
        error = PQerrorMessage(conn);
    } else {
        PGresult* result = PQexec(conn, ("CREATE DATABASE " + name).c_str());
        if (PQresultStatus(result) != PGRES_COMMAND_OK) error = PQresultErrorMessage(result);
        PQclear(result);
    }
    PQfinish(conn);
    if (!error.empty()) throw std::runtime_error("cannot create database " + name + ": " + error);
    return uri(name);
}

void PostgresServer::write_state(const fs::path& file) {
    std::ofstream(file) << "running\n" << m_folder.string() << "\n" << m_bin.string() << "\n";
    m_owned = false;
}

PostgresServer* shared_postgres(std::string* why) {
    static std::string reason;
    static const std::unique_ptr<PostgresServer> server = []() -> std::unique_ptr<PostgresServer> {
        if (const char* state = std::getenv("PRD_TEST_POSTGRES"); state && *state) {
            std::ifstream in(state);
            std::string first, second;
            std::getline(in, first);
            std::getline(in, second);
            if (first == "unavailable") {
                reason = second;
                return nullptr;
            }
            if (auto attached = PostgresServer::attach(state);
                attached && PQping(attached->uri("postgres").c_str()) == PQPING_OK)
                return attached;
            // No fixture ran (the binary run by hand with the variable set), or its server is gone: start one.
        }
        reason = PostgresServer::unavailable_reason();
        if (!reason.empty()) return nullptr;
        return std::make_unique<PostgresServer>();
    }();
    if (!server && why) *why = reason;
    return server.get();
}

}  // namespace prd::test
