// The registry compiled into the server carries the seed facts of the 2022 Kyiv Investment Forum.
#include <gtest/gtest.h>

#include <algorithm>

#include "registry/registry.hpp"
#include "seed/default_registry.hpp"

namespace prd {
namespace {

constexpr const char* kKyiv = "UA80000000000093317";

const Registry& default_registry() {
    static const Registry registry = Registry::from_snapshot(server::default_snapshot());
    return registry;
}

std::string native_name(const std::string& id) {
    const auto* m = default_registry().find_municipality(id);
    return m ? m->names.native : "?" + id;
}

TEST(DefaultRegistry, KyivIsThereWithItsKatottgCode) {
    const auto* kyiv = default_registry().find_municipality(kKyiv);
    ASSERT_NE(kyiv, nullptr);
    EXPECT_EQ(kyiv->names.uk, "Київ");
    EXPECT_EQ(kyiv->names.en, "Kyiv");
    EXPECT_EQ(kyiv->kind, MunicipalityKind::special_status_city);
}

TEST(DefaultRegistry, TheBrusselsJointDeclarationHasTwelveSignatoriesAndIsOpenToJoin) {
    const Partnership* declaration = nullptr;
    for (const auto& [id, p] : default_registry().partnerships())
        if (p.kind == PartnershipKind::joint_declaration && p.place == "Brussels") declaration = &p;
    ASSERT_NE(declaration, nullptr);
    EXPECT_TRUE(declaration->open_to_join);
    EXPECT_EQ(declaration->signed_on, "2022-11-28");
    std::vector<std::string> signatories;
    for (const auto& party : declaration->parties) signatories.push_back(native_name(party.municipality));
    std::sort(signatories.begin(), signatories.end());
    std::vector<std::string> expected = {"Berlin", "Bruxelles / Brussel", "Helsinki", "Lyon", "Paris", "Podgorica",
                                         "Poznań", "Rīga", "Roma", "Sarajevo", "Vilnius", "Київ"};
    std::sort(expected.begin(), expected.end());
    EXPECT_EQ(signatories, expected);
}

TEST(DefaultRegistry, KyivCarriesTheFourBilateralAgreementsOfTheForum) {
    std::vector<std::pair<PartnershipKind, std::string>> bilateral;
    for (const auto* p : default_registry().partnerships_of(kKyiv)) {
        // Kyiv has many older twinnings too; these are the ones signed at the forum.
        if (p->kind == PartnershipKind::joint_declaration || p->signed_on != "2022-11-28" || p->place != "Brussels") continue;
        ASSERT_EQ(p->parties.size(), 2u);
        const auto& other = p->parties[0].municipality == kKyiv ? p->parties[1] : p->parties[0];
        bilateral.emplace_back(p->kind, default_registry().find_municipality(other.municipality)->names.en);
    }
    std::sort(bilateral.begin(), bilateral.end());
    const std::vector<std::pair<PartnershipKind, std::string>> expected = {
        {PartnershipKind::twinning, "Dublin"},
        {PartnershipKind::memorandum, "Helsinki"},
        {PartnershipKind::friendly_relations, "Sarajevo"},
        {PartnershipKind::cooperation_agreement, "Brussels"},
    };
    EXPECT_EQ(bilateral, expected);
}

TEST(DefaultRegistry, EveryRecordIsValid) {
    for (const auto& [id, m] : default_registry().municipalities()) EXPECT_TRUE(validate(m).empty()) << id;
    for (const auto& [id, p] : default_registry().partnerships()) EXPECT_TRUE(validate(p).empty()) << id;
}

}  // namespace
}  // namespace prd
