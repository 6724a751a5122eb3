// The template filling of tr(): placeholders in order and by number, missing and extra
// arguments, braces in the arguments; and English never changing a message.
#include "pipeline/core/i18n.hpp"

#include <gtest/gtest.h>

namespace vanban {
namespace {

TEST(FillPlaceholders, FillsInOrder) {
  EXPECT_EQ(fill_placeholders("unknown key `{}` in `{}`", {"x", "header"}), "unknown key `x` in `header`");
}

TEST(FillPlaceholders, NumberedPlaceholdersReorder) {
  EXPECT_EQ(fill_placeholders("{1} trước {0}", {"a", "b"}), "b trước a");
  EXPECT_EQ(fill_placeholders("{0} và {0}", {"a"}), "a và a");
}

TEST(FillPlaceholders, FewerArgumentsLeaveThePlaceholder) {
  EXPECT_EQ(fill_placeholders("{} and {}", {"one"}), "one and {}");
  EXPECT_EQ(fill_placeholders("{3}", {"one"}), "{3}");
}

TEST(FillPlaceholders, ExtraArgumentsAreIgnored) {
  EXPECT_EQ(fill_placeholders("just {}", {"one", "two"}), "just one");
  EXPECT_EQ(fill_placeholders("nothing", {"one"}), "nothing");
}

TEST(FillPlaceholders, BracesInArgumentsAreNotFilledAgain) {
  EXPECT_EQ(fill_placeholders("`{}` then `{}`", {"{}", "b"}), "`{}` then `b`");
  EXPECT_EQ(fill_placeholders("a `{` alone, `{x}` and a trailing {", {}), "a `{` alone, `{x}` and a trailing {");
}

TEST(Tr, NumbersAreWrittenInDecimal) {
  EXPECT_EQ(tr("{} of {}", 3, 12L), "3 of 12");
  EXPECT_EQ(tr("{} mm", 2.5), "2.5 mm");
  EXPECT_EQ(tr("{} mm", 10.0), "10 mm");
}

TEST(Tr, EnglishIsTheMessageItself) {
  ASSERT_TRUE(choose_language("en"));
  EXPECT_EQ(language(), Language::English);
  EXPECT_EQ(tr("unknown key `{}`", std::string("x")), "unknown key `x`");
  EXPECT_EQ(ntr("{} page", "{} pages", 1, 1), "1 page");
  EXPECT_EQ(ntr("{} page", "{} pages", 2, 2), "2 pages");
  EXPECT_FALSE(choose_language("fr"));
}

}  // namespace
}  // namespace vanban
