#include "app/route.hpp"

#include <array>
#include <utility>

namespace prd::web {
namespace {

struct PageName {
    Page page;
    std::string_view name;  ///< in prdState
    std::string_view path;  ///< the first path segment; empty for pages reached with an id only
};

constexpr std::array<PageName, 16> pages{{
    {Page::find, "find", "search"},
    {Page::partnerships, "partnerships", "partnerships"},
    {Page::declarations, "declarations", "declarations"},
    {Page::community, "community", "community"},
    {Page::proposals, "proposals", "proposals"},
    {Page::map, "map", "map"},
    {Page::dashboard, "dashboard", "dashboard"},
    {Page::municipality, "municipality", "m"},
    {Page::edit_municipality, "edit_municipality", ""},
    {Page::partnership, "partnership", "p"},
    {Page::draft, "draft", "draft"},
    {Page::proposal, "proposal", "proposal"},
    {Page::join, "join", "join"},
    {Page::admin, "admin", "admin"},
    {Page::signin, "signin", "signin"},
    {Page::not_found, "not_found", ""},
}};

int hex_value(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

}  // namespace

std::string_view to_string(Page page) {
    for (const PageName& p : pages)
        if (p.page == page) return p.name;
    return "not_found";
}

const std::string& Route::param(const std::string& name) const {
    static const std::string none;
    const auto it = params.find(name);
    return it == params.end() ? none : it->second;
}

std::string percent_encode(std::string_view text) {
    static constexpr char hex[] = "0123456789ABCDEF";
    std::string out;
    for (const char ch : text) {
        const auto c = static_cast<unsigned char>(ch);
        const bool unreserved = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
                                c == '-' || c == '_' || c == '.' || c == '~';
        if (unreserved) {
            out += ch;
        } else {
            out += '%';
            out += hex[c >> 4];
            out += hex[c & 15];
        }
    }
    return out;
}

std::string percent_decode(std::string_view text) {
    std::string out;
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (text[i] == '+') {
            out += ' ';
        } else if (text[i] == '%' && i + 2 < text.size() && hex_value(text[i + 1]) >= 0 &&
                   hex_value(text[i + 2]) >= 0) {
            out += static_cast<char>(hex_value(text[i + 1]) * 16 + hex_value(text[i + 2]));
            i += 2;
        } else {
            out += text[i];
        }
    }
    return out;
}

Route parse_route(std::string_view hash) {
    Route route;
    if (!hash.empty() && hash.front() == '#') hash.remove_prefix(1);
    std::string_view path = hash;
    if (const auto q = hash.find('?'); q != std::string_view::npos) {
        path = hash.substr(0, q);
        std::string_view query = hash.substr(q + 1);
        while (!query.empty()) {
            const auto amp = query.find('&');
            const std::string_view pair = query.substr(0, amp);
            const auto eq = pair.find('=');
            std::string name = percent_decode(pair.substr(0, eq));
            std::string value = eq == std::string_view::npos ? std::string() : percent_decode(pair.substr(eq + 1));
            if (!name.empty()) route.params[std::move(name)] = std::move(value);
            if (amp == std::string_view::npos) break;
            query.remove_prefix(amp + 1);
        }
    }
    while (!path.empty() && path.front() == '/') path.remove_prefix(1);
    while (!path.empty() && path.back() == '/') path.remove_suffix(1);
    if (path.empty()) return route;  // Find

    const auto slash = path.find('/');
    const std::string_view head = path.substr(0, slash);
    const std::string_view rest = slash == std::string_view::npos ? std::string_view() : path.substr(slash + 1);
    if ((head == "m" || head == "p") && !rest.empty()) {
        const auto next = rest.find('/');
        route.id = percent_decode(rest.substr(0, next));
        const std::string_view tail = next == std::string_view::npos ? std::string_view() : rest.substr(next + 1);
        if (head == "p" && tail.empty()) {
            route.page = Page::partnership;
        } else if (head == "m" && tail.empty()) {
            route.page = Page::municipality;
        } else if (head == "m" && tail == "edit") {
            route.page = Page::edit_municipality;
        } else {
            route.page = Page::not_found;
            route.id = std::string(path);
        }
        return route;
    }
    if ((head == "draft" || head == "proposal" || head == "join") && !rest.empty() &&
        rest.find('/') == std::string_view::npos) {
        route.page = head == "draft" ? Page::draft : head == "proposal" ? Page::proposal : Page::join;
        route.id = percent_decode(rest);
        return route;
    }
    for (const PageName& p : pages) {
        if (!p.path.empty() && p.path == head && rest.empty() && p.page != Page::municipality &&
            p.page != Page::partnership && p.page != Page::draft && p.page != Page::proposal && p.page != Page::join) {
            route.page = p.page;
            return route;
        }
    }
    route.page = Page::not_found;
    route.id = std::string(path);
    route.params.clear();
    return route;
}

std::string format_route(const Route& route) {
    std::string out;
    switch (route.page) {
        case Page::municipality: out = "/m/" + percent_encode(route.id); break;
        case Page::edit_municipality: out = "/m/" + percent_encode(route.id) + "/edit"; break;
        case Page::partnership: out = "/p/" + percent_encode(route.id); break;
        case Page::draft: out = "/draft/" + percent_encode(route.id); break;
        case Page::proposal: out = "/proposal/" + percent_encode(route.id); break;
        case Page::join: out = "/join/" + percent_encode(route.id); break;
        case Page::not_found: out = "/" + route.id; break;
        default:
            for (const PageName& p : pages)
                if (p.page == route.page) out = "/" + std::string(p.path);
    }
    char separator = '?';
    for (const auto& [name, value] : route.params) {
        if (value.empty()) continue;
        out += separator;
        out += percent_encode(name) + "=" + percent_encode(value);
        separator = '&';
    }
    return out;
}

Route find_route(std::string query) {
    Route route;
    if (!query.empty()) route.params["q"] = std::move(query);
    return route;
}

Route municipality_route(std::string id) { return Route{Page::municipality, std::move(id), {}}; }

Route partnership_route(std::string id) { return Route{Page::partnership, std::move(id), {}}; }

Route draft_route(std::string id) { return Route{Page::draft, std::move(id), {}}; }

Route proposal_route(std::string id) { return Route{Page::proposal, std::move(id), {}}; }

}  // namespace prd::web
