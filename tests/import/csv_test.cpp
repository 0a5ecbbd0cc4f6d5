#include "import/csv.hpp"

#include <gtest/gtest.h>

namespace prd::import {
namespace {

TEST(Csv, ReadsQuotedFieldsWithDelimitersQuotesAndLineBreaks) {
    const CsvTable table = parse_csv("a,b,c\n\"x, y\",\"say \"\"hi\"\"\",\"two\nlines\"\n1,2,3\n");
    ASSERT_EQ(table.header, (std::vector<std::string>{"a", "b", "c"}));
    ASSERT_EQ(table.rows.size(), 2u);
    EXPECT_EQ(table.rows[0].cells, (std::vector<std::string>{"x, y", "say \"hi\"", "two\nlines"}));
    EXPECT_EQ(table.rows[0].line, 2u);
    EXPECT_EQ(table.rows[1].line, 4u);  // the quoted line break moved it down
}

TEST(Csv, DetectsSemicolonsAndTabsAndHandlesCrlfAndBom) {
    const CsvTable semicolons = parse_csv("\xEF\xBB\xBFКод;Назва\r\nUA01;Крим\r\n");
    EXPECT_EQ(semicolons.header, (std::vector<std::string>{"Код", "Назва"}));
    ASSERT_EQ(semicolons.rows.size(), 1u);
    EXPECT_EQ(semicolons.rows[0].cells, (std::vector<std::string>{"UA01", "Крим"}));

    const CsvTable tabs = parse_csv("a\tb\n1\t\"2\"\n");
    ASSERT_EQ(tabs.rows.size(), 1u);
    EXPECT_EQ(tabs.rows[0].cells[1], "2");

    // GeoNames and the Wikidata TSV use '"' as a letter: read with quotes off.
    const CsvTable plain = parse_csv("a\tb\n1\t\"2\n", {.delimiter = '\t', .quotes = false});
    EXPECT_EQ(plain.rows[0].cells[1], "\"2");
}

TEST(Csv, KeepsEmptyCellsAndSkipsBlankLines) {
    const CsvTable table = parse_csv("a,b,c\n,,\n\n1,,3");
    ASSERT_EQ(table.rows.size(), 2u);
    EXPECT_EQ(table.rows[0].cells, (std::vector<std::string>{"", "", ""}));
    EXPECT_EQ(table.rows[1].cells, (std::vector<std::string>{"1", "", "3"}));
    EXPECT_EQ(cell(table.rows[1], 7), "");
}

TEST(Csv, NamesTheMissingColumnAndTheOpenQuote) {
    const CsvTable table = parse_csv("a,b\n1,2\n");
    EXPECT_EQ(table.column("b"), 1u);
    try {
        table.column("hromada_code");
        FAIL() << "a missing column must throw";
    } catch (const CsvError& e) {
        EXPECT_NE(std::string(e.what()).find("hromada_code"), std::string::npos);
    }
    EXPECT_THROW(parse_csv("a,b\n1,\"open\n"), CsvError);
}

TEST(Csv, RefusesTextThatIsNotUtf8AndNamesTheLine) {
    try {
        parse_csv("name,country\nKrak\xF3w,PL\n");  // Latin-1
        FAIL() << "Latin-1 text must throw";
    } catch (const CsvError& e) {
        EXPECT_NE(std::string(e.what()).find("line 2"), std::string::npos) << e.what();
        EXPECT_NE(std::string(e.what()).find("not UTF-8"), std::string::npos) << e.what();
    }
    EXPECT_THROW(parse_csv("a\xC0\xAF"
                           "b\n"),
                 CsvError);  // an overlong '/'
    EXPECT_NO_THROW(parse_csv("\xEF\xBB\xBFname\nKraków\n"));
}

}  // namespace
}  // namespace prd::import
