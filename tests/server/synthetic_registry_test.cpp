#include <gtest/gtest.h>

#include <set>

#include "generate/synthetic_registry.hpp"
#include "seed/default_registry.hpp"

namespace prd::server {
namespace {

TEST(SyntheticRegistry, GrowsTheRealOneToValidRecordsTheSameForTheSameSeed) {
    const auto& real = default_snapshot();
    const GenerateOptions options{real.municipalities.size() + 3000, real.partnerships.size() + 2000, 7};
    const auto snapshot = generate_registry(real, options);
    EXPECT_EQ(snapshot.municipalities.size(), options.municipalities);
    EXPECT_EQ(snapshot.partnerships.size(), options.partnerships);
    // The core's own checks: ids, names, coordinates, sectors, parties that exist.
    const auto registry = Registry::from_snapshot(snapshot);
    EXPECT_EQ(registry.municipalities().size(), options.municipalities);
    std::set<std::string> countries;
    std::size_t ukrainian = 0, with_needs = 0;
    for (std::size_t i = real.municipalities.size(); i < snapshot.municipalities.size(); ++i) {
        const auto& m = snapshot.municipalities[i];
        countries.insert(m.country);
        ukrainian += m.country == "UA";
        with_needs += !m.needs.empty();
        ASSERT_TRUE(m.location) << m.id;
        if (m.country == "UA") {
            EXPECT_FALSE(m.names.uk.empty()) << m.id;
        }
    }
    EXPECT_GT(countries.size(), 20u);
    EXPECT_GT(ukrainian, 300u);
    EXPECT_GT(with_needs, 1000u);
    const auto again = generate_registry(real, options);
    EXPECT_EQ(to_json(again).dump(), to_json(snapshot).dump());
    EXPECT_NE(to_json(generate_registry(real, {options.municipalities, options.partnerships, 8})).dump(),
              to_json(snapshot).dump());
}

TEST(SyntheticRegistry, SmallerThanTheRealOneKeepsOnlyConsistentPartnerships) {
    const auto snapshot = generate_registry(default_snapshot(), {500, 100, 1});
    EXPECT_EQ(snapshot.municipalities.size(), 500u);
    EXPECT_EQ(snapshot.partnerships.size(), 100u);
    EXPECT_NO_THROW(Registry::from_snapshot(snapshot));
}

}  // namespace
}  // namespace prd::server
