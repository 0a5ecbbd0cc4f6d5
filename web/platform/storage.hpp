#pragma once
// What the browser keeps for the app beyond a visit, and what it knows of the network: IndexedDB
// (one key-value store, values are bytes), whether the browser thinks it is online, durable
// storage (navigator.storage.persist), unique ids, the wall clock and timers. Every call returns at once; callbacks run
// later on the main thread, between frames.

#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace prd::platform {

/// `ok` false: the write did not happen (quota, private mode, storage disabled); `error` says why.
using StoreDone = std::function<void(bool ok, std::string error)>;
/// `value` empty when the key holds nothing; `error` set when the database could not be read.
using StoreValue = std::function<void(std::optional<std::string> value, std::string error)>;
using StoreKeys = std::function<void(std::vector<std::string> keys, std::string error)>;

/// Stores `value` under `key`. `done` runs once the transaction has committed with strict
/// durability (flushed to disk): only then is the value safe from a crash or a power cut.
void store_put(std::string key, std::string value, StoreDone done);
void store_get(std::string key, StoreValue done);
void store_remove(std::string key, StoreDone done);
/// Every key that starts with `prefix`, in order.
void store_keys(std::string prefix, StoreKeys done);

/// navigator.onLine: false means certainly offline; true means only that a network is attached.
bool online();

enum class PersistAnswer { granted, refused, unsupported };
/// Asks the browser not to evict the app's data under storage pressure.
void request_persistent_storage(std::function<void(PersistAnswer)> done);

/// A random UUID (version 4), e.g. for a draft made offline or a change that must not apply twice.
std::string make_uuid();

/// The wall clock as UTC ISO-8601 to the second, e.g. "2026-11-30T09:15:02Z".
std::string utc_now();
/// Milliseconds since 1970 (Date.now()).
double epoch_ms();

/// Runs `fn` once after about `ms` milliseconds (setTimeout), between frames.
void call_later(double ms, std::function<void()> fn);

}  // namespace prd::platform
