// The exceptions table: one line per catalogue name the rules would take that is not the city's
// name, with why. The name stays an alias, so searching for it still finds the city; GeoNames' own
// name is used in its place. Add a line only for a fact checked against more than the catalogue.

#include "import/name_exceptions.hpp"

namespace prd::import {
namespace {

struct Exception {
    std::string_view language;
    std::string_view geonameid;
    std::string_view name;
};

constexpr Exception k_exceptions[] = {
    // Derry (GB, Northern Ireland): the name is contested. Its 1613 charter and the UK government
    // say Londonderry; GeoNames names it Derry, as does its council (Derry City and Strabane
    // District Council). en.mo's "Londonderry" would replace GeoNames' choice in names.en and,
    // English being the language of place names there, in names.native too.
    {"en", "2643736", "Londonderry"},
    // Vlissingen (NL): "Flushing" is the English exonym of past centuries (Flushing, New York is
    // named after it); English today writes Vlissingen, as GeoNames does.
    {"en", "2745392", "Flushing"},
};

}  // namespace

bool is_name_exception(std::string_view language, std::string_view geonameid, std::string_view name) {
    for (const Exception& e : k_exceptions) {
        if (e.language == language && e.geonameid == geonameid && e.name == name) return true;
    }
    return false;
}

}  // namespace prd::import
