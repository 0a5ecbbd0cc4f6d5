#pragma once
// The smaller pages: Declarations & calls, My community, Sign in, joining, and "not found".

#include <string>

#include "panels/panel.hpp"

namespace prd::web {

class DeclarationsPanel final : public Panel {
public:
    Page page() const override { return Page::declarations; }
    std::string title(UiContext& ui) override;
    void draw(UiContext& ui) override;
};

class CommunityPanel final : public Panel {
public:
    Page page() const override { return Page::community; }
    std::string title(UiContext& ui) override;
    void draw(UiContext& ui) override;
};

class SigninPanel final : public Panel {
public:
    Page page() const override { return Page::signin; }
    std::string title(UiContext& ui) override;
    void draw(UiContext& ui) override;

private:
    std::string m_token;
    bool m_submitted = false;
};

/// #/join/<code>: an invitation link, exchanged for the person's own token.
class JoinPanel final : public Panel {
public:
    Page page() const override { return Page::join; }
    std::string title(UiContext& ui) override;
    void draw(UiContext& ui) override;

private:
    std::string m_label;
    bool m_submitted = false;
};

class NotFoundPanel final : public Panel {
public:
    Page page() const override { return Page::not_found; }
    std::string title(UiContext& ui) override;
    void draw(UiContext& ui) override;
};

}  // namespace prd::web
