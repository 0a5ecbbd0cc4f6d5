#pragma once
// What went wrong with a request, for the person: the server's own message (it names the field
// and the rule), or the network's, or the HTTP status when the answer says nothing readable.

#include <string>

#include "platform/platform.hpp"

namespace prd::web {

std::string server_error(const platform::HttpResponse& response);

}  // namespace prd::web
