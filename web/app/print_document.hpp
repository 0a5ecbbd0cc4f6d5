#pragma once
// A proposal as a printable bilingual document: both municipalities named in both languages, the
// date, each section in Ukrainian and English side by side (or one language after the other), and
// signature blocks. A complete HTML page with its own print styles, handed to the browser's print
// dialog, where "Save as PDF" gives the file; it needs no network.

#include <string>

#include "model/types.hpp"
#include "registry/registry.hpp"

namespace prd::web {

enum class PrintLayout { side_by_side, one_after_other };

/// `today` (YYYY-MM-DD) dates a draft; a sent proposal carries the date it was sent.
std::string proposal_document(const Proposal& proposal, const Registry& registry, PrintLayout layout,
                              const std::string& today);

/// Joins lines the editor broke to fit its width back into paragraphs: a line break stays where a
/// paragraph ends (an empty line), before a list item ("— ", "- ", "• ", "1. ", "1) ") and after a
/// line ending in ':'.
std::string reflow(const std::string& text);

/// Text made safe for HTML: & < > " ' escaped, line breaks kept as <br>.
std::string html_text(const std::string& text);

}  // namespace prd::web
