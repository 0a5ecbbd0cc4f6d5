#include "panels/map_panel.hpp"

#include <algorithm>
#include <cmath>
#include <set>

#include <imgui.h>

#include "app/countries.hpp"
#include "app/names.hpp"
#include "app/sprites.hpp"
#include "app/text_order.hpp"
#include "app/theme.hpp"
#include "model/json_codec.hpp"
#include "platform/input.hpp"
#include "widgets/widgets.hpp"

namespace prd::web {
namespace {

constexpr ImU32 land_colour = IM_COL32(246, 244, 238, 255);
constexpr ImU32 border_colour = IM_COL32(160, 160, 160, 255);
constexpr ImU32 ukraine_fill = IM_COL32(255, 243, 196, 255);
constexpr ImU32 ukraine_border = IM_COL32(0, 87, 183, 255);
constexpr ImU32 foreign_arc = IM_COL32(0, 87, 183, 170);
constexpr ImU32 domestic_arc = IM_COL32(120, 60, 150, 170);

ImU32 shade_colour(map::Shade shade) {
    switch (shade) {
        case map::Shade::none: return IM_COL32(204, 40, 40, 230);
        case map::Shade::one: return IM_COL32(240, 150, 0, 230);
        case map::Shade::few: return IM_COL32(95, 175, 80, 230);
        case map::Shade::many: return IM_COL32(20, 105, 55, 240);
        case map::Shade::foreign: return IM_COL32(40, 90, 210, 200);
    }
    return IM_COL32(0, 0, 0, 255);
}

Text shade_label(map::Shade shade) {
    switch (shade) {
        case map::Shade::none: return Text::legend_none;
        case map::Shade::one: return Text::legend_one;
        case map::Shade::few: return Text::legend_few;
        case map::Shade::many: return Text::legend_many;
        case map::Shade::foreign: return Text::legend_foreign;
    }
    return Text::legend_none;
}

/// A small square button drawn over the map, e.g. "+".
bool overlay_button(UiContext& ui, const char* caption, Text tooltip, const std::string& target, float size) {
    const bool pressed = ImGui::Button(caption, ImVec2(size, size));
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", ui.text(tooltip));
    ui.mark_target(target);
    return pressed;
}

/// Dots grow a little as the map zooms in past Ukraine's width, so a community stays easy to tap.
float dot_growth(const UiContext& ui, const map::View& view) {
    const float css_px_per_km = view.scale() / ui.pixel_ratio();
    return std::clamp(std::sqrt(css_px_per_km / 0.6f), 1.0f, 2.0f);
}

std::string population_text(const Municipality& m, Lang lang) {
    if (!m.population) return {};
    return format_count(*m.population, lang == Lang::uk);
}

}  // namespace

std::string MapPanel::title(UiContext& ui) {
    if (const Municipality* m = ui.app().registry().find_municipality(ui.app().route().param("m")))
        return std::string(ui.text(Text::tab_map)) + ": " + short_name(*m, ui.lang());
    return ui.text(Text::tab_map);
}

void MapPanel::update_model(UiContext& ui) {
    const AppState& app = ui.app();
    const Route& route = app.route();
    map::Filters filters = map_filters(route);
    const std::string& focus = route.param("p");
    if (app.generation() != m_generation || !(filters == m_filters) || focus != m_focus) {
        const Partnership* partnership = app.registry().find_partnership(focus);
        m_model.rebuild(app.registry(), filters, partnership);
        ++m_model_version;
        if (app.generation() != m_generation) {
            // What the filters offer: partner countries and the years partnerships were signed in.
            std::set<std::string> countries;
            m_first_year = m_last_year = 0;
            for (const auto& [id, p] : app.registry().partnerships()) {
                if (p.signed_on.size() >= 4) {
                    const int year = std::atoi(p.signed_on.substr(0, 4).c_str());
                    if (year > 0) {
                        m_first_year = m_first_year == 0 ? year : std::min(m_first_year, year);
                        m_last_year = std::max(m_last_year, year);
                    }
                }
                for (const Party& party : p.parties)
                    if (const Municipality* m = app.registry().find_municipality(party.municipality);
                        m && m->country != "UA")
                        countries.insert(m->country);
            }
            m_countries.assign(countries.begin(), countries.end());
            std::sort(m_countries.begin(), m_countries.end(), [&](const std::string& a, const std::string& b) {
                return country_name(a, ui.lang()) < country_name(b, ui.lang());
            });
        }
        if (focus != m_focus && partnership != nullptr) m_fit = Fit::selection;
        m_generation = app.generation();
        m_filters = std::move(filters);
        m_focus = focus;
        m_selected.reset();  // looked up again below
    }
    const std::string& wanted = route.param("m");
    if (wanted != m_selected_id || (!wanted.empty() && !m_selected)) {
        if (!wanted.empty() && wanted != m_selected_id) m_fit = Fit::selection;  // opened by address
        m_selected_id = wanted;
        m_selected = wanted.empty() ? std::nullopt : m_model.index_of(wanted);
    }
    refresh_arcs(app.registry());
}

void MapPanel::refresh_arcs(const Registry& registry) {
    m_arcs.clear();
    if (m_selected) {
        m_arcs = m_model.arcs_of(*m_selected);
    } else if (const Partnership* p = registry.find_partnership(m_focus)) {
        m_arcs = m_model.arcs_of(*p);
    }
}

void MapPanel::select(UiContext& ui, std::optional<std::uint32_t> point) {
    m_selected = point;
    m_selected_id = point ? m_model.points()[*point].municipality->id : std::string();
    refresh_arcs(ui.app().registry());  // this frame already shows (and reports) the new arcs
    set_map_param(ui, "m", m_selected_id);
}

void MapPanel::draw_outlines(UiContext& ui, ImDrawList& draw, float ox, float oy) const {
    if (m_source.state() != map::Source::State::ready) return;
    const map::Box visible = m_view.visible();
    const float thin = std::max(1.0f, ui.px(0.75f));
    std::vector<ImVec2> line;
    auto screen_ring = [&](const std::vector<map::Vec>& points) {
        line.clear();
        for (const map::Vec p : points) {
            const map::Vec s = m_view.to_screen(p);
            line.push_back(ImVec2(ox + s.x, oy + s.y));
        }
    };
    // Ukraine filled first, then every border on top of it.
    for (const map::Country& country : m_source.outlines().countries) {
        if (country.iso2 != "UA" || !country.box.intersects(visible)) continue;
        for (std::size_t r = 0; r < country.rings.size() && r < country.fill.size(); ++r) {
            const map::Ring& ring = country.rings[r];
            if (!ring.box.intersects(visible)) continue;
            const auto& points = ring.points[m_level];
            const auto& triangles = country.fill[r][m_level];
            if (triangles.empty()) continue;
            const ImVec2 uv = ImGui::GetFontTexUvWhitePixel();
            draw.PrimReserve(static_cast<int>(triangles.size()), static_cast<int>(points.size()));
            const auto base = static_cast<ImDrawIdx>(draw._VtxCurrentIdx);
            for (const map::Vec p : points) {
                const map::Vec s = m_view.to_screen(p);
                draw.PrimWriteVtx(ImVec2(ox + s.x, oy + s.y), uv, ukraine_fill);
            }
            for (const std::uint32_t i : triangles) draw.PrimWriteIdx(static_cast<ImDrawIdx>(base + i));
        }
    }
    for (const map::Country& country : m_source.outlines().countries) {
        if (!country.box.intersects(visible)) continue;
        const bool ukraine = country.iso2 == "UA";
        for (const map::Ring& ring : country.rings) {
            if (!ring.box.intersects(visible)) continue;
            screen_ring(ring.points[m_level]);
            if (line.size() < 2) continue;
            draw.AddPolyline(line.data(), static_cast<int>(line.size()), ukraine ? ukraine_border : border_colour,
                             ImDrawFlags_None, ukraine ? ui.px(1.5f) : thin);
        }
    }
}

void MapPanel::draw_points(UiContext& ui, ImDrawList& draw, float ox, float oy, float mx, float my) {
    const auto& points = m_model.points();
    const float grow = dot_growth(ui, m_view);
    // The dots' quads are made again only when the view or the model changed; a frame that only
    // moves the pointer (hovering) copies them.
    const DotKey key{m_view.scale(),   m_view.centre().x, m_view.centre().y, m_view.width(), m_view.height(), ox, oy,
                     ui.pixel_ratio(), m_model_version};
    if (!(key == m_dot_key)) {
        m_dot_key = key;
        const map::Box visible = m_view.visible();
        m_visible.clear();
        m_screen.clear();
        m_dot_vertices.clear();
        for (std::uint32_t i = 0; i < points.size(); ++i) {
            const map::Point& p = points[i];
            const float margin = ui.px(p.radius) * grow / m_view.scale();
            if (p.at.x < visible.min_x - margin || p.at.x > visible.max_x + margin || p.at.y < visible.min_y - margin ||
                p.at.y > visible.max_y + margin)
                continue;
            m_visible.push_back(i);
            m_screen.push_back(m_view.to_screen(p.at));
        }
        // Foreign dots first, then Ukrainian ones on top, each a textured quad (as PrimRectUV makes).
        const Sprite& dot = dot_sprite();
        m_dot_vertices.reserve(m_visible.size() * 4);
        for (const bool foreign_pass : {true, false}) {
            for (std::size_t k = 0; k < m_visible.size(); ++k) {
                const map::Point& p = points[m_visible[k]];
                if ((p.shade == map::Shade::foreign) != foreign_pass) continue;
                const float r = ui.px(p.radius) * grow;
                const float x = ox + m_screen[k].x, y = oy + m_screen[k].y;
                const ImU32 colour = shade_colour(p.shade);
                m_dot_vertices.push_back({ImVec2(x - r, y - r), ImVec2(dot.u0, dot.v0), colour});
                m_dot_vertices.push_back({ImVec2(x + r, y - r), ImVec2(dot.u1, dot.v0), colour});
                m_dot_vertices.push_back({ImVec2(x + r, y + r), ImVec2(dot.u1, dot.v1), colour});
                m_dot_vertices.push_back({ImVec2(x - r, y + r), ImVec2(dot.u0, dot.v1), colour});
            }
        }
    }
    m_points_drawn = m_visible.size();

    // The nearest dot within reach of the pointer; a Ukrainian community wins over a foreign dot
    // at the same spot.
    m_hovered.reset();
    if (mx >= 0) {
        const float reach_min = ui.px(14) * 0.6f;
        float best = 0;
        for (std::size_t k = 0; k < m_visible.size(); ++k) {
            const float dx = m_screen[k].x - mx, dy = m_screen[k].y - my;
            if (std::abs(dx) > ui.px(24) || std::abs(dy) > ui.px(24)) continue;
            const map::Point& p = points[m_visible[k]];
            const float d = std::sqrt(dx * dx + dy * dy);
            const float reach = std::max(ui.px(p.radius) * grow + ui.px(2), reach_min);
            const float score = d - (p.shade == map::Shade::foreign ? 0.0f : ui.px(1));
            if (d <= reach && (!m_hovered || score < best)) {
                m_hovered = m_visible[k];
                best = score;
            }
        }
    }

    const auto quads = static_cast<int>(m_dot_vertices.size() / 4);
    draw.PrimReserve(quads * 6, quads * 4);
    const auto base = static_cast<ImDrawIdx>(draw._VtxCurrentIdx);
    std::copy(m_dot_vertices.begin(), m_dot_vertices.end(), draw._VtxWritePtr);
    draw._VtxWritePtr += m_dot_vertices.size();
    ImDrawIdx* idx = draw._IdxWritePtr;
    for (int q = 0; q < quads; ++q) {
        const auto v = static_cast<ImDrawIdx>(base + 4 * q);
        idx[0] = v;
        idx[1] = static_cast<ImDrawIdx>(v + 1);
        idx[2] = static_cast<ImDrawIdx>(v + 2);
        idx[3] = v;
        idx[4] = static_cast<ImDrawIdx>(v + 2);
        idx[5] = static_cast<ImDrawIdx>(v + 3);
        idx += 6;
    }
    draw._IdxWritePtr = idx;
    draw._VtxCurrentIdx += static_cast<unsigned int>(m_dot_vertices.size());
}

void MapPanel::draw_arcs(UiContext& ui, ImDrawList& draw, float ox, float oy) const {
    const auto& points = m_model.points();
    const map::Box visible = m_view.visible();
    for (const map::Arc& arc : m_arcs) {
        const map::Vec a = points[arc.from].at;
        const map::Vec b = points[arc.to].at;
        // Cull arcs whose box (with the bulge) is off screen.
        const float bulge = 0.2f * std::hypot(b.x - a.x, b.y - a.y);
        const map::Box box{std::min(a.x, b.x) - bulge, std::min(a.y, b.y) - bulge, std::max(a.x, b.x) + bulge,
                           std::max(a.y, b.y) + bulge};
        if (!box.intersects(visible)) continue;
        const map::Vec sa = m_view.to_screen(a);
        const map::Vec sb = m_view.to_screen(b);
        const float dx = sb.x - sa.x, dy = sb.y - sa.y;
        // Bent to one side by a fifth of its length, so arcs to neighbours do not hide each other.
        const ImVec2 control(ox + (sa.x + sb.x) * 0.5f - dy * 0.2f, oy + (sa.y + sb.y) * 0.5f + dx * 0.2f);
        draw.AddBezierQuadratic(ImVec2(ox + sa.x, oy + sa.y), control, ImVec2(ox + sb.x, oy + sb.y),
                                arc.foreign ? foreign_arc : domestic_arc, ui.px(1.5f), 24);
    }
    // The ends of the arcs ringed, so a partner is visible among other dots.
    for (const map::Arc& arc : m_arcs) {
        const map::Vec s = m_view.to_screen(points[arc.to].at);
        draw.AddCircle(ImVec2(ox + s.x, oy + s.y), ui.px(points[arc.to].radius + 2), IM_COL32(20, 20, 20, 200), 16,
                       ui.px(1));
    }
}

void MapPanel::draw_labels(UiContext& ui, ImDrawList& draw, float ox, float oy) {
    m_labels.clear();
    const auto& points = m_model.points();
    const map::Box visible = m_view.visible();
    const float grow = dot_growth(ui, m_view);
    // The most populous places first; the selection and a partnership's parties before all.
    std::vector<std::uint32_t> candidates;
    if (m_selected) candidates.push_back(*m_selected);
    for (const map::Arc& arc : m_arcs) candidates.push_back(arc.to);
    std::size_t looked = 0;
    for (const std::uint32_t i : m_model.by_population()) {
        if (looked >= 300) break;
        if (!visible.contains(points[i].at)) continue;
        ++looked;
        candidates.push_back(i);
    }
    std::vector<map::LabelBox> boxes;
    std::vector<std::string> texts;
    const float pad = ui.px(3);
    for (const std::uint32_t i : candidates) {
        const map::Point& p = points[i];
        std::string text = short_name(*p.municipality, ui.lang());
        const ImVec2 size = ImGui::CalcTextSize(text.c_str());
        const map::Vec s = m_view.to_screen(p.at);
        const float r = ui.px(p.radius) * grow;
        boxes.push_back({s.x + r + pad, s.y - size.y * 0.5f, size.x + pad, size.y});
        texts.push_back(std::move(text));
    }
    const std::size_t limit = ui.narrow() ? 18 : 40;
    std::vector<std::size_t> kept = map::place_labels(boxes, limit);
    // A label box that also covers its dot, so two labels never hide each other's dots either.
    for (const std::size_t k : kept) {
        const map::LabelBox& b = boxes[k];
        const ImVec2 at(ox + b.x, oy + b.y);
        // A light halo behind the text keeps it readable over lines and dots.
        draw.AddRectFilled(ImVec2(at.x - ui.px(1), at.y), ImVec2(at.x + b.width - ui.px(2), at.y + b.height),
                           IM_COL32(255, 255, 255, 170), ui.px(2));
        draw.AddText(at, IM_COL32(30, 30, 30, 255), ui.audited(texts[k]).data());
        const map::Point& p = points[candidates[k]];
        m_labels.push_back(p.municipality->id);
        // The dot as a named target: tests (and the page's text version) can find a city on the map.
        const map::Vec s = m_view.to_screen(p.at);
        const float r = std::max(ui.px(p.radius) * grow, ui.px(6));
        // Kept inside the map, so a dot at its edge never makes the page scroll.
        const float x0 = std::max(s.x - r, 0.0f), y0 = std::max(s.y - r, 0.0f);
        const float x1 = std::min(s.x + r, m_view.width()), y1 = std::min(s.y + r, m_view.height());
        if (x1 <= x0 || y1 <= y0) continue;
        ImGui::SetCursorScreenPos(ImVec2(ox + x0, oy + y0));
        ImGui::Dummy(ImVec2(x1 - x0, y1 - y0));
        ui.mark_target("map.point." + p.municipality->id);
    }
}

void MapPanel::draw_legend(UiContext& ui, float ox, float oy) {
    ImDrawList& draw = *ImGui::GetWindowDrawList();
    const float line = ImGui::GetTextLineHeightWithSpacing();
    const float pad = ui.px(8);
    const map::Shade shades[] = {map::Shade::none, map::Shade::one, map::Shade::few, map::Shade::many,
                                 map::Shade::foreign};
    float width = 0;
    for (const map::Shade shade : shades) width = std::max(width, ImGui::CalcTextSize(ui.text(shade_label(shade))).x);
    width = std::max(width, ImGui::CalcTextSize(ui.text(Text::legend_size)).x);
    const float box_w = width + line + 2 * pad;
    const float box_h = line * 6 + 2 * pad;
    const ImVec2 at(ox + pad, oy + pad);
    draw.AddRectFilled(at, ImVec2(at.x + box_w, at.y + box_h), IM_COL32(255, 255, 255, 225), ui.px(4));
    draw.AddRect(at, ImVec2(at.x + box_w, at.y + box_h), IM_COL32(0, 0, 0, 40), ui.px(4));
    float y = at.y + pad;
    for (const map::Shade shade : shades) {
        draw.AddCircleFilled(ImVec2(at.x + pad + line * 0.35f, y + line * 0.45f), line * 0.3f, shade_colour(shade));
        draw.AddText(ImVec2(at.x + pad + line, y), IM_COL32(30, 30, 30, 255), ui.text(shade_label(shade)));
        y += line;
    }
    draw.AddCircle(ImVec2(at.x + pad + line * 0.35f, y + line * 0.45f), line * 0.18f, IM_COL32(90, 90, 90, 255), 12);
    draw.AddCircle(ImVec2(at.x + pad + line * 0.35f, y + line * 0.45f), line * 0.36f, IM_COL32(90, 90, 90, 255), 16);
    draw.AddText(ImVec2(at.x + pad + line, y), IM_COL32(30, 30, 30, 255), ui.text(Text::legend_size));
    ImGui::SetCursorScreenPos(at);
    ImGui::Dummy(ImVec2(box_w, box_h));
    ui.mark_target("map.legend");
}

void MapPanel::draw_card(UiContext& ui, float ox, float oy, float width, float height) {
    const Registry& registry = ui.app().registry();
    const Municipality* m = m_selected ? m_model.points()[*m_selected].municipality : nullptr;
    const Partnership* p = m == nullptr ? registry.find_partnership(m_focus) : nullptr;
    if (m == nullptr && p == nullptr) return;
    // In the bottom corner (the zoom buttons hold the top one), placed by last frame's height.
    const float card_w = ui.narrow() ? width - ui.px(16) : std::min(ui.px(340), width - ui.px(16));
    const float card_y = std::max(oy + ui.px(8), oy + height - m_card_height - ui.px(8));
    ImGui::SetCursorScreenPos(ImVec2(ox + (ui.narrow() ? ui.px(8) : width - card_w - ui.px(8)), card_y));
    ImGui::PushStyleColor(ImGuiCol_ChildBg, IM_COL32(255, 255, 255, 240));
    ImGui::BeginChild("##card", ImVec2(card_w, 0), ImGuiChildFlags_Border | ImGuiChildFlags_AutoResizeY,
                      ImGuiWindowFlags_NoScrollbar);
    ImGui::PushTextWrapPos(0);
    if (m != nullptr) {
        ImGui::PushFont(ui.title_font());
        ImGui::TextUnformatted(ui.audited(display_name(*m, ui.lang())).data());
        ImGui::PopFont();
        std::string facts = std::string(label(m->kind, code(ui.lang())));
        if (!m->region.empty()) facts += " · " + place_name(m->region, ui.lang());
        if (m->country != "UA") facts += " · " + std::string(country_name(m->country, ui.lang()));
        ImGui::TextDisabled("%s", ui.audited(facts).data());
        labelled(ui, Text::col_population, population_text(*m, ui.lang()));
        const int partners = m_model.points()[*m_selected].partners;
        labelled(ui, m->country == "UA" ? Text::foreign_partners : Text::col_partnerships, std::to_string(partners));
        labelled(ui, Text::map_partners_on_map, std::to_string(m_arcs.size()));
        if (action_button(ui, ui.text(Text::open_profile), "map.open_profile", true)) ui.go(municipality_route(m->id));
        if (!ui.narrow()) ImGui::SameLine();
        if (action_button(ui, ui.text(Text::map_clear_selection), "map.clear")) select(ui, std::nullopt);
    } else {
        ImGui::PushFont(ui.title_font());
        ImGui::TextUnformatted(ui.audited(localized(p->title, ui.lang())).data());
        ImGui::PopFont();
        ImGui::TextDisabled("%s", ui.audited(std::string(label(p->kind, code(ui.lang()))) + " · " +
                                             format_date(p->signed_on, ui.lang()))
                                      .data());
        labelled(ui, Text::col_parties, std::to_string(p->parties.size()));
        if (action_button(ui, ui.text(Text::open_partnership), "map.open_partnership", true))
            ui.go(partnership_route(p->id));
    }
    ImGui::PopTextWrapPos();
    ImGui::EndChild();
    m_card_height = ImGui::GetItemRectSize().y;
    ImGui::PopStyleColor();
}

void MapPanel::draw_map(UiContext& ui, float width, float height) {
    ImGuiIO& io = ImGui::GetIO();
    const ImVec2 origin = ImGui::GetCursorScreenPos();
    m_view.set_size(width, height);
    switch (m_fit) {
        case Fit::ukraine: m_view.fit(map::ukraine_box(), ui.px(8)); break;
        case Fit::europe: m_view.fit(map::europe_box(), ui.px(8)); break;
        case Fit::selection: {
            std::vector<map::Vec> ends;
            if (m_selected) ends.push_back(m_model.points()[*m_selected].at);
            for (const map::Arc& arc : m_arcs) {
                ends.push_back(m_model.points()[arc.from].at);
                ends.push_back(m_model.points()[arc.to].at);
            }
            map::Box box = ends.empty() ? map::ukraine_box() : map::bounds(ends);
            // Partners beyond Europe (Pretoria, Chengdu) get arcs leading off the map rather than
            // shrinking Europe to a speck.
            const map::Box europe = map::europe_box();
            box = {std::max(box.min_x, europe.min_x), std::max(box.min_y, europe.min_y),
                   std::min(box.max_x, europe.max_x), std::min(box.max_y, europe.max_y)};
            if (box.min_x > box.max_x || box.min_y > box.max_y) box = map::ukraine_box();  // everyone far away
            if (m_selected) {
                const map::Vec at = m_model.points()[*m_selected].at;
                box = {std::min(box.min_x, at.x), std::min(box.min_y, at.y), std::max(box.max_x, at.x),
                       std::max(box.max_y, at.y)};
            }
            // Never closer than a region's worth around a community with no partners.
            const float min_span = 250;
            const float cx = (box.min_x + box.max_x) * 0.5f, cy = (box.min_y + box.max_y) * 0.5f;
            box = {std::min(box.min_x, cx - min_span), std::min(box.min_y, cy - min_span),
                   std::max(box.max_x, cx + min_span), std::max(box.max_y, cy + min_span)};
            m_view.fit(box, ui.px(40));
            break;
        }
        case Fit::none: break;
    }
    m_fit = Fit::none;

    // The surface takes mouse drags, the wheel and (through the input layer) touch pans and pinches.
    ImGui::InvisibleButton("##surface", ImVec2(width, height), ImGuiButtonFlags_MouseButtonLeft);
    ui.mark_target("map.canvas");
    platform::set_gesture_surface({origin.x, origin.y, width, height});
    const bool hovered = ImGui::IsItemHovered();
    if (ImGui::IsItemActivated()) m_dragged = false;
    if (ImGui::IsItemActive() && ImGui::IsMouseDragging(ImGuiMouseButton_Left, ui.px(3))) {
        m_view.pan(io.MouseDelta.x, io.MouseDelta.y);
        m_dragged = true;
    }
    if (hovered && io.MouseWheel != 0)
        m_view.zoom_at(std::pow(1.25f, io.MouseWheel), io.MousePos.x - origin.x, io.MousePos.y - origin.y);
    const platform::Gesture gesture = platform::take_gesture();
    if (gesture.pan_x != 0 || gesture.pan_y != 0) m_view.pan(gesture.pan_x, gesture.pan_y);
    if (gesture.zoom != 1 && gesture.x >= 0) m_view.zoom_at(gesture.zoom, gesture.x - origin.x, gesture.y - origin.y);
    if (hovered && !io.WantTextInput) {
        if (ImGui::IsKeyPressed(ImGuiKey_Equal) || ImGui::IsKeyPressed(ImGuiKey_KeypadAdd))
            m_view.zoom_at(1.5f, width / 2, height / 2);
        if (ImGui::IsKeyPressed(ImGuiKey_Minus) || ImGui::IsKeyPressed(ImGuiKey_KeypadSubtract))
            m_view.zoom_at(1 / 1.5f, width / 2, height / 2);
    }
    const bool clicked = ImGui::IsItemDeactivated() && !m_dragged && hovered;
    const bool double_clicked = hovered && ImGui::IsMouseDoubleClicked(ImGuiMouseButton_Left);
    m_level = map::level_for(m_view.scale(), ui.px(1));

    ImDrawList& draw = *ImGui::GetWindowDrawList();
    draw.PushClipRect(origin, ImVec2(origin.x + width, origin.y + height), true);
    draw.AddRectFilled(origin, ImVec2(origin.x + width, origin.y + height), land_colour);
    draw_outlines(ui, draw, origin.x, origin.y);
    const bool pointer = hovered && io.MousePos.x > -1e30f;
    draw_points(ui, draw, origin.x, origin.y, pointer ? io.MousePos.x - origin.x : -1,
                pointer ? io.MousePos.y - origin.y : -1);
    draw_arcs(ui, draw, origin.x, origin.y);
    if (m_selected) {
        const map::Point& p = m_model.points()[*m_selected];
        const map::Vec s = m_view.to_screen(p.at);
        draw.AddCircle(ImVec2(origin.x + s.x, origin.y + s.y), ui.px(p.radius + 5), ukraine_border, 24, ui.px(2.5f));
    }
    draw_labels(ui, draw, origin.x, origin.y);
    draw.PopClipRect();

    if (m_hovered && !m_dragged && io.MouseSource == ImGuiMouseSource_Mouse) {
        const map::Point& p = m_model.points()[*m_hovered];
        std::string tip = display_name(*p.municipality, ui.lang());
        if (const std::string population = population_text(*p.municipality, ui.lang()); !population.empty())
            tip += "\n" + std::string(ui.text(Text::col_population)) + ": " + population;
        tip += "\n" +
               std::string(ui.text(p.shade == map::Shade::foreign ? Text::col_partnerships : Text::foreign_partners)) +
               ": " + std::to_string(p.partners);
        ImGui::SetTooltip("%s", ui.audited(tip).data());
        ImGui::SetMouseCursor(ImGuiMouseCursor_Hand);
    }
    if (double_clicked && m_hovered) {
        ui.go(municipality_route(m_model.points()[*m_hovered].municipality->id));
    } else if (clicked) {
        select(ui, m_hovered);
    }

    // Over the map: the legend (top left) and the zoom buttons (top right).
    if (!m_show_legend) m_show_legend = !ui.narrow();
    if (*m_show_legend) draw_legend(ui, origin.x, origin.y);
    const float button = ui.narrow() ? ui.px(44) : ImGui::GetFrameHeight() * 1.2f;
    // A window of their own over the map, so a click there reaches the buttons, not the map under them.
    const ImGuiStyle& style = ImGui::GetStyle();
    ImGui::SetCursorScreenPos(ImVec2(origin.x + width - button - ui.px(8), origin.y + ui.px(8)));
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(0, 0));
    ImGui::BeginChild(
        "##zoom", ImVec2(button, 3 * button + 2 * style.ItemSpacing.y), ImGuiChildFlags_None,
        ImGuiWindowFlags_NoBackground | ImGuiWindowFlags_NoScrollbar | ImGuiWindowFlags_NoScrollWithMouse);
    if (overlay_button(ui, "+", Text::map_zoom_in, "map.zoom_in", button)) m_view.zoom_at(1.6f, width / 2, height / 2);
    if (overlay_button(ui, "-", Text::map_zoom_out, "map.zoom_out", button))
        m_view.zoom_at(1 / 1.6f, width / 2, height / 2);
    if (overlay_button(ui, "i", Text::map_legend, "map.legend_toggle", button)) m_show_legend = !*m_show_legend;
    ImGui::EndChild();
    ImGui::PopStyleVar();
    draw_card(ui, origin.x, origin.y, width, height);
    if (m_source.state() != map::Source::State::ready) {
        ImGui::SetCursorScreenPos(
            ImVec2(origin.x + ui.px(8), origin.y + height - ImGui::GetTextLineHeightWithSpacing() - ui.px(4)));
        ImGui::TextDisabled("%s", ui.text(m_source.state() == map::Source::State::error ? Text::map_outlines_failed
                                                                                        : Text::map_outlines_loading));
        if (m_source.state() == map::Source::State::error) {
            ImGui::SameLine();
            if (link(ui, ui.text(Text::retry), "map.retry")) m_source.load();
        }
    }
}

void MapPanel::publish(UiContext& ui) const {
    nlohmann::json arcs = m_arcs.size();
    ui.report().map = {
        {"selected", m_selected_id.empty() ? nlohmann::json(nullptr) : nlohmann::json(m_selected_id)},
        {"partnership", m_focus.empty() ? nlohmann::json(nullptr) : nlohmann::json(m_focus)},
        {"arcs", std::move(arcs)},
        {"points", m_model.points().size()},
        {"points_drawn", m_points_drawn},
        {"communities", m_model.communities()},
        {"without_foreign_partner", m_model.without_foreign_partner()},
        {"labels", m_labels},
        {"outlines", map::to_string(m_source.state())},
        {"outline_points", m_source.outlines().points},
        {"level", m_level},
        {"scale", m_view.scale()},
        {"centre", {m_view.centre().x, m_view.centre().y}},
        {"filters",
         {{"kind", m_filters.partnerships.kinds.empty() ? std::string()
                                                        : std::string(to_string(m_filters.partnerships.kinds[0]))},
          {"country", m_filters.partnerships.partner_country},
          {"year_from", m_filters.partnerships.year_from},
          {"year_to", m_filters.partnerships.year_to},
          {"band", m_filters.band}}},
    };
}

void MapPanel::draw(UiContext& ui) {
    m_source.load();
    update_model(ui);
    map_tabs(ui);
    draw_toolbar(ui);
    if (m_show_filters) draw_filters(ui);
    const ImVec2 room = ImGui::GetContentRegionAvail();
    draw_map(ui, room.x, std::max(room.y, ui.px(240)));
    ui.report().selected = m_selected_id;
    publish(ui);
}

}  // namespace prd::web
