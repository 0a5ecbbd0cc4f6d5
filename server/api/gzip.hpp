#pragma once
// gzip compression for bodies that are compressed once and served many times (the snapshot).

#include <string>
#include <string_view>

namespace prd::server {

/// The gzip (RFC 1952) form of `data`. Throws std::runtime_error if zlib fails.
std::string gzip_compress(std::string_view data);

}  // namespace prd::server
