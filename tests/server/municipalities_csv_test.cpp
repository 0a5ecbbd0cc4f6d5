#include <gtest/gtest.h>

#include <sstream>

#include "export/municipalities_csv.hpp"
#include "import/csv.hpp"
#include "seed/default_registry.hpp"

namespace prd::server {
namespace {

using import::csv_text_cell;

TEST(MunicipalitiesCsv, CellsASpreadsheetWouldRunAsFormulasAreNeutralised) {
    EXPECT_EQ(csv_text_cell("=HYPERLINK(\"http://evil.example\",\"Kyiv\")"),
              "\"'=HYPERLINK(\"\"http://evil.example\"\",\"\"Kyiv\"\")\"");
    EXPECT_EQ(csv_text_cell("+380 44"), "'+380 44");
    EXPECT_EQ(csv_text_cell("-2+3"), "'-2+3");
    EXPECT_EQ(csv_text_cell("@SUM(A1)"), "'@SUM(A1)");
    EXPECT_EQ(csv_text_cell("\t=1"), "'\t=1");
    EXPECT_EQ(csv_text_cell("\r=1"), "\"'\r=1\"");
    EXPECT_EQ(csv_text_cell("Kyiv, city"), "\"Kyiv, city\"");
    EXPECT_EQ(csv_text_cell("Київ"), "Київ");
    EXPECT_EQ(csv_text_cell(""), "");
}

TEST(MunicipalitiesCsv, AnEditedNameIsExportedAsText) {
    auto snapshot = default_snapshot();
    snapshot.municipalities.front().names.en = "=cmd|' /C calc'!A0";
    const auto registry = Registry::from_snapshot(snapshot);
    std::ostringstream out;
    write_municipalities_csv(registry, out);
    const auto csv = out.str();
    EXPECT_NE(csv.find(",'=cmd|' /C calc'!A0,"), std::string::npos);
    EXPECT_EQ(csv.find(",=cmd"), std::string::npos);
    // Negative coordinates stay numbers.
    EXPECT_EQ(csv.find(",'-"), std::string::npos);
}

}  // namespace
}  // namespace prd::server
