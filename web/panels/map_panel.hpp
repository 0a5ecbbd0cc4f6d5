#pragma once
// #/map: where the partnerships are. Every Ukrainian community as a dot sized by population and
// coloured by its foreign partners, the foreign municipalities they are partnered with, country
// outlines (Natural Earth 1:50m); a selected community's partnerships as arcs across Europe.
// Drag, wheel, pinch and the +/− buttons move and zoom; a tap selects, a double click opens the
// profile. #/map?m=<id> opens with a community selected, #/map?p=<id> shows a partnership's parties.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include <imgui.h>

#include "app/map_geometry.hpp"
#include "app/map_model.hpp"
#include "app/map_source.hpp"
#include "panels/panel.hpp"

namespace prd::web {

/// The Map | Dashboard switch both views show at the top.
void map_tabs(UiContext& ui);
/// The map's filters as the address holds them (#/map?kind=twinning&country=PL&years=2015-2022&band=0-30).
map::Filters map_filters(const Route& route);
/// Sets one query parameter of the map's address ("" removes it), replacing the history entry.
void set_map_param(UiContext& ui, const std::string& name, std::string value);

class MapPanel final : public Panel {
public:
    Page page() const override { return Page::map; }
    std::string title(UiContext& ui) override;
    void draw(UiContext& ui) override;

private:
    enum class Fit { none, ukraine, europe, selection };

    void update_model(UiContext& ui);
    /// The arcs of the selection, or of the partnership shown.
    void refresh_arcs(const Registry& registry);
    void draw_toolbar(UiContext& ui);
    void draw_filters(UiContext& ui);
    void draw_map(UiContext& ui, float width, float height);
    void draw_outlines(UiContext& ui, ImDrawList& draw, float ox, float oy) const;
    void draw_points(UiContext& ui, ImDrawList& draw, float ox, float oy, float mx, float my);
    void draw_arcs(UiContext& ui, ImDrawList& draw, float ox, float oy) const;
    void draw_labels(UiContext& ui, ImDrawList& draw, float ox, float oy);
    void draw_legend(UiContext& ui, float ox, float oy);
    void draw_card(UiContext& ui, float ox, float oy, float width, float height);
    void select(UiContext& ui, std::optional<std::uint32_t> point);
    void publish(UiContext& ui) const;

    map::Source m_source;
    map::Model m_model;
    map::View m_view;
    map::Filters m_filters;
    std::vector<std::string> m_countries;  ///< foreign countries with partners, for the filter
    int m_first_year = 0;
    int m_last_year = 0;
    int m_generation = -1;
    std::string m_focus;  ///< the partnership shown (?p=)
    std::string m_selected_id;
    std::optional<std::uint32_t> m_selected;
    std::vector<map::Arc> m_arcs;
    std::optional<std::uint32_t> m_hovered;
    Fit m_fit = Fit::ukraine;
    bool m_dragged = false;
    bool m_show_filters = false;
    std::optional<bool> m_show_legend;  ///< open at first on wide screens, folded on phones
    float m_card_height = 0;            ///< the card's height last frame (it is anchored at the bottom)
    std::size_t m_points_drawn = 0;
    std::size_t m_level = 0;
    std::vector<std::string> m_labels;  ///< ids of the points labelled this frame
    /// What the dots' quads were made for: a frame with the same view and model reuses them.
    struct DotKey {
        float scale = 0, cx = 0, cy = 0, width = 0, height = 0, ox = 0, oy = 0, pixel_ratio = 0;
        int model = -1;
        bool operator==(const DotKey&) const = default;
    };
    DotKey m_dot_key;
    int m_model_version = 0;
    std::vector<std::uint32_t> m_visible;  ///< points in view
    std::vector<map::Vec> m_screen;        ///< their positions on the map, in pixels
    std::vector<ImDrawVert> m_dot_vertices;
};

}  // namespace prd::web
