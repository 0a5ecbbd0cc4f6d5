#pragma once
// The PostgreSQL implementation of Store (libpq), for several servers sharing one registry: a row
// lock orders their writes, NOTIFY tells the others about each commit, and rate-limit buckets are
// kept in the database. Schema versioned in schema_version. Backups are SQLite store files, so they
// restore into either store. It does not manage the database itself (creation, roles, replicas).

#include <atomic>
#include <chrono>
#include <memory>
#include <mutex>
#include <thread>

#include "store/store.hpp"

namespace prd::server {

class PgConnection;
class PgPool;
struct PgTarget;

class PostgresStore final : public Store {
public:
    /// Connects to `uri` (postgres://user:pass@host:port/db?..., postgresql://..., with
    /// ?host=/socket/dir for a Unix socket, or libpq's key=value form) and creates or migrates the
    /// schema; several servers may open the same database at once. Throws StoreUnavailable when
    /// the database cannot be reached, StoreError when its schema is newer than this server or its
    /// encoding cannot hold UTF-8.
    explicit PostgresStore(const std::string& uri);
    ~PostgresStore() override;
    PostgresStore(const PostgresStore&) = delete;
    PostgresStore& operator=(const PostgresStore&) = delete;

    /// The URI without its password.
    std::string describe() const override;
    bool shared() const override { return true; }
    /// Begins a transaction on the write connection and locks the stored revision's row, so no
    /// other server commits until this one's commit() or end_write(), which must come from the
    /// same thread. Other calls made meanwhile (find_client_change, ...) use other connections.
    std::int64_t begin_write() override;
    void end_write() override;
    std::vector<StoredRecord> load_since(std::int64_t revision) override;
    /// Listens for other servers' commits (LISTEN prd_revision). Never throws: while the database
    /// cannot be reached it waits out the timeout and answers false, and the first call after it
    /// is back answers true, since commits may have been missed meanwhile.
    bool wait_for_change(std::int64_t known, std::chrono::milliseconds timeout) override;
    /// One atomic statement on the shared bucket, so every server counts together. Buckets not
    /// used for an hour are deleted (at most once a minute), which refills them.
    std::optional<int> take_rate(const std::string& key, double burst, double per_second) override;
    /// Reads through a cursor in one REPEATABLE READ transaction on a pooled connection: a few
    /// hundred records in memory at a time, whatever the registry's size.
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
    /// Writes an SQLite store file holding contents(): the same kind of file as SqliteStore's backup.
    void backup_to(const std::string& file) override;

    /// Connections lent to calls other than writes and waits.
    static constexpr std::size_t kPoolSize = 4;

private:
    void migrate();
    void finish_write() noexcept;  ///< forgets the write begun and lets the next one begin
    bool changed(std::int64_t known) noexcept;

    // Reads shared by the calls above and contents(), on a connection the caller holds.
    static std::int64_t revision_on(PgConnection& c);
    static std::vector<StoredRecord> records_on(PgConnection& c, const char* sql, std::int64_t since = -1);
    static std::vector<TokenRecord> tokens_on(PgConnection& c);
    static std::vector<InvitationRecord> invitations_on(PgConnection& c);
    static std::vector<OutboxItem> outbox_on(PgConnection& c, bool pending_only);
    static std::vector<std::tuple<RecordKind, std::string, std::int64_t>> upstream_on(PgConnection& c);
    static std::optional<std::string> meta_on(PgConnection& c, const std::string& key);
    static void write_follower(PgConnection& c, const FollowerWrite& follower);  ///< inside a write

    std::unique_ptr<PgTarget> m_target;
    std::unique_ptr<PgPool> m_pool;

    std::mutex m_write_mutex;  ///< held from begin_write() to commit() or end_write()
    std::unique_ptr<PgConnection> m_write;
    std::atomic<std::thread::id> m_writer{};  ///< the thread that began the write under way
    std::int64_t m_write_revision = 0;        ///< the revision stored when it began

    std::timed_mutex m_listen_mutex;  ///< one waiter at a time on the listening connection
    std::unique_ptr<PgConnection> m_listen;
    bool m_listening = false;    ///< LISTEN was issued on the listener's current session
    bool m_listen_lost = false;  ///< the listener broke: the next call that listens again answers true

    std::mutex m_prune_mutex;
    std::chrono::steady_clock::time_point m_pruned{};
};

}  // namespace prd::server
