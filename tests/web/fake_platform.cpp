#include "fake_platform.hpp"

#include <cstdio>

namespace prd::test {

namespace {
FakeBrowser* g_browser = new FakeBrowser;
}

FakeBrowser& browser() { return *g_browser; }

void reset_browser(bool keep_storage) {
    auto* fresh = new FakeBrowser;
    if (keep_storage) {
        fresh->store = g_browser->store;
        fresh->settings = g_browser->settings;
        fresh->uuids = g_browser->uuids;
    }
    delete g_browser;
    g_browser = fresh;
}

}  // namespace prd::test

namespace prd::platform {

void fetch(HttpRequest request, HttpCallback callback) {
    test::browser().requests.push_back({std::move(request), std::move(callback)});
}

std::string load_setting(std::string_view key) {
    const auto& settings = test::browser().settings;
    const auto it = settings.find(key);
    return it == settings.end() ? std::string() : it->second;
}

void save_setting(std::string_view key, std::string_view value) { test::browser().settings[std::string(key)] = value; }

void remove_setting(std::string_view key) { test::browser().settings.erase(std::string(key)); }

}  // namespace prd::platform

namespace prd::platform {

void store_put(std::string key, std::string value, StoreDone done) {
    auto& b = test::browser();
    if (!b.storage_fails.empty()) return done(false, b.storage_fails);
    b.store[key] = std::move(value);
    done(true, "");
}

void store_get(std::string key, StoreValue done) {
    const auto& store = test::browser().store;
    const auto it = store.find(key);
    done(it == store.end() ? std::nullopt : std::optional<std::string>(it->second), "");
}

void store_remove(std::string key, StoreDone done) {
    test::browser().store.erase(key);
    done(true, "");
}

void store_keys(std::string prefix, StoreKeys done) {
    std::vector<std::string> keys;
    for (const auto& [key, value] : test::browser().store)
        if (key.rfind(prefix, 0) == 0) keys.push_back(key);
    done(std::move(keys), "");
}

bool online() { return test::browser().online; }

void request_persistent_storage(std::function<void(PersistAnswer)> done) { done(PersistAnswer::refused); }

std::string make_uuid() {
    char text[40];
    std::snprintf(text, sizeof text, "00000000-0000-4000-8000-%012d", ++test::browser().uuids);
    return text;
}

std::string utc_now() { return test::browser().now; }

double epoch_ms() { return 0; }

void call_later(double, std::function<void()> fn) { test::browser().timers.push_back(std::move(fn)); }

}  // namespace prd::platform
