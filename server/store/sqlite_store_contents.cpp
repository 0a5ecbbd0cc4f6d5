// The SQLite store's catching-up read (load_since) and its whole-store copy (contents, fill), used
// by `partnership migrate` and by tests that compare two stores.

#include <sqlite3.h>

#include <algorithm>

#include "model/json_codec.hpp"
#include "store/sqlite_statement.hpp"
#include "store/sqlite_store.hpp"

namespace prd::server {
namespace {

StoredRecord read_record(const SqliteStatement& row, const std::string& where) {
    StoredRecord record;
    const auto kind = record_kind_from_string(row.text(0));
    if (!kind) throw StoreError(where + ": unknown record kind \"" + row.text(0) + "\"");
    record.kind = *kind;
    record.id = row.text(1);
    record.revision = row.integer(2);
    record.removed = row.integer(3) != 0;
    record.json = row.text(4);
    return record;
}

}  // namespace

std::vector<StoredRecord> SqliteStore::load_since(std::int64_t revision) {
    std::lock_guard lock(m_mutex);
    std::vector<StoredRecord> records;
    SqliteStatement query(m_db,
                          "SELECT kind, id, revision, removed, body FROM records WHERE revision > ?1 ORDER BY revision, kind, id");
    query.bind(1, revision);
    while (query.step()) records.push_back(read_record(query, m_path.string()));
    return records;
}

std::int64_t SqliteStore::read_public(const std::function<void(RecordKind, std::string_view)>& sink) {
    // A connection of its own, so the long read holds no lock of the store's: in WAL mode the
    // writer goes on, and this transaction keeps seeing the revision it began at.
    sqlite3* db = nullptr;
    if (sqlite3_open_v2(m_path.c_str(), &db, SQLITE_OPEN_READONLY | SQLITE_OPEN_NOMUTEX, nullptr) != SQLITE_OK) {
        const std::string message = db ? sqlite3_errmsg(db) : "out of memory";
        sqlite3_close(db);
        throw StoreError("cannot open " + m_path.string() + " to read: " + message);
    }
    struct Closer {
        sqlite3* db;
        ~Closer() {
            sqlite3_exec(db, "ROLLBACK", nullptr, nullptr, nullptr);
            sqlite3_close(db);
        }
    } closer{db};
    sqlite3_busy_timeout(db, 5000);
    if (sqlite3_exec(db, "BEGIN", nullptr, nullptr, nullptr) != SQLITE_OK)
        throw StoreError(m_path.string() + ": " + sqlite3_errmsg(db));
    std::int64_t revision = 0;
    {
        SqliteStatement query(db, "SELECT value FROM meta WHERE key = 'revision'");
        if (query.step()) revision = std::stoll(query.text(0));  // the read transaction starts here
    }
    SqliteStatement query(db, "SELECT body FROM records WHERE kind = ?1 AND removed = 0 ORDER BY id");
    for (const auto kind : {RecordKind::announcement, RecordKind::municipality, RecordKind::partnership}) {
        query.bind(1, to_string(kind));
        while (query.step()) {
            const auto* text = reinterpret_cast<const char*>(sqlite3_column_text(query.get(), 0));
            sink(kind,
                 std::string_view(text ? text : "", static_cast<std::size_t>(sqlite3_column_bytes(query.get(), 0))));
        }
        query.reset();
    }
    return revision;
}

StoreContents SqliteStore::contents() {
    std::lock_guard lock(m_mutex);  // recursive: the reads below take it again
    exec("BEGIN");                  // one read transaction: every table at the same moment
    try {
        StoreContents all;
        all.revision = revision();
        all.records = load_all();
        {
            SqliteStatement query(m_db, "SELECT key, result FROM client_changes ORDER BY key");
            while (query.step()) all.client_changes.push_back({query.text(0), query.text(1)});
        }
        {
            SqliteStatement query(m_db, "SELECT municipality, json FROM dismissed_suggestions ORDER BY municipality");
            while (query.step()) all.dismissals.push_back({query.text(0), query.text(1)});
        }
        all.tokens = list_tokens();
        all.invitations = list_invitations();
        all.outbox = outbox_items(false);
        all.upstream_revisions = upstream_revisions();
        std::sort(all.upstream_revisions.begin(), all.upstream_revisions.end());
        all.upstream_revision = upstream_revision();
        {
            SqliteStatement query(m_db,
                                  "SELECT key, value FROM meta WHERE key NOT IN ('revision', 'upstream_revision') ORDER BY key");
            while (query.step()) all.meta.emplace_back(query.text(0), query.text(1));
        }
        exec("COMMIT");
        return all;
    } catch (...) {
        sqlite3_exec(m_db, "ROLLBACK", nullptr, nullptr, nullptr);
        throw;
    }
}

void SqliteStore::fill(const StoreContents& contents) {
    std::lock_guard lock(m_mutex);
    exec("BEGIN IMMEDIATE");
    try {
        {
            SqliteStatement used(m_db,
                                 "SELECT (SELECT count(*) FROM records) + (SELECT count(*) FROM tokens) + "
                                 "(SELECT count(*) FROM invitations) + (SELECT count(*) FROM outbox) + "
                                 "(SELECT CAST(value AS INTEGER) FROM meta WHERE key = 'revision')");
            if (used.step() && used.integer(0) != 0)
                throw StoreError(describe() + " already holds a registry; copy only into an empty store");
        }
        SqliteStatement record(m_db, "INSERT INTO records (kind, id, revision, removed, body) VALUES (?1, ?2, ?3, ?4, ?5)");
        for (const auto& r : contents.records) {
            record.bind(1, to_string(r.kind));
            record.bind(2, r.id);
            record.bind(3, r.revision);
            record.bind(4, std::int64_t{r.removed ? 1 : 0});
            record.bind(5, r.removed ? std::string_view("") : std::string_view(r.json));
            record.step();
            record.reset();
        }
        SqliteStatement change(m_db, "INSERT INTO client_changes (key, result) VALUES (?1, ?2)");
        for (const auto& c : contents.client_changes) {
            change.bind(1, c.key);
            change.bind(2, c.json);
            change.step();
            change.reset();
        }
        SqliteStatement dismissal(m_db, "INSERT INTO dismissed_suggestions (municipality, json) VALUES (?1, ?2)");
        for (const auto& d : contents.dismissals) {
            dismissal.bind(1, d.municipality);
            dismissal.bind(2, d.json);
            dismissal.step();
            dismissal.reset();
        }
        SqliteStatement token(m_db,
                              "INSERT INTO tokens (id, hash, role, municipality, label, created_at, revoked, last_used_at) "
                              "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)");
        for (const auto& t : contents.tokens) {
            token.bind(1, t.id);
            token.bind(2, t.hash);
            token.bind(3, t.role);
            token.bind(4, t.municipality);
            token.bind(5, t.label);
            token.bind(6, t.created_at);
            token.bind(7, std::int64_t{t.revoked ? 1 : 0});
            token.bind(8, t.last_used_at);
            token.step();
            token.reset();
        }
        SqliteStatement invitation(m_db,
                                   "INSERT INTO invitations (id, hash, role, municipality, label, created_at, expires_at, "
                                   "created_by, used_at, token_id, revoked) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)");
        for (const auto& i : contents.invitations) {
            invitation.bind(1, i.id);
            invitation.bind(2, i.hash);
            invitation.bind(3, i.role);
            invitation.bind(4, i.municipality);
            invitation.bind(5, i.label);
            invitation.bind(6, i.created_at);
            invitation.bind(7, i.expires_at);
            invitation.bind(8, i.created_by);
            invitation.bind(9, i.used_at);
            invitation.bind(10, i.token_id);
            invitation.bind(11, std::int64_t{i.revoked ? 1 : 0});
            invitation.step();
            invitation.reset();
        }
        SqliteStatement outbox(m_db,
                               "INSERT INTO outbox (seq, created_at, principal, token_id, kind, record_id, base_revision, method, "
                               "path, body, state, status, result, attempts, last_attempt_at, settled_at, upstream_revision) "
                               "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17)");
        for (const auto& o : contents.outbox) {
            outbox.bind(1, o.seq);
            outbox.bind(2, o.created_at);
            outbox.bind(3, o.principal);
            outbox.bind(4, o.token_id);
            outbox.bind(5, to_string(o.kind));
            outbox.bind(6, o.record_id);
            outbox.bind(7, o.base_revision);
            outbox.bind(8, o.method);
            outbox.bind(9, o.path);
            outbox.bind(10, o.body);
            outbox.bind(11, o.state);
            outbox.bind(12, std::int64_t{o.status});
            outbox.bind(13, o.result);
            outbox.bind(14, std::int64_t{o.attempts});
            outbox.bind(15, o.last_attempt_at);
            outbox.bind(16, o.settled_at);
            outbox.bind(17, o.upstream_revision);
            outbox.step();
            outbox.reset();
        }
        SqliteStatement upstream(m_db, "INSERT INTO upstream_records (kind, id, revision) VALUES (?1, ?2, ?3)");
        for (const auto& [kind, id, revision] : contents.upstream_revisions) {
            upstream.bind(1, to_string(kind));
            upstream.bind(2, id);
            upstream.bind(3, revision);
            upstream.step();
            upstream.reset();
        }
        SqliteStatement meta(m_db, "INSERT OR REPLACE INTO meta (key, value) VALUES (?1, ?2)");
        auto set = [&](const std::string& key, const std::string& value) {
            meta.bind(1, key);
            meta.bind(2, value);
            meta.step();
            meta.reset();
        };
        for (const auto& [key, value] : contents.meta)
            if (key != "revision" && key != "upstream_revision") set(key, value);
        if (contents.upstream_revision != 0) set("upstream_revision", std::to_string(contents.upstream_revision));
        set("revision", std::to_string(contents.revision));
        exec("COMMIT");
    } catch (...) {
        sqlite3_exec(m_db, "ROLLBACK", nullptr, nullptr, nullptr);
        throw;
    }
}

}  // namespace prd::server
