#include "app/print_document.hpp"

#include "app/names.hpp"
#include "i18n/countries.hpp"
#include "model/json_codec.hpp"
#include "proposals/templates.hpp"
#include "proposals/workflow.hpp"

namespace prd::web {
namespace {

struct Party {
    std::string uk;
    std::string en;
    std::string native;
    std::string country_uk;
    std::string country_en;
};

Party party(const Registry& registry, const std::string& id) {
    Party out;
    if (const Municipality* m = registry.find_municipality(id)) {
        out.uk = display_name(*m, Lang::uk);
        out.en = display_name(*m, Lang::en);
        out.native = other_name(*m, Lang::uk);
        if (out.native == out.en) out.native.clear();
        out.country_uk = std::string(country_name(m->country, "uk"));
        out.country_en = std::string(country_name(m->country, "en"));
    } else if (const Partnership* p = registry.find_partnership(id)) {
        out.uk = localized(p->title, Lang::uk);
        out.en = localized(p->title, Lang::en);
    } else {
        out.uk = out.en = id;
    }
    return out;
}

const proposals::TemplateSection* template_section(const Proposal& proposal, const std::string& name) {
    const proposals::ProposalTemplate* tmpl = proposals::find_template(proposal.template_id);
    if (tmpl == nullptr) tmpl = &proposals::template_for_kind(proposal.kind);
    for (const auto& section : tmpl->sections)
        if (section.name == name) return &section;
    return nullptr;
}

std::string sent_date(const Proposal& proposal, const std::string& today) {
    for (const StatusChange& change : proposal.history)
        if (change.status == ProposalStatus::sent && change.at.size() >= 10) return change.at.substr(0, 10);
    return today;
}

constexpr const char* k_style = R"(
@page { size: A4; margin: 18mm 16mm; }
* { box-sizing: border-box; }
body { font-family: "DejaVu Sans", "Liberation Sans", Arial, sans-serif; font-size: 10.5pt; line-height: 1.45; color: #000; margin: 0; }
header { border-bottom: 2px solid #0057b7; padding-bottom: 6pt; margin-bottom: 10pt; }
h1 { font-size: 15pt; margin: 0 0 4pt; color: #0057b7; }
h1 .en { display: block; font-size: 12pt; color: #333; font-weight: normal; }
.parties { display: grid; grid-template-columns: 1fr 1fr; gap: 10pt; margin: 8pt 0; }
.party { border: 1px solid #999; padding: 6pt; }
.party .role { font-size: 8.5pt; text-transform: uppercase; color: #444; }
.meta { font-size: 9pt; color: #333; }
h2 { font-size: 11.5pt; margin: 12pt 0 4pt; break-after: avoid; }
.columns { display: grid; grid-template-columns: 1fr 1fr; gap: 12pt; }
.columns.three { grid-template-columns: 1fr 1fr 1fr; }
.text { break-inside: auto; }
.text .lang { font-size: 8pt; color: #555; text-transform: uppercase; }
.missing { color: #777; font-style: italic; }
.signatures { display: grid; grid-template-columns: 1fr 1fr; gap: 18pt; margin-top: 24pt; break-inside: avoid; }
.signature .line { border-bottom: 1px solid #000; height: 28pt; margin: 6pt 0 3pt; }
.signature .small { font-size: 8.5pt; color: #333; }
footer { margin-top: 16pt; font-size: 8pt; color: #555; border-top: 1px solid #ccc; padding-top: 4pt; }
)";

}  // namespace

std::string reflow(const std::string& text) {
    auto list_item = [](std::string_view line) {
        for (std::string_view marker : {"— ", "– ", "- ", "• ", "* "})
            if (line.substr(0, marker.size()) == marker) return true;
        std::size_t digits = 0;
        while (digits < line.size() && line[digits] >= '0' && line[digits] <= '9') ++digits;
        return digits > 0 && digits + 1 < line.size() && (line[digits] == '.' || line[digits] == ')') &&
               line[digits + 1] == ' ';
    };
    std::string out;
    out.reserve(text.size());
    std::string_view rest(text);
    std::string_view previous;
    bool first = true;
    while (true) {
        const std::size_t newline = rest.find('\n');
        const std::string_view line = rest.substr(0, newline);
        if (!first) {
            const bool keep = line.empty() || previous.empty() || list_item(line) || previous.back() == ':';
            out += keep ? '\n' : ' ';
        }
        out.append(line);
        previous = line;
        first = false;
        if (newline == std::string_view::npos) break;
        rest.remove_prefix(newline + 1);
    }
    return out;
}

std::string html_text(const std::string& text) {
    std::string out;
    out.reserve(text.size() + 16);
    for (const char c : text) {
        switch (c) {
            case '&': out += "&amp;"; break;
            case '<': out += "&lt;"; break;
            case '>': out += "&gt;"; break;
            case '"': out += "&quot;"; break;
            case '\'': out += "&#39;"; break;
            case '\n': out += "<br>"; break;
            case '\r': break;
            default: out += c;
        }
    }
    return out;
}

std::string proposal_document(const Proposal& proposal, const Registry& registry, PrintLayout layout,
                              const std::string& today) {
    const Party from = party(registry, proposal.from);
    const Party to = party(registry, proposal.to);
    const proposals::ProposalTemplate* tmpl = proposals::find_template(proposal.template_id);
    if (tmpl == nullptr) tmpl = &proposals::template_for_kind(proposal.kind);
    const bool partner = !proposal.partner_language.empty();
    const std::string date = sent_date(proposal, today);

    std::string html = "<!doctype html><html lang=\"uk\"><head><meta charset=\"utf-8\"><title>" +
                       html_text(tmpl->title.uk + " / " + tmpl->title.en) + "</title><style>" + k_style +
                       "</style></head><body>";
    html += "<header><h1><span lang=\"uk\">" + html_text(tmpl->title.uk) + "</span><span class=\"en\" lang=\"en\">" +
            html_text(tmpl->title.en) + "</span></h1>";
    html += "<div class=\"meta\"><span lang=\"uk\">Дата</span> / <span lang=\"en\">Date</span>: " +
            html_text(format_date(date, Lang::uk)) +
            " · <span lang=\"uk\">Статус</span> / <span lang=\"en\">Status</span>: <span lang=\"uk\">" +
            html_text(std::string(label(proposal.status, "uk"))) + "</span> / <span lang=\"en\">" +
            html_text(std::string(label(proposal.status, "en"))) + "</span></div></header>";

    auto party_block = [](const Party& p, const char* role_uk, const char* role_en) {
        std::string block = "<div class=\"party\"><div class=\"role\"><span lang=\"uk\">" + std::string(role_uk) +
                            "</span> / <span lang=\"en\">" + role_en + "</span></div>";
        block += "<div lang=\"uk\"><strong>" + html_text(p.uk) + "</strong></div>";
        block += "<div lang=\"en\">" + html_text(p.en) + "</div>";
        if (!p.native.empty()) block += "<div>" + html_text(p.native) + "</div>";
        if (!p.country_uk.empty())
            block += "<div class=\"meta\"><span lang=\"uk\">" + html_text(p.country_uk) +
                     "</span> / <span lang=\"en\">" + html_text(p.country_en) + "</span></div>";
        return block + "</div>";
    };
    html += "<section class=\"parties\">" + party_block(from, "Ініціатор", "Proposing party") +
            party_block(to, "Партнер", "Partner") + "</section>";

    auto text_block = [](const std::string& text, const char* lang, const char* label_text) {
        std::string block =
            "<div class=\"text\" lang=\"" + std::string(lang) + "\"><div class=\"lang\">" + label_text + "</div>";
        if (text.empty())
            block += "<p class=\"missing\">—</p>";
        else
            block += "<p>" + html_text(reflow(text)) + "</p>";
        return block + "</div>";
    };
    const std::vector<std::string> order = proposals::section_order(proposal);
    auto title_of = [&](const std::string& name) {
        const proposals::TemplateSection* section = template_section(proposal, name);
        if (section == nullptr) return std::pair<std::string, std::string>{name, name};
        return std::pair<std::string, std::string>{section->title.uk, section->title.en};
    };
    if (layout == PrintLayout::side_by_side) {
        for (const std::string& name : order) {
            const auto it = proposal.sections.find(name);
            const ProposalSection empty;
            const ProposalSection& s = it == proposal.sections.end() ? empty : it->second;
            const auto [uk, en] = title_of(name);
            html += "<h2><span lang=\"uk\">" + html_text(uk) + "</span> / <span lang=\"en\">" + html_text(en) +
                    "</span></h2>";
            html += std::string("<div class=\"columns") + (partner ? " three" : "") + "\">";
            html += text_block(s.uk, "uk", "Українською");
            html += text_block(s.en, "en", "English");
            if (partner)
                html += text_block(s.partner, proposal.partner_language.c_str(), proposal.partner_language.c_str());
            html += "</div>";
        }
    } else {
        for (const char* lang : {"uk", "en"}) {
            for (const std::string& name : order) {
                const auto it = proposal.sections.find(name);
                const ProposalSection empty;
                const ProposalSection& s = it == proposal.sections.end() ? empty : it->second;
                const auto [uk, en] = title_of(name);
                const bool is_uk = std::string_view(lang) == "uk";
                html += "<h2 lang=\"" + std::string(lang) + "\">" + html_text(is_uk ? uk : en) + "</h2>";
                html += text_block(is_uk ? s.uk : s.en, lang, is_uk ? "Українською" : "English");
            }
        }
    }

    auto signature = [](const Party& p) {
        return "<div class=\"signature\"><div lang=\"uk\"><strong>" + html_text(p.uk) +
               "</strong></div><div lang=\"en\">" + html_text(p.en) +
               "</div><div class=\"line\"></div><div class=\"small\"><span lang=\"uk\">Підпис, ПІБ, посада</span> / "
               "<span lang=\"en\">Signature, name, position</span></div><div class=\"line\"></div><div "
               "class=\"small\"><span lang=\"uk\">Дата, печатка</span> / <span lang=\"en\">Date, "
               "seal</span></div></div>";
    };
    html += "<section class=\"signatures\">" + signature(from) + signature(to) + "</section>";
    html +=
        "<footer><span lang=\"uk\">Підготовлено на платформі «Партнерство для відновлення та розвитку»</span> / "
        "<span lang=\"en\">Prepared with Partnership for Recovery and Development</span> · " +
        html_text(proposal.id) + "</footer>";
    html += "</body></html>";
    return html;
}

}  // namespace prd::web
