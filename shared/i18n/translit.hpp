#pragma once
// The official Ukrainian-to-Latin transliteration (Cabinet of Ministers resolution No. 55 of
// 27 January 2010). Text that is not Ukrainian Cyrillic passes through unchanged.

#include <string>
#include <string_view>

namespace prd {

/// Київ -> Kyiv, Харків -> Kharkiv, Згурівка -> Zghurivka, Єнакієве -> Yenakiieve.
/// Input and output are UTF-8. Word starts (for є, ї, й, ю, я) follow any non-letter. Ill-formed
/// input comes out as U+FFFD, one per maximal subpart (prd::utf8).
std::string transliterate_uk(std::string_view text);

}  // namespace prd
