#include "store/postgres_store.hpp"

#include <poll.h>

#include <algorithm>
#include <cerrno>
#include <charconv>
#include <climits>
#include <cmath>
#include <cstring>

#include "model/json_codec.hpp"
#include "store/postgres_connection.hpp"

namespace prd::server {
namespace {

constexpr int kSchemaVersion = 1;

// Each step takes the schema from version i to i+1; a new version appends a step, never edits one.
// Text that is sorted on is COLLATE "C" (byte order), so lists come out in SQLite's order whatever
// the database's locale.
const char* const kMigrations[] = {
    "CREATE TABLE records ("
    "  kind TEXT COLLATE \"C\" NOT NULL,"
    "  id TEXT COLLATE \"C\" NOT NULL,"
    "  revision BIGINT NOT NULL,"
    "  removed BOOLEAN NOT NULL DEFAULT FALSE,"
    "  body TEXT NOT NULL,"
    "  PRIMARY KEY (kind, id));"
    "CREATE INDEX records_by_revision ON records (revision);"
    "CREATE TABLE meta (key TEXT COLLATE \"C\" PRIMARY KEY, value TEXT NOT NULL);"
    "INSERT INTO meta (key, value) VALUES ('revision', '0');"
    "CREATE TABLE tokens ("
    "  id TEXT COLLATE \"C\" PRIMARY KEY,"
    "  hash TEXT NOT NULL UNIQUE,"
    "  role TEXT NOT NULL,"
    "  municipality TEXT NOT NULL DEFAULT '',"
    "  label TEXT NOT NULL DEFAULT '',"
    "  created_at TEXT COLLATE \"C\" NOT NULL,"
    "  revoked BOOLEAN NOT NULL DEFAULT FALSE,"
    "  last_used_at TEXT NOT NULL DEFAULT '');"
    "CREATE TABLE client_changes (key TEXT COLLATE \"C\" PRIMARY KEY, result TEXT NOT NULL);"
    // Private, apart from the public records: whom a community hid or declined.
    "CREATE TABLE dismissed_suggestions (municipality TEXT COLLATE \"C\" PRIMARY KEY, json TEXT NOT NULL);"
    "CREATE TABLE invitations ("
    "  id TEXT COLLATE \"C\" PRIMARY KEY,"
    "  hash TEXT NOT NULL UNIQUE,"
    "  role TEXT NOT NULL,"
    "  municipality TEXT NOT NULL DEFAULT '',"
    "  label TEXT NOT NULL DEFAULT '',"
    "  created_at TEXT COLLATE \"C\" NOT NULL,"
    "  expires_at TEXT NOT NULL,"
    "  created_by TEXT NOT NULL DEFAULT '',"
    "  used_at TEXT NOT NULL DEFAULT '',"
    "  token_id TEXT NOT NULL DEFAULT '',"
    "  revoked BOOLEAN NOT NULL DEFAULT FALSE);"
    // A follower: each record's revision upstream, and the local writes it forwards.
    "CREATE TABLE upstream_records ("
    "  kind TEXT COLLATE \"C\" NOT NULL,"
    "  id TEXT COLLATE \"C\" NOT NULL,"
    "  revision BIGINT NOT NULL,"
    "  PRIMARY KEY (kind, id));"
    "CREATE TABLE outbox ("
    "  seq BIGSERIAL PRIMARY KEY,"
    "  created_at TEXT NOT NULL,"
    "  principal TEXT NOT NULL DEFAULT '',"
    "  token_id TEXT NOT NULL DEFAULT '',"
    "  kind TEXT NOT NULL,"
    "  record_id TEXT NOT NULL,"
    "  base_revision BIGINT NOT NULL DEFAULT 0,"
    "  method TEXT NOT NULL,"
    "  path TEXT NOT NULL,"
    "  body TEXT NOT NULL,"
    "  state TEXT NOT NULL DEFAULT 'pending',"
    "  status INTEGER NOT NULL DEFAULT 0,"
    "  result TEXT NOT NULL DEFAULT '',"
    "  attempts INTEGER NOT NULL DEFAULT 0,"
    "  last_attempt_at TEXT NOT NULL DEFAULT '',"
    "  settled_at TEXT NOT NULL DEFAULT '',"
    "  upstream_revision BIGINT NOT NULL DEFAULT 0);"
    "CREATE INDEX outbox_pending ON outbox (state, seq);"
    // Rate limits counted together by every server on the database.
    "CREATE TABLE rate_buckets ("
    "  key TEXT PRIMARY KEY,"
    "  tokens DOUBLE PRECISION NOT NULL,"
    "  updated_at TIMESTAMPTZ NOT NULL);"
    "CREATE INDEX rate_buckets_by_age ON rate_buckets (updated_at);",
};
static_assert(std::size(kMigrations) == kSchemaVersion);

// Any number will do, as long as nothing else in the database takes the same advisory lock.
constexpr const char* kMigrationLock = "SELECT pg_advisory_xact_lock(5066805000001)";

// A token bucket as RateLimiter keeps one, in one statement so that servers taking from the same
// bucket at once are ordered by its row lock. When it refuses, the row is left alone (the refill
// is linear, so not writing it changes nothing) and the second half reads how full it is.
constexpr const char* kTakeRate =
    "WITH taken AS ("
    "  INSERT INTO rate_buckets AS b (key, tokens, updated_at) VALUES ($1, $2::float8 - 1, now())"
    "  ON CONFLICT (key) DO UPDATE"
    "    SET tokens = LEAST($2::float8, b.tokens + GREATEST(0, EXTRACT(EPOCH FROM now() - b.updated_at)::float8)"
    "                 * $3::float8) - 1, updated_at = now()"
    "    WHERE LEAST($2::float8, b.tokens + GREATEST(0, EXTRACT(EPOCH FROM now() - b.updated_at)::float8)"
    "          * $3::float8) >= 1"
    "  RETURNING b.tokens)"
    "SELECT true, tokens FROM taken "
    "UNION ALL "
    "SELECT false, LEAST($2::float8, tokens + GREATEST(0, EXTRACT(EPOCH FROM now() - updated_at)::float8) * $3::float8)"
    "  FROM rate_buckets WHERE key = $1 AND NOT EXISTS (SELECT 1 FROM taken)";

StoredRecord read_record(const PgResult& rows, int row, const std::string& where) {
    StoredRecord record;
    const auto kind = record_kind_from_string(rows.text(row, 0));
    if (!kind) throw StoreError(where + ": unknown record kind \"" + rows.text(row, 0) + "\"");
    record.kind = *kind;
    record.id = rows.text(row, 1);
    record.revision = rows.integer(row, 2);
    record.removed = rows.boolean(row, 3);
    record.json = rows.text(row, 4);
    return record;
}

}  // namespace

PostgresStore::PostgresStore(const std::string& uri) : m_target(std::make_unique<PgTarget>()) {
    m_target->conninfo = uri;
    m_target->description = without_password(uri);
    char* error = nullptr;
    PQconninfoOption* options = PQconninfoParse(uri.c_str(), &error);
    if (!options) {
        const std::string message = error ? error : "out of memory";
        PQfreemem(error);
        throw StoreError(m_target->description + ": not a PostgreSQL address: " + message);
    }
    PQconninfoFree(options);
    m_pool = std::make_unique<PgPool>(*m_target, kPoolSize);
    migrate();
}

PostgresStore::~PostgresStore() = default;

std::string PostgresStore::describe() const { return m_target->description; }

void PostgresStore::migrate() {
    auto c = m_pool->acquire();
    const auto encoding =
        c->exec("read the database's encoding", "SELECT current_setting('server_encoding')").text(0, 0);
    if (encoding != "UTF8" && encoding != "SQL_ASCII")
        throw StoreError(describe() + ": the database's encoding is " + encoding +
                         "; the registry needs UTF8 (CREATE DATABASE ... ENCODING 'UTF8')");
    c->exec("begin the schema migration", "BEGIN");
    // Two servers opening a new database at once: the second waits here, then finds the schema made.
    c->exec("wait for another server's schema migration", kMigrationLock);
    // Looked up rather than CREATE ... IF NOT EXISTS: a role allowed only to read and write rows
    // may open a database whose schema is current.
    const bool versioned = !c->exec("read the schema version", "SELECT to_regclass('schema_version')").null(0, 0);
    int version = 0;
    if (versioned) {
        const auto stored = c->exec("read the schema version", "SELECT max(version) FROM schema_version");
        version = stored.null(0, 0) ? 0 : static_cast<int>(stored.integer(0, 0));
    }
    if (version > kSchemaVersion)
        throw StoreError(describe() + ": schema version " + std::to_string(version) +
                         " is newer than this server understands (" + std::to_string(kSchemaVersion) +
                         "); upgrade the server");
    if (version < kSchemaVersion) {
        if (!versioned)
            c->exec_script("create the schema_version table", "CREATE TABLE schema_version (version INTEGER NOT NULL)");
        for (; version < kSchemaVersion; ++version)
            c->exec_script("migrate the schema to version " + std::to_string(version + 1), kMigrations[version]);
        c->exec("note the schema version", "DELETE FROM schema_version");
        c->exec("note the schema version", "INSERT INTO schema_version (version) VALUES ($1)", {kSchemaVersion});
    }
    c->commit("commit the schema migration");
}

std::int64_t PostgresStore::revision_on(PgConnection& c) {
    const auto r = c.exec("read the revision", "SELECT value FROM meta WHERE key = 'revision'");
    return r.rows() ? std::stoll(r.text(0, 0)) : 0;
}

std::int64_t PostgresStore::revision() {
    auto c = m_pool->acquire();
    return revision_on(*c);
}

std::vector<StoredRecord> PostgresStore::records_on(PgConnection& c, const char* sql, std::int64_t since) {
    const auto rows = since < 0 ? c.exec("read records", sql) : c.exec("read records", sql, {since});
    std::vector<StoredRecord> records;
    records.reserve(static_cast<std::size_t>(rows.rows()));
    for (int i = 0; i < rows.rows(); ++i) records.push_back(read_record(rows, i, c.description()));
    return records;
}

std::vector<StoredRecord> PostgresStore::load_all() {
    auto c = m_pool->acquire();
    return records_on(*c, "SELECT kind, id, revision, removed, body FROM records ORDER BY kind, id");
}

std::vector<StoredRecord> PostgresStore::load_since(std::int64_t revision) {
    auto c = m_pool->acquire();
    return records_on(
        *c, "SELECT kind, id, revision, removed, body FROM records WHERE revision > $1 ORDER BY revision, kind, id",
        std::max<std::int64_t>(revision, 0));
}

// ---- Writing: one server at a time, on the write connection

std::int64_t PostgresStore::begin_write() {
    if (m_writer.load() == std::this_thread::get_id())
        throw StoreError(describe() + ": begin_write() twice without commit() or end_write()");
    m_write_mutex.lock();
    try {
        if (!m_write) m_write = std::make_unique<PgConnection>(*m_target);
        m_write->ensure();
        m_write->exec("begin a write", "BEGIN");
        // A server that holds the lock this long is stuck: answer 503 rather than wait for ever.
        m_write->exec("begin a write", "SET LOCAL lock_timeout = '30s'");
        const auto r = m_write->exec("lock the revision", "SELECT value FROM meta WHERE key = 'revision' FOR UPDATE");
        m_write_revision = r.rows() ? std::stoll(r.text(0, 0)) : 0;
    } catch (...) {
        if (m_write) m_write->rollback();
        m_write_mutex.unlock();
        throw;
    }
    m_writer = std::this_thread::get_id();
    return m_write_revision;
}

void PostgresStore::finish_write() noexcept {
    m_writer = std::thread::id();
    m_write_mutex.unlock();
}

void PostgresStore::end_write() {
    if (m_writer.load() != std::this_thread::get_id()) return;
    m_write->rollback();
    finish_write();
}

void PostgresStore::commit(std::int64_t revision, const std::vector<StoredRecord>& records,
                           const std::vector<ClientChangeResult>& results,
                           const std::vector<StoredDismissals>& dismissals, const FollowerWrite& follower) {
    if (m_writer.load() != std::this_thread::get_id()) begin_write();
    PgConnection& c = *m_write;
    try {
        if (revision < m_write_revision)
            throw StoreError(describe() + ": refusing to store revision " + std::to_string(revision) + ": revision " +
                             std::to_string(m_write_revision) + " is stored already (another server wrote since)");
        std::vector<std::vector<PgParam>> rows;
        rows.reserve(records.size());
        for (const auto& r : records)
            rows.push_back({to_string(r.kind), r.id, r.revision, r.removed, r.removed ? std::string() : r.json});
        c.exec_each("store records",
                    "INSERT INTO records (kind, id, revision, removed, body) VALUES ($1, $2, $3, $4, $5) "
                    "ON CONFLICT (kind, id) DO UPDATE SET revision = excluded.revision, removed = excluded.removed, "
                    "body = excluded.body",
                    rows);
        rows.clear();
        for (const auto& result : results) rows.push_back({result.key, result.json});
        c.exec_each("remember answered changes",
                    "INSERT INTO client_changes (key, result) VALUES ($1, $2) "
                    "ON CONFLICT (key) DO UPDATE SET result = excluded.result",
                    rows);
        for (const auto& list : dismissals) {
            if (list.json.empty())
                c.exec("delete a dismissal list", "DELETE FROM dismissed_suggestions WHERE municipality = $1",
                       {list.municipality});
            else
                c.exec("store a dismissal list",
                       "INSERT INTO dismissed_suggestions (municipality, json) VALUES ($1, $2) "
                       "ON CONFLICT (municipality) DO UPDATE SET json = excluded.json",
                       {list.municipality, list.json});
        }
        if (!follower.empty()) write_follower(c, follower);
        const std::string value = std::to_string(revision);
        c.exec("store the revision", "UPDATE meta SET value = $1 WHERE key = 'revision'", {value});
        c.exec("tell other servers", "SELECT pg_notify('prd_revision', $1)", {value});  // sent when it commits
        c.commit("commit");
    } catch (...) {
        c.rollback();
        finish_write();
        throw;
    }
    finish_write();
}

void PostgresStore::write_follower(PgConnection& c, const FollowerWrite& follower) {
    std::vector<std::vector<PgParam>> rows;
    for (const auto& item : follower.outbox)
        rows.push_back({item.created_at, item.principal, item.token_id, to_string(item.kind), item.record_id,
                        item.base_revision, item.method, item.path, item.body});
    c.exec_each(
        "queue writes for the upstream",
        "INSERT INTO outbox (created_at, principal, token_id, kind, record_id, base_revision, method, path, body) "
        "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)",
        rows);
    rows.clear();
    for (const auto& [kind, id, revision] : follower.upstream_revisions)
        rows.push_back({to_string(kind), id, revision});
    c.exec_each("store upstream revisions",
                "INSERT INTO upstream_records (kind, id, revision) VALUES ($1, $2, $3) "
                "ON CONFLICT (kind, id) DO UPDATE SET revision = excluded.revision",
                rows);
    if (follower.upstream_revision)
        c.exec("store the upstream revision",
               "INSERT INTO meta (key, value) VALUES ('upstream_revision', $1) "
               "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
               {std::to_string(*follower.upstream_revision)});
}

// ---- Learning of other servers' writes

bool PostgresStore::changed(std::int64_t known) noexcept {
    try {
        return revision() != known;
    } catch (const std::exception&) {  // unreachable now: the caller asks again later
        return false;
    }
}

bool PostgresStore::wait_for_change(std::int64_t known, std::chrono::milliseconds timeout) {
    const auto deadline = std::chrono::steady_clock::now() + timeout;
    std::unique_lock lock(m_listen_mutex, std::defer_lock);
    if (!lock.try_lock_until(deadline)) return changed(known);  // another thread listened all along
    if (!m_listen) m_listen = std::make_unique<PgConnection>(*m_target);
    bool checked = false;
    for (;;) {
        try {
            if (m_listen->ensure()) m_listening = false;  // a new session listens to nothing
            if (!m_listening) {
                m_listen->exec("listen for other servers' commits", "LISTEN prd_revision");
                m_listening = true;
                if (m_listen_lost) {
                    m_listen_lost = false;
                    return true;  // commits made while it was away were not announced to it
                }
            }
            // After LISTEN, so that a commit is either counted here or announced below.
            if (!checked) {
                checked = true;
                if (revision() != known) return true;
            }
            PGconn* conn = m_listen->raw();
            for (;;) {
                bool news = false;
                while (PGnotify* note = PQnotifies(conn)) {
                    // A revision the caller has (its own commit, or one the check above found) is no news.
                    std::int64_t revision = 0;
                    const std::string_view payload = note->extra;
                    const auto [end, ec] = std::from_chars(payload.data(), payload.data() + payload.size(), revision);
                    news = news || ec != std::errc() || revision > known;
                    PQfreemem(note);
                }
                if (news) return true;
                const auto left =
                    std::chrono::duration_cast<std::chrono::milliseconds>(deadline - std::chrono::steady_clock::now())
                        .count();
                if (left <= 0) return false;
                pollfd socket{PQsocket(conn), POLLIN, 0};
                const int ready = ::poll(&socket, 1, static_cast<int>(std::min<long long>(left, INT_MAX)));
                if (ready < 0 && errno != EINTR)
                    throw StoreUnavailable(describe() + ": cannot wait for commits: " + std::strerror(errno));
                if (ready > 0 && PQconsumeInput(conn) != 1) m_listen->fail("wait for commits", nullptr);
            }
        } catch (const StoreError&) {
            m_listening = false;
            if (!m_listen_lost) {
                m_listen_lost = true;
                continue;  // reconnect at once: the server may only have dropped this connection
            }
            std::this_thread::sleep_until(deadline);
            return false;
        }
    }
}

// ---- Rate limits shared by the servers

std::optional<int> PostgresStore::take_rate(const std::string& key, double burst, double per_second) {
    auto c = m_pool->acquire();
    const auto r = c->exec("take from a rate-limit bucket", kTakeRate, {key, burst, per_second});
    int wait = 0;
    if (r.rows() > 0 && !r.boolean(0, 0)) {
        const double missing = 1 - r.real(0, 1);
        wait = per_second > 0 ? std::max(1, static_cast<int>(std::ceil(missing / per_second))) : INT_MAX;
    }
    std::unique_lock lock(m_prune_mutex, std::try_to_lock);
    const auto now = std::chrono::steady_clock::now();
    if (lock && now - m_pruned >= std::chrono::minutes(1)) {
        m_pruned = now;
        // Idle for an hour: full again for any limit that refills within the hour.
        c->exec("prune rate-limit buckets", "DELETE FROM rate_buckets WHERE updated_at < now() - interval '1 hour'");
    }
    return wait;
}

// ---- Small reads and writes

std::optional<std::string> PostgresStore::meta_on(PgConnection& c, const std::string& key) {
    const auto r = c.exec("read meta", "SELECT value FROM meta WHERE key = $1", {key});
    if (r.rows() == 0) return std::nullopt;
    return r.text(0, 0);
}

std::optional<std::string> PostgresStore::meta(const std::string& key) {
    auto c = m_pool->acquire();
    return meta_on(*c, key);
}

void PostgresStore::set_meta(const std::string& key, const std::string& value) {
    auto c = m_pool->acquire();
    c->exec("store meta",
            "INSERT INTO meta (key, value) VALUES ($1, $2) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
            {key, value});
}

std::int64_t PostgresStore::upstream_revision() {
    const auto value = meta("upstream_revision");
    return value ? std::stoll(*value) : 0;
}

std::optional<std::string> PostgresStore::find_client_change(const std::string& key) {
    auto c = m_pool->acquire();
    const auto r = c->exec("read an answered change", "SELECT result FROM client_changes WHERE key = $1", {key});
    if (r.rows() == 0) return std::nullopt;
    return r.text(0, 0);
}

std::optional<std::string> PostgresStore::find_dismissals(const std::string& municipality) {
    auto c = m_pool->acquire();
    const auto r = c->exec("read a dismissal list", "SELECT json FROM dismissed_suggestions WHERE municipality = $1",
                           {municipality});
    if (r.rows() == 0) return std::nullopt;
    return r.text(0, 0);
}

}  // namespace prd::server
