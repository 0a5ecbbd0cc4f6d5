#include "app/countries.hpp"

#include "i18n/countries.hpp"

namespace prd::web {

// One table for the app, the server's text version and the proposal templates: the core's.
std::string_view country_name(std::string_view code, Lang lang) { return prd::country_name(code, web::code(lang)); }

}  // namespace prd::web
