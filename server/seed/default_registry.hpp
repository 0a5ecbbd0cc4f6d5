#pragma once
// The default registry compiled into the server binary, so a fresh data folder starts with real
// records and a clone without ../shared still runs.

#include <string_view>

#include "registry/registry.hpp"

namespace prd::server {

/// The embedded registry file as it was committed (a snapshot in the public JSON format).
std::string_view embedded_registry_text();

/// The embedded registry, decoded and checked. Throws DecodeError if the committed file is broken
/// (a test guards against that).
Snapshot default_snapshot();

}  // namespace prd::server
