#pragma once
// Where the server keeps the registry between runs. The server talks only to this interface;
// SQLite (sqlite_store.hpp) is the embedded default.

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "model/types.hpp"

namespace prd::server {

/// One record as stored: its current JSON, or a tombstone.
struct StoredRecord {
    RecordKind kind = RecordKind::municipality;
    std::string id;
    std::int64_t revision = 0;
    bool removed = false;
    std::string json;  ///< the record in the public JSON format; empty when removed
};

/// An API token as stored: never the token itself, only its SHA-256.
struct TokenRecord {
    std::string id;        ///< short public handle, shown in logs and used to revoke
    std::string hash;      ///< sha256 hex of the secret token
    std::string role;      ///< "editor", "moderator" or "admin"
    std::string municipality;  ///< the municipality an editor speaks for; empty otherwise
    std::string label;     ///< who it was made for, free text
    std::string created_at;
    bool revoked = false;
};

/// The answer given to one pushed change, remembered so a retried batch gets the same answer
/// without the change being applied twice.
struct ClientChangeResult {
    std::string key;   ///< principal id + "/" + the client's change id
    std::string json;  ///< the result item exactly as it was answered
};

/// A community's hidden or declined partner suggestions. Private: kept apart from the public
/// records, so no snapshot or change feed carries whom a community turned down.
struct StoredDismissals {
    std::string municipality;
    std::string json;  ///< the list as JSON; empty deletes the municipality's list
};

class Store {
public:
    virtual ~Store() = default;

    /// The registry revision of the last commit; 0 for a store that has never been written.
    virtual std::int64_t revision() = 0;

    /// Every stored record (tombstones included), ordered by kind and id.
    virtual std::vector<StoredRecord> load_all() = 0;

    /// Writes the records, the dismissal lists and the new registry revision in one transaction.
    /// When it returns, the write is durable; when it throws, nothing of it was stored.
    virtual void commit(std::int64_t revision, const std::vector<StoredRecord>& records,
                        const std::vector<ClientChangeResult>& results = {},
                        const std::vector<StoredDismissals>& dismissals = {}) = 0;

    /// The remembered answer to a client change, if it was applied before.
    virtual std::optional<std::string> find_client_change(const std::string& key) = 0;

    /// The municipality's dismissal list as JSON, or nothing when it has none.
    virtual std::optional<std::string> find_dismissals(const std::string& municipality) = 0;

    virtual void add_token(const TokenRecord& token) = 0;
    virtual std::optional<TokenRecord> find_token_by_hash(const std::string& hash) = 0;
    /// Marks the token revoked; false when there is no token with that id.
    virtual bool revoke_token(const std::string& id) = 0;
    virtual std::vector<TokenRecord> list_tokens() = 0;

    /// Writes a consistent copy of the whole store to `file` (which must not exist), safe while
    /// the server is writing. Throws StoreError when it cannot.
    virtual void backup_to(const std::string& file) = 0;
};

}  // namespace prd::server
