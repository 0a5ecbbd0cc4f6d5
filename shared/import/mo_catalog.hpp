#pragma once
// A reader of GNU gettext binary message catalogues (.mo), the format of the GeoNames names by
// language (../shared/data/geonames-localized-names). It reads what the gettext manual describes
// ("The Format of GNU MO Files"): either byte order, the two string tables; it ignores the hash
// table (lookups go through a map) and keeps only the first form of a plural entry.

#include <cstddef>
#include <map>
#include <stdexcept>
#include <string>
#include <string_view>

namespace prd::import {

/// The bytes are not a catalogue this reader accepts; what() names the problem and where.
class MoError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

class MoCatalog {
public:
    /// Reads a whole .mo file. Throws MoError for anything but a well-formed catalogue: fewer
    /// bytes than the header, a magic number that is neither byte order's 0x950412de, a major
    /// revision other than 0 or 1, a table or a string that lies past the end of the file, a
    /// string without its terminating NUL, a translation that is not UTF-8, or an id given twice.
    /// Never reads outside `bytes`.
    static MoCatalog parse(std::string_view bytes);

    /// The translation of `id`, or nullptr when the catalogue has none (or an empty one).
    const std::string* find(std::string_view id) const;
    /// The catalogue's header: the translation of the empty id ("Content-Type: ...").
    const std::string& header() const { return m_header; }
    /// Messages with a non-empty id.
    std::size_t size() const { return m_messages.size(); }
    const std::map<std::string, std::string, std::less<>>& messages() const { return m_messages; }

private:
    std::map<std::string, std::string, std::less<>> m_messages;
    std::string m_header;
};

}  // namespace prd::import
