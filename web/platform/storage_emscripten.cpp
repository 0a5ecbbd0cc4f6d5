// storage.hpp and documents.hpp for the browser: thin C++ ends of storage.js. Each call gets a
// number; the answer comes back through an exported function that finds its callback by it.

#include <emscripten.h>

#include <cstdlib>
#include <map>
#include <utility>

#include <nlohmann/json.hpp>

#include "platform/documents.hpp"
#include "platform/storage.hpp"

extern "C" {
// storage.js
void prd_js_store_put(int id, const char* key, const char* data, std::size_t length);
void prd_js_store_get(int id, const char* key);
void prd_js_store_remove(int id, const char* key);
void prd_js_store_keys(int id, const char* prefix);
int prd_js_online(void);
void prd_js_request_persistence(int id);
char* prd_js_make_uuid(void);
char* prd_js_utc_now(void);
double prd_js_epoch_ms(void);
void prd_js_call_later(int id, double ms);
void prd_js_print_html(const char* html);
void prd_js_save_file(const char* name, const char* mime, const char* data, std::size_t length);
void prd_js_pick_file(int id, const char* accept);
}

namespace {

int next_id() {
    static int id = 0;
    return ++id;
}

template <typename Callback>
std::map<int, Callback>& pending() {
    static std::map<int, Callback> callbacks;
    return callbacks;
}

/// Removes the callback before calling it: the callback may start another request.
template <typename Callback>
Callback take(int id) {
    auto& map = pending<Callback>();
    const auto it = map.find(id);
    if (it == map.end()) return {};
    Callback callback = std::move(it->second);
    map.erase(it);
    return callback;
}

}  // namespace

extern "C" EMSCRIPTEN_KEEPALIVE void prd_storage_done(int id, int ok, const char* error) {
    if (auto callback = take<prd::platform::StoreDone>(id)) callback(ok != 0, error);
}

extern "C" EMSCRIPTEN_KEEPALIVE void prd_storage_value(int id, int found, const char* data, std::size_t length,
                                                       const char* error) {
    if (auto callback = take<prd::platform::StoreValue>(id)) {
        callback(found ? std::optional<std::string>(std::string(data, length)) : std::nullopt, error);
        return;
    }
    if (auto callback = take<prd::platform::StoreKeys>(id)) {
        std::vector<std::string> keys;
        if (found) {
            try {
                for (const auto& key : nlohmann::json::parse(std::string(data, length)))
                    if (key.is_string()) keys.push_back(key.get<std::string>());
            } catch (const nlohmann::json::exception&) {
            }
        }
        callback(std::move(keys), error);
    }
}

extern "C" EMSCRIPTEN_KEEPALIVE void prd_storage_persist(int id, int answer) {
    using prd::platform::PersistAnswer;
    if (auto callback = take<std::function<void(PersistAnswer)>>(id))
        callback(answer == 0   ? PersistAnswer::granted
                 : answer == 1 ? PersistAnswer::refused
                               : PersistAnswer::unsupported);
}

extern "C" EMSCRIPTEN_KEEPALIVE void prd_document_picked(int id, const char* name, const char* content) {
    if (auto callback = take<std::function<void(std::string, std::string)>>(id)) callback(name, content);
}

extern "C" EMSCRIPTEN_KEEPALIVE void prd_timer_fired(int id) {
    if (auto callback = take<std::function<void()>>(id)) callback();
}

namespace prd::platform {

void store_put(std::string key, std::string value, StoreDone done) {
    const int id = next_id();
    pending<StoreDone>().emplace(id, std::move(done));
    prd_js_store_put(id, key.c_str(), value.data(), value.size());
}

void store_get(std::string key, StoreValue done) {
    const int id = next_id();
    pending<StoreValue>().emplace(id, std::move(done));
    prd_js_store_get(id, key.c_str());
}

void store_remove(std::string key, StoreDone done) {
    const int id = next_id();
    pending<StoreDone>().emplace(id, std::move(done));
    prd_js_store_remove(id, key.c_str());
}

void store_keys(std::string prefix, StoreKeys done) {
    const int id = next_id();
    pending<StoreKeys>().emplace(id, std::move(done));
    prd_js_store_keys(id, prefix.c_str());
}

bool online() { return prd_js_online() != 0; }

void request_persistent_storage(std::function<void(PersistAnswer)> done) {
    const int id = next_id();
    pending<std::function<void(PersistAnswer)>>().emplace(id, std::move(done));
    prd_js_request_persistence(id);
}

std::string make_uuid() {
    char* uuid = prd_js_make_uuid();
    std::string out(uuid);
    std::free(uuid);
    return out;
}

std::string utc_now() {
    char* text = prd_js_utc_now();
    std::string out(text);
    std::free(text);
    return out;
}

double epoch_ms() { return prd_js_epoch_ms(); }

void call_later(double ms, std::function<void()> fn) {
    const int id = next_id();
    pending<std::function<void()>>().emplace(id, std::move(fn));
    prd_js_call_later(id, ms);
}

void print_html(std::string_view html) { prd_js_print_html(std::string(html).c_str()); }

void save_file(std::string_view file_name, std::string_view mime_type, std::string_view content) {
    prd_js_save_file(std::string(file_name).c_str(), std::string(mime_type).c_str(), content.data(), content.size());
}

void pick_file(std::string_view accept, std::function<void(std::string name, std::string content)> done) {
    const int id = next_id();
    pending<std::function<void(std::string, std::string)>>().emplace(id, std::move(done));
    prd_js_pick_file(id, std::string(accept).c_str());
}

}  // namespace prd::platform
