#pragma once
// The embedded SQLite implementation of Store: one database file in the data folder, WAL journal,
// synchronous=FULL so an acknowledged commit survives power loss, schema versioned by user_version.

#include <filesystem>
#include <memory>
#include <mutex>

#include "store/store.hpp"

struct sqlite3;

namespace prd::server {

class SqliteStore final : public Store {
public:
    /// Opens (creating if needed) DIR/registry.sqlite3 and migrates its schema to the current
    /// version. Throws StoreError naming the file and SQLite's message when it cannot.
    explicit SqliteStore(const std::filesystem::path& data_dir);
    ~SqliteStore() override;
    SqliteStore(const SqliteStore&) = delete;
    SqliteStore& operator=(const SqliteStore&) = delete;

    std::string describe() const override { return "sqlite:" + m_path.parent_path().string(); }
    std::vector<StoredRecord> load_since(std::int64_t revision) override;
    std::int64_t read_public(const std::function<void(RecordKind, std::string_view)>& sink) override;
    StoreContents contents() override;
    void fill(const StoreContents& contents) override;
    std::int64_t revision() override;
    std::vector<StoredRecord> load_all() override;
    void commit(std::int64_t revision, const std::vector<StoredRecord>& records,
                const std::vector<ClientChangeResult>& results = {},
                const std::vector<StoredDismissals>& dismissals = {}, const FollowerWrite& follower = {}) override;
    std::vector<OutboxItem> outbox_items(bool pending_only) override;
    void note_outbox_attempt(std::int64_t seq, const std::string& at) override;
    void settle_outbox(const OutboxItem& item) override;
    std::vector<std::tuple<RecordKind, std::string, std::int64_t>> upstream_revisions() override;
    std::int64_t upstream_revision() override;
    std::optional<std::string> meta(const std::string& key) override;
    void set_meta(const std::string& key, const std::string& value) override;
    std::optional<std::string> find_client_change(const std::string& key) override;
    std::optional<std::string> find_dismissals(const std::string& municipality) override;
    void add_token(const TokenRecord& token) override;
    std::optional<TokenRecord> find_token_by_hash(const std::string& hash) override;
    bool revoke_token(const std::string& id) override;
    std::vector<TokenRecord> list_tokens() override;
    std::optional<TokenRecord> find_token(const std::string& id) override;
    void note_token_use(const std::string& id, const std::string& at) override;
    void add_invitation(const InvitationRecord& invitation) override;
    std::vector<InvitationRecord> list_invitations() override;
    std::optional<InvitationRecord> find_invitation(const std::string& id) override;
    bool revoke_invitation(const std::string& id) override;
    RedeemStatus redeem_invitation(const std::string& hash, const std::string& now, TokenRecord& token) override;
    void backup_to(const std::string& file) override;

    /// Checks that `file` is a store this server can open: SQLite's integrity check passes and
    /// its schema is not newer. Throws StoreError saying what is wrong.
    static void check_file(const std::filesystem::path& file);

    const std::filesystem::path& path() const { return m_path; }

private:
    void exec(const char* sql);
    void write_follower(const FollowerWrite& follower);  ///< inside commit's transaction
    void migrate();

    std::filesystem::path m_path;
    sqlite3* m_db = nullptr;
    std::recursive_mutex m_mutex;  ///< one connection, used by one thread at a time (contents() nests)
};

}  // namespace prd::server
