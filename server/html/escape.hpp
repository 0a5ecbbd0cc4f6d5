#pragma once
// Escaping for the text version's HTML and XML: every piece of registry text goes through here
// on its way into a page, an attribute or a URL.

#include <string>
#include <string_view>

namespace prd::server::html {

/// Appends `text` safe for HTML or XML content and for double- or single-quoted attribute values:
/// & < > " ' become character references; control characters other than tab and newline, which
/// HTML forbids, are dropped. Valid UTF-8 passes through unchanged.
void append_escaped(std::string& out, std::string_view text);
std::string escape(std::string_view text);

/// `text` as one percent-encoded URL component (path segment or query value): everything but
/// RFC 3986's unreserved characters (A-Z a-z 0-9 - . _ ~) is encoded, UTF-8 byte by byte.
std::string url_encode(std::string_view text);

}  // namespace prd::server::html
