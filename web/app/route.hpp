#pragma once
// The app's addresses: every view and every record has one, kept after '#' so reloading keeps
// the place, links can be shared and the browser's Back and Forward work. Plain C++ (no browser,
// no ImGui), so it is tested natively.
//
//   #/search?q=Lviv&country=PL     Find, with the query and filters
//   #/m/UA46060250000025047        a municipality's profile
//   #/m/UA46060250000025047/edit   its profile editor
//   #/p/<id>                       a partnership
//   #/partnerships  #/declarations  #/community  #/signin  #/proposals
//   #/map?m=ID&p=ID&kind=K&country=CC&years=FROM-TO&band=0-30   the map, a community or partnership on it
//   #/dashboard                    the gap figures
//   #/draft/new?from=ID&to=ID&kind=K   a new proposal draft from a template (then #/draft/<uuid>)
//   #/draft/<uuid>                 a draft being written (kept in the browser)
//   #/proposal/<uuid>              a proposal sent or received
//   #/join/<code>                  an invitation to work for a community (exchanged for a token)
//   #/admin                        invitations and access tokens (moderators, admins)

#include <map>
#include <string>
#include <string_view>

namespace prd::web {

enum class Page {
    find,
    partnerships,
    declarations,
    community,
    proposals,
    map,
    dashboard,
    municipality,
    edit_municipality,
    partnership,
    draft,
    proposal,
    join,
    admin,
    signin,
    not_found,
};

/// "find", "municipality", ...: the form the published state uses.
std::string_view to_string(Page page);

struct Route {
    Page page = Page::find;
    std::string id;                             ///< the record: municipality, edit, partnership, draft, proposal
    std::map<std::string, std::string> params;  ///< the query after '?', decoded

    /// The parameter's value, or "" when absent.
    const std::string& param(const std::string& name) const;
    bool operator==(const Route&) const = default;
};

/// Reads what follows '#' ("/m/UA...", "/search?q=%D0%9B%D1%8C%D0%B2%D1%96%D0%B2"); "" and "/"
/// are Find. Anything unknown is not_found, with the text kept in id.
Route parse_route(std::string_view hash);
/// The address of a route, percent-encoded so it survives copying into any messenger.
std::string format_route(const Route& route);

Route find_route(std::string query = {});
Route municipality_route(std::string id);
Route partnership_route(std::string id);
Route draft_route(std::string id);
Route proposal_route(std::string id);

/// Percent-encoding of a URL component (RFC 3986 unreserved characters stay as they are).
std::string percent_encode(std::string_view text);
/// The reverse; '+' is a space, as browsers write form queries. Malformed escapes stay as typed.
std::string percent_decode(std::string_view text);

}  // namespace prd::web
