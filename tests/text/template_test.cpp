// `{name}` templates (pipeline/text/template.hpp).
#include <gtest/gtest.h>

#include <map>
#include <optional>
#include <string>

#include "pipeline/text/template.hpp"

namespace vanban::text {
namespace {

std::string fill_from(const std::string& tmpl, const std::map<std::string, std::string>& values) {
  return fill(tmpl, [&](std::string_view key) -> std::optional<std::string> {
    const auto it = values.find(std::string(key));
    if (it == values.end()) return std::nullopt;
    return it->second;
  });
}

TEST(Template, KeysAreReplacedByTheirValues) {
  EXPECT_EQ(fill_from("Số {number}-{code}", {{"number", "12"}, {"code", "BC/ĐU"}}), "Số 12-BC/ĐU");
  EXPECT_EQ(fill_from("{1}.{n}-", {{"1", "4"}, {"n", "2"}}), "4.2-");
}

TEST(Template, UnknownKeysAndLoneBracesStayAsWritten) {
  EXPECT_EQ(fill_from("{place}, ngày {day}", {{"day", "05"}}), "{place}, ngày 05");
  EXPECT_EQ(fill_from("a { b", {}), "a { b");
  EXPECT_EQ(fill_from("a } b {", {}), "a } b {");
}

TEST(Template, AValueIsNotFilledAgain) {
  EXPECT_EQ(fill_from("{a}{b}", {{"a", "{b}"}, {"b", "x"}}), "{b}x");
}

}  // namespace
}  // namespace vanban::text
