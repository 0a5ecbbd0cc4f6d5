#include "app/registry_sync.hpp"

#include <exception>
#include <memory>
#include <utility>

#include <nlohmann/json.hpp>

#include "model/json_codec.hpp"
#include "platform/platform.hpp"
#include "platform/storage.hpp"

namespace prd::web {
namespace {

constexpr const char* k_snapshot_key = "registry.snapshot";
constexpr const char* k_changes_key = "registry.changes";
constexpr const char* k_synced_setting = "registry_synced_at";
/// Changes kept beside the snapshot before they are folded into a new one: applying a few
/// thousand entries on start costs less than re-encoding the whole registry after every sync.
constexpr std::size_t k_compact_after = 2000;
constexpr double k_sync_interval_ms = 60 * 1000;

SyncOptions sync_options() {
    SyncOptions options;
    options.api_prefix = "api/v1";  // relative, like every request of the app
    options.mirror_public_records = false;
    return options;
}

}  // namespace

std::string_view to_string(RegistrySource source) {
    switch (source) {
        case RegistrySource::none: return "none";
        case RegistrySource::local: return "local";
        case RegistrySource::network: return "network";
    }
    return "none";
}

RegistrySync::RegistrySync(Registry& registry, std::function<void(RegistrySource)> installed,
                           std::function<void(std::string)> failed)
    : m_registry(registry),
      m_installed(std::move(installed)),
      m_failed(std::move(failed)),
      m_client("browser", sync_options()) {
    m_client.set_id_generator([] { return platform::make_uuid(); });
    m_client.set_pull_listener([this](const DeltaEntry& entry) { pulled(entry); });
    m_synced_at = platform::load_setting(k_synced_setting);
}

void RegistrySync::start() {
    m_started_ms = platform::now_ms();
    // Both at once: each read is a round trip through the browser's event loop.
    struct Reads {
        int left = 2;
        std::optional<std::string> snapshot;
        std::optional<std::string> changes;
    };
    auto reads = std::make_shared<Reads>();
    auto both_read = [this, reads] {
        if (--reads->left > 0) return;
        if (!reads->snapshot) {
            fetch_snapshot();
            return;
        }
        load_stored(std::move(*reads->snapshot), std::move(reads->changes));
    };
    platform::store_get(k_snapshot_key, [this, reads, both_read](std::optional<std::string> value, std::string error) {
        if (!error.empty()) m_storage_error = error;
        reads->snapshot = std::move(value);
        both_read();
    });
    platform::store_get(k_changes_key, [reads, both_read](std::optional<std::string> value, std::string) {
        reads->changes = std::move(value);
        both_read();
    });
}

void RegistrySync::load_stored(std::string snapshot_text, std::optional<std::string> changes) {
    const double read = platform::now_ms();
    m_times.read_ms = read - m_started_ms;
    std::string error;
    if (!install_snapshot(snapshot_text, error)) {
        // A copy this version cannot read (damaged, or from an incompatible release): the server's wins.
        fetch_snapshot();
        return;
    }
    std::string().swap(snapshot_text);
    m_complete = m_registry.revision();
    m_stored_changes = Delta{0, m_complete, false, {}};
    if (changes) {
        try {
            Delta stored = delta_from_json(nlohmann::json::parse(*changes));
            for (const DeltaEntry& entry : stored.entries) m_registry.install(entry);
            m_complete = std::max(m_complete, stored.revision);
            m_stored_changes = std::move(stored);
        } catch (const std::exception&) {
            // The snapshot alone is still a consistent copy; the sync fetches the rest again.
        }
    }
    m_stored_changes.since = 0;
    m_stored_changes.revision = m_complete;
    m_times.decode_ms = platform::now_ms() - read;
    m_source = RegistrySource::local;
    m_installed(m_source);
    sync_now();
}

bool RegistrySync::install_snapshot(const std::string& text, std::string& error) {
    try {
        Snapshot snapshot;
        {
            const nlohmann::json json = nlohmann::json::parse(text);
            snapshot = snapshot_from_json(json);
        }
        m_registry = Registry::from_snapshot(std::move(snapshot));
        return true;
    } catch (const nlohmann::json::exception& e) {
        error = std::string("snapshot is not valid JSON: ") + e.what();
    } catch (const DecodeError& e) {
        error = std::string("snapshot rejected: ") + e.what();
    } catch (const std::exception& e) {
        error = std::string("snapshot could not be loaded: ") + e.what();
    }
    return false;
}

void RegistrySync::fetch_snapshot() {
    m_fetching_snapshot = true;
    platform::HttpRequest request;
    request.url = std::string(snapshot_url);
    request.progress = [this](std::size_t bytes) { m_snapshot_bytes = bytes; };
    platform::fetch(std::move(request), [this](platform::HttpResponse response) {
        m_fetching_snapshot = false;
        if (response.status == 0) {
            m_unreachable = true;
            m_failed(response.error.empty() ? std::string("network error") : response.error);
            schedule_next();
            return;
        }
        m_unreachable = false;
        const double received = platform::now_ms();
        m_times.read_ms = received - m_started_ms;
        if (response.status != 200) {
            m_failed("HTTP " + std::to_string(response.status) + " from " + std::string(snapshot_url));
            return;
        }
        std::string error;
        if (!install_snapshot(response.body, error)) {
            m_failed(error);
            return;
        }
        m_times.decode_ms = platform::now_ms() - received;
        m_synced_at = platform::utc_now();
        platform::save_setting(k_synced_setting, m_synced_at);
        m_source = RegistrySource::network;
        m_complete = m_registry.revision();
        m_stored_changes = Delta{0, m_complete, false, {}};
        // Kept as the server sent it: the next start parses it with no re-encoding. The changes
        // log is emptied after, so a crash between the two leaves old entries the snapshot has.
        platform::store_put(k_snapshot_key, std::move(response.body), [this](bool ok, std::string error) {
            if (!ok) {
                m_storage_error = error;
                return;
            }
            m_storage_error.clear();
            save_changes();
        });
        m_installed(m_source);
        sync_now();
    });
}

void RegistrySync::sync_now() {
    if (m_source == RegistrySource::none) {
        if (!m_fetching_snapshot) fetch_snapshot();
        return;
    }
    if (m_client.busy()) return;
    m_client.start_from(m_complete);
    m_client.sync();
    pump();
}

void RegistrySync::pump() {
    if (m_in_flight || m_waiting_call) return;
    std::optional<HttpCall> call = m_client.next_call();
    if (!call) {
        finished_sync();
        return;
    }
    if (m_client.retry_after_ms() == 0) {
        send(std::move(*call));
        return;
    }
    // After a failure: the same call again, once the client's back-off has passed.
    m_waiting_call = std::move(call);
    const int generation = ++m_wait_generation;
    platform::call_later(static_cast<double>(m_client.retry_after_ms()), [this, generation] {
        if (generation != m_wait_generation || !m_waiting_call) return;  // it went when the network came back
        send(*std::exchange(m_waiting_call, std::nullopt));
    });
}

void RegistrySync::send(HttpCall call) {
    m_in_flight = true;
    platform::HttpRequest request;
    request.method = std::move(call.method);
    request.url = std::move(call.path);
    request.headers = std::move(call.headers);
    request.body = std::move(call.body);
    platform::fetch(std::move(request), [this](platform::HttpResponse response) {
        m_in_flight = false;
        if (response.status == 0) {
            m_unreachable = true;
            m_client.on_failure(response.error);
        } else {
            m_unreachable = false;
            m_client.on_response(HttpReply{response.status, std::move(response.body), {}});
        }
        pump();
    });
}

void RegistrySync::pulled(const DeltaEntry& entry) {
    if (entry.kind == RecordKind::proposal) return;  // proposals are the proposal book's
    try {
        m_registry.install(entry);
        m_new_entries.push_back(entry);
    } catch (const DecodeError&) {
        // The server validated it; a record this release cannot read changes nothing here.
    }
}

void RegistrySync::finished_sync() {
    if (m_client.phase() == SyncPhase::idle && !m_client.last_error()) {
        m_synced_at = platform::utc_now();
        platform::save_setting(k_synced_setting, m_synced_at);
    }
    const bool advanced = m_client.revision() > m_complete;
    m_complete = std::max(m_complete, m_client.revision());
    const bool changed = !m_new_entries.empty();
    if (changed || advanced) {
        for (DeltaEntry& entry : m_new_entries) m_stored_changes.entries.push_back(std::move(entry));
        m_new_entries.clear();
        m_stored_changes.revision = m_complete;
        if (m_stored_changes.entries.size() > k_compact_after)
            compact();
        else
            save_changes();
        if (changed) m_installed(m_source);
    }
    schedule_next();
}

void RegistrySync::remember(const DeltaEntry& entry) {
    if (m_source == RegistrySource::none) return;
    // Not m_registry.revision(): other records between the stored revision and this one are not
    // here yet, and the next pull must still ask for them.
    m_stored_changes.entries.push_back(entry);
    platform::store_put(k_changes_key, to_json(m_stored_changes).dump(), [this](bool ok, std::string error) {
        if (!ok) m_storage_error = error;
    });
}

void RegistrySync::save_changes() {
    m_stored_changes.revision = m_complete;
    platform::store_put(k_changes_key, to_json(m_stored_changes).dump(), [this](bool ok, std::string error) {
        if (!ok) m_storage_error = error;
    });
}

void RegistrySync::compact() {
    m_stored_changes = Delta{0, m_complete, false, {}};
    Snapshot snapshot = m_registry.snapshot();
    snapshot.revision = m_complete;  // complete up to here; records the person saved may be newer
    platform::store_put(k_snapshot_key, to_json(snapshot).dump(), [this](bool ok, std::string error) {
        if (!ok) {
            m_storage_error = error;
            return;
        }
        save_changes();
    });
}

void RegistrySync::schedule_next() {
    if (m_scheduled) return;
    m_scheduled = true;
    platform::call_later(k_sync_interval_ms, [this] {
        m_scheduled = false;
        sync_now();
    });
}

void RegistrySync::tick() {
    const bool online = platform::online();
    if (online && !m_was_online) {
        // The network is back: catch up at once rather than after the back-off.
        if (m_waiting_call) {
            ++m_wait_generation;
            send(*std::exchange(m_waiting_call, std::nullopt));
        } else {
            sync_now();
        }
    }
    m_was_online = online;
}

}  // namespace prd::web
