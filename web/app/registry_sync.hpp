#pragma once
// The registry as the browser keeps it: a copy in IndexedDB drawn from at once on start, brought up
// to date in the background by the core's sync client (GET /changes?since=), and fetched whole only
// on a first visit. What it stores: the snapshot as the server sent it ("registry.snapshot") and the
// changes pulled since ("registry.changes"), folded into a new snapshot once they pile up.

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "registry/registry.hpp"
#include "sync/sync_client.hpp"

namespace prd::web {

enum class RegistrySource { none, local, network };
std::string_view to_string(RegistrySource source);

class RegistrySync {
public:
    /// `installed` runs whenever the registry changed (a load or pulled changes), so the app can
    /// rebuild what it derives from it; `failed` when no registry could be had at all.
    RegistrySync(Registry& registry, std::function<void(RegistrySource)> installed,
                 std::function<void(std::string)> failed);

    /// Loads the stored copy, or the snapshot from the server when there is none; then syncs.
    void start();
    /// Asks the server for changes now (a no-op while a sync runs).
    void sync_now();
    /// Called once per frame: notices the browser going online and syncs then.
    void tick();
    /// Keeps a record the server sent back after the person's own write in the stored copy too, so
    /// a reload shows it before the next sync.
    void remember(const DeltaEntry& entry);

    RegistrySource source() const { return m_source; }
    bool syncing() const { return m_client.busy() || m_fetching_snapshot; }
    /// When the local copy was last known to be up to date with the server (UTC ISO-8601), "" never.
    const std::string& synced_at() const { return m_synced_at; }
    /// Whether the last attempt to reach the server failed for want of a network.
    bool unreachable() const { return m_unreachable; }
    /// Why the local copy cannot be kept (no IndexedDB, quota), "" when it is kept.
    const std::string& storage_error() const { return m_storage_error; }
    /// Bytes of the snapshot received so far on a first visit (0 otherwise).
    std::size_t snapshot_bytes() const { return m_snapshot_bytes; }

    static constexpr std::string_view snapshot_url = "api/v1/snapshot";

    /// Where the first load's time went (ms): reading the stored copy (or receiving the snapshot),
    /// and decoding it into the registry. For prdState.perf and ./dev bench.
    struct LoadTimes {
        double read_ms = 0;
        double decode_ms = 0;
    };
    const LoadTimes& load_times() const { return m_times; }

private:
    void load_stored(std::string snapshot_text, std::optional<std::string> changes);
    void fetch_snapshot();
    bool install_snapshot(const std::string& text, std::string& error);
    void pump();
    void send(HttpCall call);
    void pulled(const DeltaEntry& entry);
    void finished_sync();
    void save_changes();
    void compact();
    void schedule_next();

    Registry& m_registry;
    std::function<void(RegistrySource)> m_installed;
    std::function<void(std::string)> m_failed;
    SyncClient m_client;
    RegistrySource m_source = RegistrySource::none;
    bool m_fetching_snapshot = false;
    bool m_in_flight = false;
    std::optional<HttpCall> m_waiting_call;  ///< to be sent again once the back-off has passed
    int m_wait_generation = 0;
    bool m_was_online = true;
    bool m_unreachable = false;
    bool m_scheduled = false;
    std::string m_synced_at;
    std::string m_storage_error;
    std::size_t m_snapshot_bytes = 0;
    /// The server revision the local copy is complete up to: pulls continue from here. Not the
    /// registry's revision, which a record saved by the person may have moved past unseen changes.
    std::int64_t m_complete = 0;
    LoadTimes m_times;
    double m_started_ms = 0;
    Delta m_stored_changes;                 ///< what "registry.changes" holds
    std::vector<DeltaEntry> m_new_entries;  ///< pulled in the current sync
};

}  // namespace prd::web
