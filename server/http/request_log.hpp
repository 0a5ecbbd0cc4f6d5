#pragma once
// The request log's line format. Pure, so what a hostile URL can do to the log is tested without
// a socket: every byte a terminal or a log reader would act on is escaped.

#include <cstddef>
#include <string>
#include <string_view>

namespace prd::server {

/// `text` with control characters (0x00-0x1F, 0x7F), spaces and '%' percent-encoded, so a
/// decoded "%0A" in a path can neither start a fake log line nor split the line's fields.
std::string escape_for_log(std::string_view text);

/// "METHOD PATH STATUS BYTES MS PRINCIPAL\n" with the path escaped; BYTES counts the body sent.
std::string request_log_line(std::string_view method, std::string_view path, int status, std::size_t bytes,
                             double milliseconds, std::string_view principal);

}  // namespace prd::server
