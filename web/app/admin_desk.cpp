#include "app/admin_desk.hpp"

#include <exception>

#include <nlohmann/json.hpp>

#include "app/route.hpp"
#include "app/server_error.hpp"
#include "app/session.hpp"
#include "platform/platform.hpp"

namespace prd::web {
namespace {

using nlohmann::json;

std::string text(const json& object, const char* key) {
    const auto it = object.find(key);
    return it != object.end() && it->is_string() ? it->get<std::string>() : std::string();
}

}  // namespace

void AdminDesk::refresh() {
    if (!m_session.is_moderator()) return;
    for (const bool tokens : {true, false}) {
        platform::HttpRequest request;
        request.url = tokens ? "api/v1/admin/tokens" : "api/v1/admin/invitations";
        request.headers = m_session.auth_headers();
        ++m_busy;
        platform::fetch(std::move(request), [this, tokens](platform::HttpResponse response) {
            --m_busy;
            if (response.status != 200) {
                m_error = server_error(response);
                return;
            }
            try {
                const json body = json::parse(response.body);
                if (tokens) {
                    m_tokens.clear();
                    for (const json& t : body.at("tokens")) {
                        m_tokens.push_back({text(t, "id"), text(t, "role"), text(t, "municipality"), text(t, "label"),
                                            text(t, "created_at"), text(t, "last_used_at"), t.value("revoked", false)});
                    }
                } else {
                    m_invitations.clear();
                    for (const json& i : body.at("invitations")) {
                        m_invitations.push_back({text(i, "id"), text(i, "role"), text(i, "municipality"),
                                                 text(i, "label"), text(i, "created_at"), text(i, "expires_at"),
                                                 text(i, "used_at"), text(i, "state"), text(i, "token_id")});
                    }
                }
            } catch (const std::exception& e) {
                m_error = std::string("the server's answer could not be read: ") + e.what();
            }
        });
    }
}

void AdminDesk::invite(const std::string& municipality, const std::string& role, int days, const std::string& label) {
    m_error.clear();
    m_link.clear();
    platform::HttpRequest request;
    request.method = "POST";
    request.url = "api/v1/admin/invitations";
    request.headers = m_session.auth_headers();
    request.headers.emplace_back("Content-Type", "application/json");
    request.body = json{{"municipality", municipality}, {"role", role}, {"days", days}, {"label", label}}.dump();
    ++m_busy;
    platform::fetch(std::move(request), [this](platform::HttpResponse response) {
        --m_busy;
        if (response.status != 201) {
            m_error = server_error(response);
            return;
        }
        try {
            m_link = json::parse(response.body).at("link").get<std::string>();
        } catch (const std::exception& e) {
            m_error = std::string("the server's answer has no link: ") + e.what();
        }
        refresh();
    });
}

void AdminDesk::revoke_token(const std::string& id) { remove("api/v1/admin/tokens/" + percent_encode(id)); }

void AdminDesk::withdraw_invitation(const std::string& id) {
    remove("api/v1/admin/invitations/" + percent_encode(id));
}

void AdminDesk::remove(const std::string& path) {
    m_error.clear();
    platform::HttpRequest request;
    request.method = "DELETE";
    request.url = path;
    request.headers = m_session.auth_headers();
    ++m_busy;
    platform::fetch(std::move(request), [this](platform::HttpResponse response) {
        --m_busy;
        if (response.status < 200 || response.status >= 300) m_error = server_error(response);
        refresh();
    });
}

}  // namespace prd::web
