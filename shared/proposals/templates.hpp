#pragma once
// Proposal templates: the starting text of a proposal, per kind of partnership, in Ukrainian and
// English. The templates are data (templates.json beside this file, compiled into the library);
// draft_from_template() fills their placeholders from the two municipalities' records.

#include <string>
#include <string_view>
#include <vector>

#include "model/types.hpp"
#include "registry/registry.hpp"

namespace prd::proposals {

struct TemplateSection {
    std::string name;    ///< the key in Proposal::sections, e.g. "introduction"
    LocalizedText title;  ///< the heading in the document and the editor
    LocalizedText hint;   ///< what the section is for, shown beside the editor
    LocalizedText text;   ///< starting text with {placeholders}, filled by draft_from_template()
};

struct ProposalTemplate {
    std::string id;  ///< "twinning", "memorandum", ..., "join_declaration"
    PartnershipKind kind = PartnershipKind::memorandum;
    LocalizedText title;
    LocalizedText description;
    std::vector<TemplateSection> sections;  ///< in document order; the first is "introduction"
};

/// Every template, in the order they are offered.
const std::vector<ProposalTemplate>& proposal_templates();

/// The template with this id, or nullptr.
const ProposalTemplate* find_template(std::string_view id);

/// The template for a kind (join_declaration for joint_declaration; cooperation_agreement for a
/// kind without its own); never null.
const ProposalTemplate& template_for_kind(PartnershipKind kind);

/// A new draft (status draft, no history) from a template: its sections are the template's text
/// with the placeholders filled from both records (names in both languages, countries,
/// populations, what one needs and the other offers in both directions, existing partnerships,
/// suggested areas), `areas` the sectors where one's need meets the other's offer, and
/// partner_language the receiver's first language when it is neither Ukrainian nor English.
/// `to` may be a municipality or a joint declaration (its id). created_at and updated_at are `now`.
/// Throws std::invalid_argument naming the field when `from` or `to` is not in the registry
/// ("to: no municipality or declaration ...").
Proposal draft_from_template(const ProposalTemplate& tmpl, const Registry& registry, const std::string& from,
                             const std::string& to, std::string id, std::string now);

/// The proposal's section names in its template's order (the template for its kind when it names
/// none), then any others it carries in name order.
std::vector<std::string> section_order(const Proposal& proposal);

/// The placeholders the templates may use, each as "{name}"; a template using another fails the
/// library's own test.
const std::vector<std::string_view>& placeholder_names();

}  // namespace prd::proposals
