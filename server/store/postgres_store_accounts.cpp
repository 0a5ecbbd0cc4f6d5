// The PostgreSQL store's tokens, invitations and a follower's outbox: the same rows and rules as
// the SQLite store's (sqlite_store.cpp), each change in one statement or one transaction.

#include "model/json_codec.hpp"
#include "store/postgres_connection.hpp"
#include "store/postgres_store.hpp"

namespace prd::server {
namespace {

constexpr const char* kTokenColumns =
    "SELECT id, hash, role, municipality, label, created_at, revoked, last_used_at FROM tokens ";
constexpr const char* kInvitationColumns =
    "SELECT id, hash, role, municipality, label, created_at, expires_at, created_by, used_at, token_id, revoked "
    "FROM invitations ";
constexpr const char* kOutboxColumns =
    "SELECT seq, created_at, principal, token_id, kind, record_id, base_revision, method, path, body, state, status, "
    "result, attempts, last_attempt_at, settled_at, upstream_revision FROM outbox ";

TokenRecord read_token(const PgResult& rows, int row) {
    TokenRecord token;
    token.id = rows.text(row, 0);
    token.hash = rows.text(row, 1);
    token.role = rows.text(row, 2);
    token.municipality = rows.text(row, 3);
    token.label = rows.text(row, 4);
    token.created_at = rows.text(row, 5);
    token.revoked = rows.boolean(row, 6);
    token.last_used_at = rows.text(row, 7);
    return token;
}

InvitationRecord read_invitation(const PgResult& rows, int row) {
    InvitationRecord invitation;
    invitation.id = rows.text(row, 0);
    invitation.hash = rows.text(row, 1);
    invitation.role = rows.text(row, 2);
    invitation.municipality = rows.text(row, 3);
    invitation.label = rows.text(row, 4);
    invitation.created_at = rows.text(row, 5);
    invitation.expires_at = rows.text(row, 6);
    invitation.created_by = rows.text(row, 7);
    invitation.used_at = rows.text(row, 8);
    invitation.token_id = rows.text(row, 9);
    invitation.revoked = rows.boolean(row, 10);
    return invitation;
}

std::string with(const char* columns, const char* rest) { return std::string(columns) + rest; }

}  // namespace

// ---- Tokens

void PostgresStore::add_token(const TokenRecord& token) {
    auto c = m_pool->acquire();
    c->exec("store a token",
            "INSERT INTO tokens (id, hash, role, municipality, label, created_at, revoked) "
            "VALUES ($1, $2, $3, $4, $5, $6, $7)",
            {token.id, token.hash, token.role, token.municipality, token.label, token.created_at, token.revoked});
}

std::vector<TokenRecord> PostgresStore::tokens_on(PgConnection& c) {
    const auto rows = c.exec("list tokens", with(kTokenColumns, "ORDER BY created_at, id").c_str());
    std::vector<TokenRecord> tokens;
    for (int i = 0; i < rows.rows(); ++i) tokens.push_back(read_token(rows, i));
    return tokens;
}

std::vector<TokenRecord> PostgresStore::list_tokens() {
    auto c = m_pool->acquire();
    return tokens_on(*c);
}

std::optional<TokenRecord> PostgresStore::find_token_by_hash(const std::string& hash) {
    auto c = m_pool->acquire();
    const auto rows = c->exec("find a token", with(kTokenColumns, "WHERE hash = $1").c_str(), {hash});
    if (rows.rows() == 0) return std::nullopt;
    return read_token(rows, 0);
}

std::optional<TokenRecord> PostgresStore::find_token(const std::string& id) {
    auto c = m_pool->acquire();
    const auto rows = c->exec("find a token", with(kTokenColumns, "WHERE id = $1").c_str(), {id});
    if (rows.rows() == 0) return std::nullopt;
    return read_token(rows, 0);
}

bool PostgresStore::revoke_token(const std::string& id) {
    auto c = m_pool->acquire();
    return c->exec("revoke a token", "UPDATE tokens SET revoked = TRUE WHERE id = $1", {id}).affected() > 0;
}

void PostgresStore::note_token_use(const std::string& id, const std::string& at) {
    // To the minute: a busy token costs one write a minute, not one per request.
    auto c = m_pool->acquire();
    c->exec("note a token's use",
            "UPDATE tokens SET last_used_at = $2 WHERE id = $1 AND substr(last_used_at, 1, 16) <> $3",
            {id, at, at.substr(0, 16)});
}

// ---- Invitations

void PostgresStore::add_invitation(const InvitationRecord& invitation) {
    auto c = m_pool->acquire();
    c->exec("store an invitation",
            "INSERT INTO invitations (id, hash, role, municipality, label, created_at, expires_at, created_by, "
            "used_at, token_id, revoked) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)",
            {invitation.id, invitation.hash, invitation.role, invitation.municipality, invitation.label,
             invitation.created_at, invitation.expires_at, invitation.created_by, invitation.used_at,
             invitation.token_id, invitation.revoked});
}

std::vector<InvitationRecord> PostgresStore::invitations_on(PgConnection& c) {
    const auto rows = c.exec("list invitations", with(kInvitationColumns, "ORDER BY created_at, id").c_str());
    std::vector<InvitationRecord> list;
    for (int i = 0; i < rows.rows(); ++i) list.push_back(read_invitation(rows, i));
    return list;
}

std::vector<InvitationRecord> PostgresStore::list_invitations() {
    auto c = m_pool->acquire();
    return invitations_on(*c);
}

std::optional<InvitationRecord> PostgresStore::find_invitation(const std::string& id) {
    auto c = m_pool->acquire();
    const auto rows = c->exec("find an invitation", with(kInvitationColumns, "WHERE id = $1").c_str(), {id});
    if (rows.rows() == 0) return std::nullopt;
    return read_invitation(rows, 0);
}

bool PostgresStore::revoke_invitation(const std::string& id) {
    auto c = m_pool->acquire();
    return c->exec("revoke an invitation", "UPDATE invitations SET revoked = TRUE WHERE id = $1 AND used_at = ''", {id})
               .affected() > 0;
}

RedeemStatus PostgresStore::redeem_invitation(const std::string& hash, const std::string& now, TokenRecord& token) {
    auto c = m_pool->acquire();
    c->exec("redeem an invitation", "BEGIN");
    // The row lock: two servers given the same code at once burn it once.
    const auto rows =
        c->exec("redeem an invitation", with(kInvitationColumns, "WHERE hash = $1 FOR UPDATE").c_str(), {hash});
    RedeemStatus status = RedeemStatus::redeemed;
    if (rows.rows() == 0) {
        status = RedeemStatus::unknown;
    } else {
        const auto invitation = read_invitation(rows, 0);
        if (invitation.revoked)
            status = RedeemStatus::revoked;
        else if (!invitation.used_at.empty())
            status = RedeemStatus::used;
        else if (invitation.expires_at <= now)
            status = RedeemStatus::expired;
        token.role = invitation.role;
        token.municipality = invitation.municipality;
        if (token.label.empty()) token.label = invitation.label;
    }
    if (status != RedeemStatus::redeemed) {
        c->rollback();
        return status;
    }
    c->exec("redeem an invitation",
            "UPDATE invitations SET used_at = $2, token_id = $3 WHERE hash = $1 AND used_at = ''",
            {hash, now, token.id});
    c->exec("store the invited token",
            "INSERT INTO tokens (id, hash, role, municipality, label, created_at, revoked) "
            "VALUES ($1, $2, $3, $4, $5, $6, FALSE)",
            {token.id, token.hash, token.role, token.municipality, token.label, token.created_at});
    c->commit("redeem an invitation");
    return status;
}

// ---- A follower's bookkeeping

std::vector<OutboxItem> PostgresStore::outbox_on(PgConnection& c, bool pending_only) {
    const auto rows =
        c.exec("read the outbox",
               with(kOutboxColumns, pending_only ? "WHERE state = 'pending' ORDER BY seq" : "ORDER BY seq").c_str());
    std::vector<OutboxItem> items;
    for (int i = 0; i < rows.rows(); ++i) {
        OutboxItem item;
        item.seq = rows.integer(i, 0);
        item.created_at = rows.text(i, 1);
        item.principal = rows.text(i, 2);
        item.token_id = rows.text(i, 3);
        item.kind = record_kind_from_string(rows.text(i, 4)).value_or(RecordKind::municipality);
        item.record_id = rows.text(i, 5);
        item.base_revision = rows.integer(i, 6);
        item.method = rows.text(i, 7);
        item.path = rows.text(i, 8);
        item.body = rows.text(i, 9);
        item.state = rows.text(i, 10);
        item.status = static_cast<int>(rows.integer(i, 11));
        item.result = rows.text(i, 12);
        item.attempts = static_cast<int>(rows.integer(i, 13));
        item.last_attempt_at = rows.text(i, 14);
        item.settled_at = rows.text(i, 15);
        item.upstream_revision = rows.integer(i, 16);
        items.push_back(std::move(item));
    }
    return items;
}

std::vector<OutboxItem> PostgresStore::outbox_items(bool pending_only) {
    auto c = m_pool->acquire();
    return outbox_on(*c, pending_only);
}

void PostgresStore::note_outbox_attempt(std::int64_t seq, const std::string& at) {
    auto c = m_pool->acquire();
    c->exec("note an attempt to send", "UPDATE outbox SET attempts = attempts + 1, last_attempt_at = $2 WHERE seq = $1",
            {seq, at});
}

void PostgresStore::settle_outbox(const OutboxItem& item) {
    auto c = m_pool->acquire();
    c->exec("settle an outbox item", "BEGIN");
    c->exec("settle an outbox item",
            "UPDATE outbox SET state = $2, status = $3, result = $4, attempts = $5, last_attempt_at = $6, "
            "settled_at = $7, upstream_revision = $8 WHERE seq = $1",
            {item.seq, item.state, item.status, item.result, item.attempts, item.last_attempt_at, item.settled_at,
             item.upstream_revision});
    if (item.state == "applied" && item.upstream_revision > 0 && item.path == "/api/v1/changes") {
        // Later edits of the record were made on top of this one: they are based on it now.
        c->exec("rebase later outbox items",
                "UPDATE outbox SET base_revision = $4 WHERE state = 'pending' AND seq > $1 AND kind = $2 "
                "AND record_id = $3 AND base_revision = $5 AND path = '/api/v1/changes'",
                {item.seq, to_string(item.kind), item.record_id, item.upstream_revision, item.base_revision});
        c->exec("store an upstream revision",
                "INSERT INTO upstream_records (kind, id, revision) VALUES ($1, $2, $3) "
                "ON CONFLICT (kind, id) DO UPDATE SET revision = excluded.revision",
                {to_string(item.kind), item.record_id, item.upstream_revision});
    }
    c->commit("settle an outbox item");
}

std::vector<std::tuple<RecordKind, std::string, std::int64_t>> PostgresStore::upstream_on(PgConnection& c) {
    const auto rows =
        c.exec("read upstream revisions", "SELECT kind, id, revision FROM upstream_records ORDER BY kind, id");
    std::vector<std::tuple<RecordKind, std::string, std::int64_t>> list;
    for (int i = 0; i < rows.rows(); ++i) {
        const auto kind = record_kind_from_string(rows.text(i, 0));
        if (kind) list.emplace_back(*kind, rows.text(i, 1), rows.integer(i, 2));
    }
    return list;
}

std::vector<std::tuple<RecordKind, std::string, std::int64_t>> PostgresStore::upstream_revisions() {
    auto c = m_pool->acquire();
    return upstream_on(*c);
}

}  // namespace prd::server
