#include "store/sqlite_store.hpp"

#include <sqlite3.h>

#include <string>

#include "model/json_codec.hpp"
#include "store/sqlite_statement.hpp"

namespace prd::server {
namespace {

constexpr int kSchemaVersion = 5;

// Each step takes the schema from version i to i+1; a new version appends a step, never edits one.
const char* const kMigrations[] = {
    "CREATE TABLE records ("
    "  kind TEXT NOT NULL,"
    "  id TEXT NOT NULL,"
    "  revision INTEGER NOT NULL,"
    "  removed INTEGER NOT NULL DEFAULT 0,"
    "  body TEXT NOT NULL,"
    "  PRIMARY KEY (kind, id)) WITHOUT ROWID;"
    "CREATE INDEX records_by_revision ON records (revision);"
    "CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID;"
    "INSERT INTO meta (key, value) VALUES ('revision', '0');",

    "CREATE TABLE tokens ("
    "  id TEXT PRIMARY KEY,"
    "  hash TEXT NOT NULL UNIQUE,"
    "  role TEXT NOT NULL,"
    "  municipality TEXT NOT NULL DEFAULT '',"
    "  label TEXT NOT NULL DEFAULT '',"
    "  created_at TEXT NOT NULL,"
    "  revoked INTEGER NOT NULL DEFAULT 0) WITHOUT ROWID;"
    "CREATE TABLE client_changes (key TEXT PRIMARY KEY, result TEXT NOT NULL) WITHOUT ROWID;",

    // Private, apart from the public records: whom a community hid or declined.
    "CREATE TABLE dismissed_suggestions (municipality TEXT PRIMARY KEY, json TEXT NOT NULL) WITHOUT ROWID;",

    // Onboarding by invitation: one-time codes (hashed, like tokens), and when each token was last used.
    "ALTER TABLE tokens ADD COLUMN last_used_at TEXT NOT NULL DEFAULT '';"
    "CREATE TABLE invitations ("
    "  id TEXT PRIMARY KEY,"
    "  hash TEXT NOT NULL UNIQUE,"
    "  role TEXT NOT NULL,"
    "  municipality TEXT NOT NULL DEFAULT '',"
    "  label TEXT NOT NULL DEFAULT '',"
    "  created_at TEXT NOT NULL,"
    "  expires_at TEXT NOT NULL,"
    "  created_by TEXT NOT NULL DEFAULT '',"
    "  used_at TEXT NOT NULL DEFAULT '',"
    "  token_id TEXT NOT NULL DEFAULT '',"
    "  revoked INTEGER NOT NULL DEFAULT 0) WITHOUT ROWID;",

    // A follower: each record's revision upstream, and the local writes it forwards.
    "CREATE TABLE upstream_records ("
    "  kind TEXT NOT NULL,"
    "  id TEXT NOT NULL,"
    "  revision INTEGER NOT NULL,"
    "  PRIMARY KEY (kind, id)) WITHOUT ROWID;"
    "CREATE TABLE outbox ("
    "  seq INTEGER PRIMARY KEY AUTOINCREMENT,"
    "  created_at TEXT NOT NULL,"
    "  principal TEXT NOT NULL DEFAULT '',"
    "  token_id TEXT NOT NULL DEFAULT '',"
    "  kind TEXT NOT NULL,"
    "  record_id TEXT NOT NULL,"
    "  base_revision INTEGER NOT NULL DEFAULT 0,"
    "  method TEXT NOT NULL,"
    "  path TEXT NOT NULL,"
    "  body TEXT NOT NULL,"
    "  state TEXT NOT NULL DEFAULT 'pending',"
    "  status INTEGER NOT NULL DEFAULT 0,"
    "  result TEXT NOT NULL DEFAULT '',"
    "  attempts INTEGER NOT NULL DEFAULT 0,"
    "  last_attempt_at TEXT NOT NULL DEFAULT '',"
    "  settled_at TEXT NOT NULL DEFAULT '',"
    "  upstream_revision INTEGER NOT NULL DEFAULT 0);"
    "CREATE INDEX outbox_pending ON outbox (state, seq);",
};
static_assert(std::size(kMigrations) == kSchemaVersion);

}  // namespace

SqliteStore::SqliteStore(const std::filesystem::path& data_dir) : m_path(data_dir / "registry.sqlite3") {
    std::error_code ec;
    std::filesystem::create_directories(data_dir, ec);
    if (ec) throw StoreError("cannot create data folder " + data_dir.string() + ": " + ec.message());
    if (sqlite3_open_v2(m_path.c_str(), &m_db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_FULLMUTEX,
                        nullptr) != SQLITE_OK) {
        const std::string message = m_db ? sqlite3_errmsg(m_db) : "out of memory";
        sqlite3_close(m_db);
        m_db = nullptr;
        throw StoreError("cannot open " + m_path.string() + ": " + message);
    }
    sqlite3_busy_timeout(m_db, 5000);
    try {
        exec("PRAGMA journal_mode=WAL");
        exec("PRAGMA synchronous=FULL");
        exec("PRAGMA foreign_keys=ON");
        migrate();
    } catch (...) {
        // A constructor that throws runs no destructor: close the connection here.
        sqlite3_close(m_db);
        m_db = nullptr;
        throw;
    }
}

SqliteStore::~SqliteStore() {
    if (m_db) sqlite3_close(m_db);
}

void SqliteStore::exec(const char* sql) {
    char* error = nullptr;
    if (sqlite3_exec(m_db, sql, nullptr, nullptr, &error) != SQLITE_OK) {
        std::string message = error ? error : "unknown error";
        sqlite3_free(error);
        throw StoreError(m_path.string() + ": " + message);
    }
}

void SqliteStore::migrate() {
    int version = 0;
    {
        SqliteStatement query(m_db, "PRAGMA user_version");
        if (query.step()) version = static_cast<int>(query.integer(0));
    }
    if (version > kSchemaVersion)
        throw StoreError(m_path.string() + ": schema version " + std::to_string(version) +
                         " is newer than this server understands (" + std::to_string(kSchemaVersion) +
                         "); upgrade the server");
    for (; version < kSchemaVersion; ++version) {
        exec("BEGIN IMMEDIATE");
        try {
            exec(kMigrations[version]);
            exec(("PRAGMA user_version=" + std::to_string(version + 1)).c_str());
            exec("COMMIT");
        } catch (...) {
            sqlite3_exec(m_db, "ROLLBACK", nullptr, nullptr, nullptr);
            throw;
        }
    }
}

std::int64_t SqliteStore::revision() {
    std::lock_guard lock(m_mutex);
    SqliteStatement query(m_db, "SELECT value FROM meta WHERE key = 'revision'");
    return query.step() ? std::stoll(query.text(0)) : 0;
}

std::vector<StoredRecord> SqliteStore::load_all() {
    std::lock_guard lock(m_mutex);
    std::vector<StoredRecord> records;
    SqliteStatement query(m_db, "SELECT kind, id, revision, removed, body FROM records ORDER BY kind, id");
    while (query.step()) {
        StoredRecord record;
        const auto kind = record_kind_from_string(query.text(0));
        if (!kind) throw StoreError(m_path.string() + ": unknown record kind \"" + query.text(0) + "\"");
        record.kind = *kind;
        record.id = query.text(1);
        record.revision = query.integer(2);
        record.removed = query.integer(3) != 0;
        record.json = query.text(4);
        records.push_back(std::move(record));
    }
    return records;
}

void SqliteStore::commit(std::int64_t revision, const std::vector<StoredRecord>& records,
                         const std::vector<ClientChangeResult>& results,
                         const std::vector<StoredDismissals>& dismissals, const FollowerWrite& follower) {
    std::lock_guard lock(m_mutex);
    exec("BEGIN IMMEDIATE");
    try {
        SqliteStatement upsert(m_db,
                         "INSERT INTO records (kind, id, revision, removed, body) VALUES (?1, ?2, ?3, ?4, ?5) "
                         "ON CONFLICT (kind, id) DO UPDATE SET revision = excluded.revision, "
                         "removed = excluded.removed, body = excluded.body");
        for (const auto& record : records) {
            upsert.bind(1, to_string(record.kind));
            upsert.bind(2, record.id);
            upsert.bind(3, record.revision);
            upsert.bind(4, std::int64_t{record.removed ? 1 : 0});
            upsert.bind(5, record.removed ? std::string_view("") : std::string_view(record.json));
            upsert.step();
            upsert.reset();
        }
        SqliteStatement remember(m_db, "INSERT OR REPLACE INTO client_changes (key, result) VALUES (?1, ?2)");
        for (const auto& result : results) {
            remember.bind(1, result.key);
            remember.bind(2, result.json);
            remember.step();
            remember.reset();
        }
        SqliteStatement keep(m_db, "INSERT OR REPLACE INTO dismissed_suggestions (municipality, json) VALUES (?1, ?2)");
        SqliteStatement forget(m_db, "DELETE FROM dismissed_suggestions WHERE municipality = ?1");
        for (const auto& list : dismissals) {
            auto& statement = list.json.empty() ? forget : keep;
            statement.bind(1, list.municipality);
            if (!list.json.empty()) statement.bind(2, list.json);
            statement.step();
            statement.reset();
        }
        if (!follower.empty()) write_follower(follower);
        SqliteStatement meta(m_db, "UPDATE meta SET value = ?1 WHERE key = 'revision'");
        meta.bind(1, std::to_string(revision));
        meta.step();
        exec("COMMIT");
    } catch (...) {
        sqlite3_exec(m_db, "ROLLBACK", nullptr, nullptr, nullptr);
        throw;
    }
}

void SqliteStore::backup_to(const std::string& file) {
    std::lock_guard lock(m_mutex);
    // VACUUM INTO reads one consistent snapshot, so writers carry on while it copies.
    SqliteStatement vacuum(m_db, "VACUUM INTO ?1");
    vacuum.bind(1, file);
    vacuum.step();
}

void SqliteStore::check_file(const std::filesystem::path& file) {
    sqlite3* db = nullptr;
    if (sqlite3_open_v2(file.c_str(), &db, SQLITE_OPEN_READONLY, nullptr) != SQLITE_OK) {
        sqlite3_close(db);
        throw StoreError(file.string() + ": cannot open as an SQLite database");
    }
    std::string problem;
    try {
        {
            SqliteStatement integrity(db, "PRAGMA integrity_check");
            if (!integrity.step() || integrity.text(0) != "ok") problem = "fails SQLite's integrity check";
        }
        if (problem.empty()) {
            SqliteStatement version(db, "PRAGMA user_version");
            const auto v = version.step() ? version.integer(0) : 0;
            if (v < 1 || v > kSchemaVersion)
                problem = "is not a registry store this server understands (schema " + std::to_string(v) + ")";
        }
    } catch (const StoreError&) {
        problem = "is not an SQLite database";
    }
    sqlite3_close(db);
    if (!problem.empty()) throw StoreError(file.string() + " " + problem);
}

std::optional<std::string> SqliteStore::find_client_change(const std::string& key) {
    std::lock_guard lock(m_mutex);
    SqliteStatement query(m_db, "SELECT result FROM client_changes WHERE key = ?1");
    query.bind(1, key);
    if (!query.step()) return std::nullopt;
    return query.text(0);
}

std::optional<std::string> SqliteStore::find_dismissals(const std::string& municipality) {
    std::lock_guard lock(m_mutex);
    SqliteStatement query(m_db, "SELECT json FROM dismissed_suggestions WHERE municipality = ?1");
    query.bind(1, municipality);
    if (!query.step()) return std::nullopt;
    return query.text(0);
}

void SqliteStore::add_token(const TokenRecord& token) {
    std::lock_guard lock(m_mutex);
    SqliteStatement insert(m_db,
                     "INSERT INTO tokens (id, hash, role, municipality, label, created_at, revoked) "
                     "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)");
    insert.bind(1, token.id);
    insert.bind(2, token.hash);
    insert.bind(3, token.role);
    insert.bind(4, token.municipality);
    insert.bind(5, token.label);
    insert.bind(6, token.created_at);
    insert.bind(7, std::int64_t{token.revoked ? 1 : 0});
    insert.step();
}

namespace {

TokenRecord read_token(const SqliteStatement& row) {
    TokenRecord token;
    token.id = row.text(0);
    token.hash = row.text(1);
    token.role = row.text(2);
    token.municipality = row.text(3);
    token.label = row.text(4);
    token.created_at = row.text(5);
    token.revoked = row.integer(6) != 0;
    token.last_used_at = row.text(7);
    return token;
}

constexpr const char* kTokenColumns = "SELECT id, hash, role, municipality, label, created_at, revoked, last_used_at FROM tokens ";
constexpr const char* kInvitationColumns =
    "SELECT id, hash, role, municipality, label, created_at, expires_at, created_by, used_at, token_id, revoked "
    "FROM invitations ";

InvitationRecord read_invitation(const SqliteStatement& row) {
    InvitationRecord invitation;
    invitation.id = row.text(0);
    invitation.hash = row.text(1);
    invitation.role = row.text(2);
    invitation.municipality = row.text(3);
    invitation.label = row.text(4);
    invitation.created_at = row.text(5);
    invitation.expires_at = row.text(6);
    invitation.created_by = row.text(7);
    invitation.used_at = row.text(8);
    invitation.token_id = row.text(9);
    invitation.revoked = row.integer(10) != 0;
    return invitation;
}

}  // namespace

std::optional<TokenRecord> SqliteStore::find_token_by_hash(const std::string& hash) {
    std::lock_guard lock(m_mutex);
    SqliteStatement query(m_db, (std::string(kTokenColumns) + "WHERE hash = ?1").c_str());
    query.bind(1, hash);
    if (!query.step()) return std::nullopt;
    return read_token(query);
}

bool SqliteStore::revoke_token(const std::string& id) {
    std::lock_guard lock(m_mutex);
    SqliteStatement update(m_db, "UPDATE tokens SET revoked = 1 WHERE id = ?1");
    update.bind(1, id);
    update.step();
    return sqlite3_changes(m_db) > 0;
}

std::vector<TokenRecord> SqliteStore::list_tokens() {
    std::lock_guard lock(m_mutex);
    std::vector<TokenRecord> tokens;
    SqliteStatement query(m_db, (std::string(kTokenColumns) + "ORDER BY created_at, id").c_str());
    while (query.step()) tokens.push_back(read_token(query));
    return tokens;
}

std::optional<TokenRecord> SqliteStore::find_token(const std::string& id) {
    std::lock_guard lock(m_mutex);
    SqliteStatement query(m_db, (std::string(kTokenColumns) + "WHERE id = ?1").c_str());
    query.bind(1, id);
    if (!query.step()) return std::nullopt;
    return read_token(query);
}

void SqliteStore::note_token_use(const std::string& id, const std::string& at) {
    // To the minute: a busy token costs one write a minute, not one per request.
    const std::string minute = at.substr(0, 16);
    std::lock_guard lock(m_mutex);
    SqliteStatement update(m_db, "UPDATE tokens SET last_used_at = ?2 WHERE id = ?1 AND substr(last_used_at, 1, 16) <> ?3");
    update.bind(1, id);
    update.bind(2, at);
    update.bind(3, minute);
    update.step();
}

void SqliteStore::add_invitation(const InvitationRecord& invitation) {
    std::lock_guard lock(m_mutex);
    SqliteStatement insert(m_db,
                     "INSERT INTO invitations (id, hash, role, municipality, label, created_at, expires_at, created_by, "
                     "used_at, token_id, revoked) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)");
    insert.bind(1, invitation.id);
    insert.bind(2, invitation.hash);
    insert.bind(3, invitation.role);
    insert.bind(4, invitation.municipality);
    insert.bind(5, invitation.label);
    insert.bind(6, invitation.created_at);
    insert.bind(7, invitation.expires_at);
    insert.bind(8, invitation.created_by);
    insert.bind(9, invitation.used_at);
    insert.bind(10, invitation.token_id);
    insert.bind(11, std::int64_t{invitation.revoked ? 1 : 0});
    insert.step();
}

std::vector<InvitationRecord> SqliteStore::list_invitations() {
    std::lock_guard lock(m_mutex);
    std::vector<InvitationRecord> list;
    SqliteStatement query(m_db, (std::string(kInvitationColumns) + "ORDER BY created_at, id").c_str());
    while (query.step()) list.push_back(read_invitation(query));
    return list;
}

std::optional<InvitationRecord> SqliteStore::find_invitation(const std::string& id) {
    std::lock_guard lock(m_mutex);
    SqliteStatement query(m_db, (std::string(kInvitationColumns) + "WHERE id = ?1").c_str());
    query.bind(1, id);
    if (!query.step()) return std::nullopt;
    return read_invitation(query);
}

bool SqliteStore::revoke_invitation(const std::string& id) {
    std::lock_guard lock(m_mutex);
    SqliteStatement update(m_db, "UPDATE invitations SET revoked = 1 WHERE id = ?1 AND used_at = ''");
    update.bind(1, id);
    update.step();
    return sqlite3_changes(m_db) > 0;
}

RedeemStatus SqliteStore::redeem_invitation(const std::string& hash, const std::string& now, TokenRecord& token) {
    std::lock_guard lock(m_mutex);
    exec("BEGIN IMMEDIATE");
    try {
        RedeemStatus status = RedeemStatus::redeemed;
        {
            SqliteStatement query(m_db, (std::string(kInvitationColumns) + "WHERE hash = ?1").c_str());
            query.bind(1, hash);
            if (!query.step()) {
                status = RedeemStatus::unknown;
            } else {
                const auto invitation = read_invitation(query);
                if (invitation.revoked) status = RedeemStatus::revoked;
                else if (!invitation.used_at.empty()) status = RedeemStatus::used;
                else if (invitation.expires_at <= now) status = RedeemStatus::expired;
                token.role = invitation.role;
                token.municipality = invitation.municipality;
                if (token.label.empty()) token.label = invitation.label;
            }
        }
        if (status == RedeemStatus::redeemed) {
            SqliteStatement burn(m_db, "UPDATE invitations SET used_at = ?2, token_id = ?3 WHERE hash = ?1 AND used_at = ''");
            burn.bind(1, hash);
            burn.bind(2, now);
            burn.bind(3, token.id);
            burn.step();
            SqliteStatement insert(m_db,
                             "INSERT INTO tokens (id, hash, role, municipality, label, created_at, revoked) "
                             "VALUES (?1, ?2, ?3, ?4, ?5, ?6, 0)");
            insert.bind(1, token.id);
            insert.bind(2, token.hash);
            insert.bind(3, token.role);
            insert.bind(4, token.municipality);
            insert.bind(5, token.label);
            insert.bind(6, token.created_at);
            insert.step();
        }
        exec(status == RedeemStatus::redeemed ? "COMMIT" : "ROLLBACK");
        return status;
    } catch (...) {
        sqlite3_exec(m_db, "ROLLBACK", nullptr, nullptr, nullptr);
        throw;
    }
}

// ---- A follower's bookkeeping

void SqliteStore::write_follower(const FollowerWrite& follower) {
    SqliteStatement queue(m_db,
                    "INSERT INTO outbox (created_at, principal, token_id, kind, record_id, base_revision, method, path, body) "
                    "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)");
    for (const auto& item : follower.outbox) {
        queue.bind(1, item.created_at);
        queue.bind(2, item.principal);
        queue.bind(3, item.token_id);
        queue.bind(4, to_string(item.kind));
        queue.bind(5, item.record_id);
        queue.bind(6, item.base_revision);
        queue.bind(7, item.method);
        queue.bind(8, item.path);
        queue.bind(9, item.body);
        queue.step();
        queue.reset();
    }
    SqliteStatement known(m_db,
                    "INSERT INTO upstream_records (kind, id, revision) VALUES (?1, ?2, ?3) "
                    "ON CONFLICT (kind, id) DO UPDATE SET revision = excluded.revision");
    for (const auto& [kind, id, revision] : follower.upstream_revisions) {
        known.bind(1, to_string(kind));
        known.bind(2, id);
        known.bind(3, revision);
        known.step();
        known.reset();
    }
    if (follower.upstream_revision) {
        SqliteStatement meta(m_db, "INSERT OR REPLACE INTO meta (key, value) VALUES ('upstream_revision', ?1)");
        meta.bind(1, std::to_string(*follower.upstream_revision));
        meta.step();
    }
}

std::vector<OutboxItem> SqliteStore::outbox_items(bool pending_only) {
    std::lock_guard lock(m_mutex);
    std::vector<OutboxItem> items;
    SqliteStatement query(m_db, pending_only
                              ? "SELECT seq, created_at, principal, token_id, kind, record_id, base_revision, method, path, body, "
                                "state, status, result, attempts, last_attempt_at, settled_at, upstream_revision FROM outbox "
                                "WHERE state = 'pending' ORDER BY seq"
                              : "SELECT seq, created_at, principal, token_id, kind, record_id, base_revision, method, path, body, "
                                "state, status, result, attempts, last_attempt_at, settled_at, upstream_revision FROM outbox "
                                "ORDER BY seq");
    while (query.step()) {
        OutboxItem item;
        item.seq = query.integer(0);
        item.created_at = query.text(1);
        item.principal = query.text(2);
        item.token_id = query.text(3);
        item.kind = record_kind_from_string(query.text(4)).value_or(RecordKind::municipality);
        item.record_id = query.text(5);
        item.base_revision = query.integer(6);
        item.method = query.text(7);
        item.path = query.text(8);
        item.body = query.text(9);
        item.state = query.text(10);
        item.status = static_cast<int>(query.integer(11));
        item.result = query.text(12);
        item.attempts = static_cast<int>(query.integer(13));
        item.last_attempt_at = query.text(14);
        item.settled_at = query.text(15);
        item.upstream_revision = query.integer(16);
        items.push_back(std::move(item));
    }
    return items;
}

void SqliteStore::note_outbox_attempt(std::int64_t seq, const std::string& at) {
    std::lock_guard lock(m_mutex);
    SqliteStatement update(m_db, "UPDATE outbox SET attempts = attempts + 1, last_attempt_at = ?2 WHERE seq = ?1");
    update.bind(1, seq);
    update.bind(2, at);
    update.step();
}

void SqliteStore::settle_outbox(const OutboxItem& item) {
    std::lock_guard lock(m_mutex);
    exec("BEGIN IMMEDIATE");
    try {
        SqliteStatement update(m_db,
                         "UPDATE outbox SET state = ?2, status = ?3, result = ?4, attempts = ?5, last_attempt_at = ?6, "
                         "settled_at = ?7, upstream_revision = ?8 WHERE seq = ?1");
        update.bind(1, item.seq);
        update.bind(2, item.state);
        update.bind(3, std::int64_t{item.status});
        update.bind(4, item.result);
        update.bind(5, std::int64_t{item.attempts});
        update.bind(6, item.last_attempt_at);
        update.bind(7, item.settled_at);
        update.bind(8, item.upstream_revision);
        update.step();
        if (item.state == "applied" && item.upstream_revision > 0 && item.path == "/api/v1/changes") {
            // Later edits of the record were made on top of this one: they are based on it now.
            SqliteStatement rebase(m_db,
                             "UPDATE outbox SET base_revision = ?4 WHERE state = 'pending' AND seq > ?1 AND kind = ?2 "
                             "AND record_id = ?3 AND base_revision = ?5 AND path = '/api/v1/changes'");
            rebase.bind(1, item.seq);
            rebase.bind(2, to_string(item.kind));
            rebase.bind(3, item.record_id);
            rebase.bind(4, item.upstream_revision);
            rebase.bind(5, item.base_revision);
            rebase.step();
            SqliteStatement known(m_db,
                            "INSERT INTO upstream_records (kind, id, revision) VALUES (?1, ?2, ?3) "
                            "ON CONFLICT (kind, id) DO UPDATE SET revision = excluded.revision");
            known.bind(1, to_string(item.kind));
            known.bind(2, item.record_id);
            known.bind(3, item.upstream_revision);
            known.step();
        }
        exec("COMMIT");
    } catch (...) {
        sqlite3_exec(m_db, "ROLLBACK", nullptr, nullptr, nullptr);
        throw;
    }
}

std::vector<std::tuple<RecordKind, std::string, std::int64_t>> SqliteStore::upstream_revisions() {
    std::lock_guard lock(m_mutex);
    std::vector<std::tuple<RecordKind, std::string, std::int64_t>> list;
    SqliteStatement query(m_db, "SELECT kind, id, revision FROM upstream_records");
    while (query.step()) {
        const auto kind = record_kind_from_string(query.text(0));
        if (kind) list.emplace_back(*kind, query.text(1), query.integer(2));
    }
    return list;
}

std::int64_t SqliteStore::upstream_revision() {
    const auto value = meta("upstream_revision");
    return value ? std::stoll(*value) : 0;
}

std::optional<std::string> SqliteStore::meta(const std::string& key) {
    std::lock_guard lock(m_mutex);
    SqliteStatement query(m_db, "SELECT value FROM meta WHERE key = ?1");
    query.bind(1, key);
    if (!query.step()) return std::nullopt;
    return query.text(0);
}

void SqliteStore::set_meta(const std::string& key, const std::string& value) {
    std::lock_guard lock(m_mutex);
    SqliteStatement upsert(m_db, "INSERT OR REPLACE INTO meta (key, value) VALUES (?1, ?2)");
    upsert.bind(1, key);
    upsert.bind(2, value);
    upsert.step();
}

}  // namespace prd::server
