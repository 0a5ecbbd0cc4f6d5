// The PostgreSQL store's whole-store reads (read_public for snapshots, contents) and copy (fill),
// and its backup, which is an SQLite store file: `partnership backup` gives the same kind of file
// whichever store the server uses.

#include <sqlite3.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <random>

#include "model/json_codec.hpp"
#include "store/postgres_connection.hpp"
#include "store/postgres_store.hpp"
#include "store/sqlite_store.hpp"

namespace prd::server {

std::int64_t PostgresStore::read_public(const std::function<void(RecordKind, std::string_view)>& sink) {
    auto c = m_pool->acquire();
    // A snapshot of its own: writers go on meanwhile, and every row read is of this revision.
    c->exec("read the public records", "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
    const auto revision = revision_on(*c);
    // The kinds' names sort as the snapshot wants them: announcements, municipalities, partnerships.
    c->exec("read the public records",
            "DECLARE public_records NO SCROLL CURSOR FOR SELECT kind, body FROM records "
            "WHERE kind IN ('announcement', 'municipality', 'partnership') AND NOT removed ORDER BY kind, id");
    for (;;) {
        const auto rows = c->exec("read the public records", "FETCH 500 FROM public_records");
        for (int i = 0; i < rows.rows(); ++i) {
            const auto kind = record_kind_from_string(rows.view(i, 0));
            if (!kind) throw StoreError(describe() + ": unknown record kind \"" + rows.text(i, 0) + "\"");
            sink(*kind, rows.view(i, 1));
        }
        if (rows.rows() == 0) break;
    }
    c->commit("read the public records");
    return revision;
}

StoreContents PostgresStore::contents() {
    auto c = m_pool->acquire();
    // One snapshot for every table, taking no locks: writers carry on meanwhile.
    c->exec("read the whole store", "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
    StoreContents all;
    all.revision = revision_on(*c);
    all.records = records_on(*c, "SELECT kind, id, revision, removed, body FROM records ORDER BY kind, id");
    {
        const auto rows = c->exec("read answered changes", "SELECT key, result FROM client_changes ORDER BY key");
        for (int i = 0; i < rows.rows(); ++i) all.client_changes.push_back({rows.text(i, 0), rows.text(i, 1)});
    }
    {
        const auto rows = c->exec("read dismissal lists",
                                  "SELECT municipality, json FROM dismissed_suggestions ORDER BY municipality");
        for (int i = 0; i < rows.rows(); ++i) all.dismissals.push_back({rows.text(i, 0), rows.text(i, 1)});
    }
    all.tokens = tokens_on(*c);
    all.invitations = invitations_on(*c);
    all.outbox = outbox_on(*c, false);
    all.upstream_revisions = upstream_on(*c);
    std::sort(all.upstream_revisions.begin(), all.upstream_revisions.end());
    const auto upstream = meta_on(*c, "upstream_revision");
    all.upstream_revision = upstream ? std::stoll(*upstream) : 0;
    {
        const auto rows = c->exec(
            "read meta", "SELECT key, value FROM meta WHERE key NOT IN ('revision', 'upstream_revision') ORDER BY key");
        for (int i = 0; i < rows.rows(); ++i) all.meta.emplace_back(rows.text(i, 0), rows.text(i, 1));
    }
    c->commit("read the whole store");
    return all;
}

void PostgresStore::fill(const StoreContents& contents) {
    auto c = m_pool->acquire();
    c->exec("fill the store", "BEGIN");
    // Taken like a write's, so no server writes to the store while it is being filled.
    c->exec("fill the store", "SELECT value FROM meta WHERE key = 'revision' FOR UPDATE");
    const auto used = c->exec("fill the store",
                              "SELECT (SELECT count(*) FROM records) + (SELECT count(*) FROM tokens) + "
                              "(SELECT count(*) FROM invitations) + (SELECT count(*) FROM outbox) + "
                              "(SELECT CAST(value AS BIGINT) FROM meta WHERE key = 'revision')");
    if (used.integer(0, 0) != 0)
        throw StoreError(describe() + " already holds a registry; copy only into an empty store");

    std::vector<std::vector<PgParam>> rows;
    for (const auto& r : contents.records)
        rows.push_back({to_string(r.kind), r.id, r.revision, r.removed, r.removed ? std::string() : r.json});
    c->exec_each("copy records", "INSERT INTO records (kind, id, revision, removed, body) VALUES ($1, $2, $3, $4, $5)",
                 rows);
    rows.clear();
    for (const auto& change : contents.client_changes) rows.push_back({change.key, change.json});
    c->exec_each("copy answered changes", "INSERT INTO client_changes (key, result) VALUES ($1, $2)", rows);
    rows.clear();
    for (const auto& list : contents.dismissals) rows.push_back({list.municipality, list.json});
    c->exec_each("copy dismissal lists", "INSERT INTO dismissed_suggestions (municipality, json) VALUES ($1, $2)",
                 rows);
    rows.clear();
    for (const auto& t : contents.tokens)
        rows.push_back({t.id, t.hash, t.role, t.municipality, t.label, t.created_at, t.revoked, t.last_used_at});
    c->exec_each("copy tokens",
                 "INSERT INTO tokens (id, hash, role, municipality, label, created_at, revoked, last_used_at) "
                 "VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
                 rows);
    rows.clear();
    for (const auto& i : contents.invitations)
        rows.push_back({i.id, i.hash, i.role, i.municipality, i.label, i.created_at, i.expires_at, i.created_by,
                        i.used_at, i.token_id, i.revoked});
    c->exec_each("copy invitations",
                 "INSERT INTO invitations (id, hash, role, municipality, label, created_at, expires_at, created_by, "
                 "used_at, token_id, revoked) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)",
                 rows);
    rows.clear();
    for (const auto& o : contents.outbox)
        rows.push_back({o.seq, o.created_at, o.principal, o.token_id, to_string(o.kind), o.record_id, o.base_revision,
                        o.method, o.path, o.body, o.state, o.status, o.result, o.attempts, o.last_attempt_at,
                        o.settled_at, o.upstream_revision});
    c->exec_each("copy the outbox",
                 "INSERT INTO outbox (seq, created_at, principal, token_id, kind, record_id, base_revision, method, "
                 "path, body, state, status, result, attempts, last_attempt_at, settled_at, upstream_revision) "
                 "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17)",
                 rows);
    // The sequence knows nothing of the seqs given: the next item comes after the last one copied.
    c->exec("copy the outbox",
            "SELECT setval(pg_get_serial_sequence('outbox', 'seq'), COALESCE((SELECT max(seq) FROM outbox), 0) + 1, "
            "false)");
    rows.clear();
    for (const auto& [kind, id, revision] : contents.upstream_revisions)
        rows.push_back({to_string(kind), id, revision});
    c->exec_each("copy upstream revisions", "INSERT INTO upstream_records (kind, id, revision) VALUES ($1, $2, $3)",
                 rows);
    rows.clear();
    for (const auto& [key, value] : contents.meta)
        if (key != "revision" && key != "upstream_revision") rows.push_back({key, value});
    if (contents.upstream_revision != 0)
        rows.push_back({"upstream_revision", std::to_string(contents.upstream_revision)});
    rows.push_back({"revision", std::to_string(contents.revision)});
    c->exec_each("copy meta",
                 "INSERT INTO meta (key, value) VALUES ($1, $2) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                 rows);
    c->exec("tell other servers", "SELECT pg_notify('prd_revision', $1)", {std::to_string(contents.revision)});
    c->commit("fill the store");
}

void PostgresStore::backup_to(const std::string& file) {
    namespace fs = std::filesystem;
    const fs::path target(file);
    if (fs::exists(target)) throw StoreError(file + " exists; a backup never overwrites");
    const auto all = contents();
    // Built beside the target, so that it arrives there with a link, whole or not at all.
    std::random_device random;
    const fs::path parent = target.has_parent_path() ? target.parent_path() : fs::path(".");
    if (!fs::is_directory(parent)) throw StoreError("cannot write " + file + ": there is no folder " + parent.string());
    const fs::path folder = parent / (".prd-backup-" + std::to_string(random()) + std::to_string(random()));
    struct Cleanup {
        fs::path path;
        ~Cleanup() {
            std::error_code ec;
            fs::remove_all(path, ec);
        }
    } cleanup{folder};
    fs::path built;
    {
        SqliteStore copy(folder);
        copy.fill(all);
        built = copy.path();
    }
    // One self-contained file, as SQLite's VACUUM INTO writes one: no -wal beside it to lose.
    sqlite3* db = nullptr;
    char* error = nullptr;
    const bool ok = sqlite3_open(built.c_str(), &db) == SQLITE_OK &&
                    sqlite3_exec(db, "PRAGMA journal_mode=DELETE", nullptr, nullptr, &error) == SQLITE_OK;
    const std::string message = error ? error : (db ? sqlite3_errmsg(db) : "out of memory");
    sqlite3_free(error);
    sqlite3_close(db);
    if (!ok) throw StoreError(built.string() + ": " + message);
    if (::link(built.c_str(), target.c_str()) != 0) {
        if (errno == EEXIST) throw StoreError(file + " exists; a backup never overwrites");
        std::error_code ec;  // a file system without hard links: copy, still refusing to overwrite
        fs::copy_file(built, target, ec);
        if (ec) throw StoreError("cannot write " + file + ": " + ec.message());
    }
}

}  // namespace prd::server
