#include "pipeline/booklet/values.hpp"

#include <charconv>

#include "pipeline/core/i18n.hpp"

namespace vanban::booklet::detail {

std::optional<Sp> length(source::Fields& f, const std::string& key, const source::Entry* e) {
  const auto s = f.scalar(key, e);
  if (!s) return std::nullopt;
  double number = 0;
  const char* end = s->data() + s->size();
  const auto [rest, ec] = std::from_chars(s->data(), end, number);
  const std::string unit(rest, end);
  const auto bad = [&](const std::string& message) -> std::optional<Sp> {
    f.diags().error(f.text_pos(e->value), message, tr("write a length such as `3mm` or `11pt`"));
    return std::nullopt;
  };
  if (ec != std::errc() || rest == s->data()) return bad(tr("`{}` must be a length, not `{}`", key, *s));
  Sp value = 0;
  if (unit == "mm") value = mm(number);
  else if (unit == "pt") value = pt(number);
  else if (unit == "cm") value = mm(number * 10);
  else if (unit.empty() && number == 0) value = 0;
  else return bad(tr("`{}`: unknown length unit in `{}`", key, *s));
  // (Bounded: a booklet page is a few hundred mm; the sums stay far inside int64.)
  if (number < 0 || value > mm(1000)) return bad(tr("`{}` is out of range: `{}`", key, *s));
  return value;
}

std::optional<int> whole(source::Fields& f, const std::string& key, const source::Entry* e, int low, int high) {
  const auto s = f.scalar(key, e);
  if (!s) return std::nullopt;
  int n = 0;
  const auto [rest, ec] = std::from_chars(s->data(), s->data() + s->size(), n);
  if (ec != std::errc() || rest != s->data() + s->size() || n < low || n > high) {
    f.diags().error(f.text_pos(e->value), tr("`{}` must be a whole number from {} to {}, not `{}`", key, low, high, *s),
                    tr("write digits only, e.g. `{}: {}`", key, high > 16 ? 16 : high));
    return std::nullopt;
  }
  return n;
}

}  // namespace vanban::booklet::detail
