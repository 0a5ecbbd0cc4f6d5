#include "app/server_error.hpp"

#include <exception>

#include <nlohmann/json.hpp>

namespace prd::web {

std::string server_error(const platform::HttpResponse& response) {
    if (response.status == 0) return response.error.empty() ? "network error" : response.error;
    try {
        return nlohmann::json::parse(response.body).at("error").at("message").get<std::string>();
    } catch (const std::exception&) {
        return "HTTP " + std::to_string(response.status);
    }
}

}  // namespace prd::web
