#pragma once
// libpq behind a few small types, for the PostgreSQL store's source files only: parameterized
// statements (never values spliced into SQL), connections that come back after the server went
// away, and a small pool. Not a general database layer: no types beyond text, numbers and booleans.

#include <libpq-fe.h>

#include <atomic>
#include <condition_variable>
#include <cstdint>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <vector>

#include "store/store.hpp"

namespace prd::server {

/// One statement parameter, sent as text; PostgreSQL infers its type from the statement.
class PgParam {
public:
    PgParam(std::string text) : m_text(std::move(text)) {}
    PgParam(const char* text) : m_text(text) {}
    PgParam(std::string_view text) : m_text(text) {}
    PgParam(std::int64_t value) : m_text(std::to_string(value)) {}
    PgParam(int value) : m_text(std::to_string(value)) {}
    PgParam(bool value) : m_text(value ? "true" : "false") {}
    PgParam(double value);
    const char* c_str() const { return m_text.c_str(); }

private:
    std::string m_text;
};

/// A statement's result, freed with it.
class PgResult {
public:
    explicit PgResult(PGresult* result) : m_result(result) {}
    ~PgResult() { PQclear(m_result); }
    PgResult(PgResult&& other) noexcept : m_result(other.m_result) { other.m_result = nullptr; }
    PgResult(const PgResult&) = delete;
    PgResult& operator=(const PgResult&) = delete;

    int rows() const { return PQntuples(m_result); }
    bool null(int row, int column) const { return PQgetisnull(m_result, row, column) != 0; }
    std::string text(int row, int column) const {
        return std::string(PQgetvalue(m_result, row, column),
                           static_cast<std::size_t>(PQgetlength(m_result, row, column)));
    }
    /// The value in place: valid as long as this result.
    std::string_view view(int row, int column) const {
        return std::string_view(PQgetvalue(m_result, row, column),
                                static_cast<std::size_t>(PQgetlength(m_result, row, column)));
    }
    std::int64_t integer(int row, int column) const;
    double real(int row, int column) const;
    bool boolean(int row, int column) const { return PQgetvalue(m_result, row, column)[0] == 't'; }
    /// Rows changed by an INSERT, UPDATE or DELETE.
    std::int64_t affected() const;
    std::string command() const { return PQcmdStatus(m_result); }
    const PGresult* get() const { return m_result; }

private:
    PGresult* m_result;
};

/// What every connection of one store shares: where to connect, how to name the store in
/// messages, and a count of the times a connection found the server gone, so the store's other
/// connections (idle in the pool, and as broken) reconnect before their next use too.
struct PgTarget {
    std::string conninfo;     ///< as the operator gave it: a URI or libpq's key=value form
    std::string description;  ///< the same without its password
    std::atomic<std::uint64_t> losses{0};
};

class PgConnection {
public:
    explicit PgConnection(PgTarget& target) : m_target(target) {}
    ~PgConnection();
    PgConnection(const PgConnection&) = delete;
    PgConnection& operator=(const PgConnection&) = delete;

    /// Makes the connection usable at the start of a unit of work: connects, or reconnects
    /// (PQreset) when it broke or another connection of the store lost the server. Throws
    /// StoreUnavailable when the server cannot be reached. True when it (re)connected, so that
    /// session state (LISTEN) must be set up again. Never called inside a transaction: a reconnect
    /// there would silently carry on outside it.
    bool ensure();

    /// Runs one parameterized statement. Throws StoreUnavailable when the connection is lost,
    /// StoreError with the server's message otherwise; `what` says what was being done.
    PgResult exec(std::string_view what, const char* sql, const std::vector<PgParam>& params = {});
    /// Runs `sql` once per row of parameters, pipelined (one round trip per few hundred rows, so
    /// storing a whole registry takes a moment, not a minute). Throws like exec() on the first failure.
    void exec_each(std::string_view what, const char* sql, const std::vector<std::vector<PgParam>>& rows);
    /// Runs constant SQL that may hold several statements (the schema). No parameters.
    void exec_script(std::string_view what, const char* sql);
    /// COMMIT, and a StoreError when the server rolled back instead.
    void commit(std::string_view what);
    /// Ends any open transaction without keeping it; never throws.
    void rollback() noexcept;
    /// True between BEGIN and COMMIT or ROLLBACK.
    bool in_transaction() const;

    PGconn* raw() { return m_conn; }
    const std::string& description() const { return m_target.description; }

    /// Throws the error for a failed call: StoreUnavailable when the connection is lost (and
    /// counts the loss), otherwise StoreError. `result` may be null (then the connection's message).
    [[noreturn]] void fail(std::string_view what, const PGresult* result);

private:
    PgTarget& m_target;
    PGconn* m_conn = nullptr;
    std::uint64_t m_losses_seen = 0;
};

/// A few connections shared by the store's threads; a thread waits when all are lent.
class PgPool {
public:
    PgPool(PgTarget& target, std::size_t size) : m_target(target), m_size(size) {}
    ~PgPool();

    class Lease {
    public:
        Lease(PgPool& pool, PgConnection* connection) : m_pool(pool), m_connection(connection) {}
        Lease(Lease&& other) noexcept : m_pool(other.m_pool), m_connection(other.m_connection) {
            other.m_connection = nullptr;
        }
        ~Lease();
        Lease(const Lease&) = delete;
        Lease& operator=(const Lease&) = delete;
        PgConnection& operator*() const { return *m_connection; }
        PgConnection* operator->() const { return m_connection; }

    private:
        PgPool& m_pool;
        PgConnection* m_connection;
    };

    /// A connection made usable (PgConnection::ensure), for one unit of work; given back, with any
    /// transaction left open rolled back, when the lease ends. Throws StoreUnavailable.
    Lease acquire();

private:
    void give_back(PgConnection* connection);

    PgTarget& m_target;
    std::size_t m_size;
    std::mutex m_mutex;
    std::condition_variable m_returned;
    std::vector<std::unique_ptr<PgConnection>> m_all;
    std::vector<PgConnection*> m_free;
};

/// `conninfo` (a postgres:// or postgresql:// URI, or key=value pairs) without its password.
std::string without_password(const std::string& conninfo);

}  // namespace prd::server
