// The outlines' own functions: rounding a ring and Douglas-Peucker simplification for the map's
// zoom levels.

#include "import/outlines.hpp"

#include <gtest/gtest.h>

namespace prd::import {
namespace {

TEST(Simplify, AStraightLineKeepsOnlyItsEnds) {
    const Ring line = {{0, 0}, {1, 0.001}, {2, 0}, {3, -0.002}, {4, 0}};
    EXPECT_EQ(simplify(line, 0.01), (Ring{{0, 0}, {4, 0}}));
}

TEST(Simplify, AFlatRingCollapsesToNothing) {
    const Ring flat = {{0, 0}, {1, 0}, {2, 0.001}, {1, 0.002}, {0, 0}};
    EXPECT_TRUE(simplify(flat, 0.01).empty());
}

TEST(Simplify, ASquareKeepsItsCornersAndStaysClosed) {
    const Ring square = {{0, 0}, {0.5, 0}, {1, 0}, {1, 0.5}, {1, 1}, {0.5, 1.01}, {0, 1}, {0, 0.5}, {0, 0}};
    const Ring simple = simplify(square, 0.1);
    EXPECT_EQ(simple, (Ring{{0, 0}, {1, 0}, {1, 1}, {0, 1}, {0, 0}}));
    // Below the bulge at the top the bulge stays.
    EXPECT_EQ(simplify(square, 0.001).size(), 6u);
}

TEST(Simplify, ToleranceZeroKeepsEveryPoint) {
    const Ring square = {{0, 0}, {0.5, 0}, {1, 0}, {1, 1}, {0, 1}, {0, 0}};
    EXPECT_EQ(simplify(square, 0), square);
}

TEST(Simplify, ATinyRingVanishes) {
    const Ring tiny = {{10, 10}, {10.001, 10}, {10.001, 10.001}, {10, 10.001}, {10, 10}};
    EXPECT_TRUE(simplify(tiny, 0.01).empty());
    EXPECT_EQ(simplify(tiny, 0.0001), tiny);
}

TEST(Simplify, ASawOfTinyTeethBecomesItsSquare) {
    // 100,000 teeth a ten-thousandth of the tolerance high along the bottom of a square.
    Ring ring;
    for (int i = 0; i <= 100000; ++i) ring.emplace_back(i * 0.00001, (i % 2) * 0.000001);
    ring.emplace_back(1, 1);
    ring.emplace_back(0, 1);
    ring.emplace_back(0, 0);
    EXPECT_EQ(simplify(ring, 0.01), (Ring{{0, 0}, {1, 0}, {1, 1}, {0, 1}, {0, 0}}));
}

TEST(RoundRing, RoundsDropsRepeatsAndCloses) {
    const Ring ring = {{30.123, 50.456}, {30.121, 50.459}, {31.0, 50.0}, {30.5, 49.0}};
    EXPECT_EQ(round_ring(ring, 2), (Ring{{30.12, 50.46}, {31, 50}, {30.5, 49}, {30.12, 50.46}}));
}

}  // namespace
}  // namespace prd::import
