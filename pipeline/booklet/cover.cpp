// The cover: the issuing body at the head, the title lines, the congress and its term in
// the upper middle, the emblem under them, place and month/year at the foot. All centred.
#include <algorithm>
#include <optional>
#include <stdexcept>

#include "pipeline/booklet/setter.hpp"
#include "pipeline/core/i18n.hpp"
#include "pipeline/layout/image.hpp"
#include "pipeline/text/template.hpp"

namespace vanban::booklet::detail {

namespace {

/// Sets `text` centred across the text width, first baseline at `y`; returns the next baseline.
Sp centred(layout::Page& page, const std::string& text, const Look& look, const BookStyle& st, const Setter& set, Sp y) {
  if (text.empty()) return y;
  return place(page, set.lines(text, look, st.width - st.inner - st.outer, style::Align::Center), st.inner, y,
               pitch(look.size));
}

/// The foot: "{place}, tháng {month} năm {year}" (or the parts given).
std::string foot_text(const Booklet& b, const BookStyle& st) {
  if (!b.date) return b.place;
  return text::fill(st.cover_foot_format, [&](std::string_view key) -> std::optional<std::string> {
    if (key == "place") return b.place.empty() ? "…" : b.place;
    if (key == "month") return std::to_string(b.date->month);
    if (key == "year") return std::to_string(b.date->year);
    return std::nullopt;
  });
}

}  // namespace

layout::Page cover_page(const Booklet& b, const BookStyle& st, const Setter& set) {
  layout::Page page;
  page.width = st.width;
  page.height = st.height;
  Sp y = st.top + st.cover_issuer.size;
  y = centred(page, b.parent, st.cover_parent, st, set, y);
  y = centred(page, b.issuer, st.cover_issuer, st, set, y);
  // The title block sits a third of the way down, or under the head when that is lower.
  y = std::max(y + st.cover_title.size, st.height / 3);
  for (const auto& line : b.title) y = centred(page, line, st.cover_title, st, set, y);
  y += st.cover_line.size / 2;
  y = centred(page, b.congress, st.cover_line, st, set, y);
  y = centred(page, b.term, st.cover_line, st, set, y);
  const Sp foot = st.height - st.bottom;
  if (!b.cover_image.empty()) {
    layout::ImageInfo info;
    try {
      info = layout::probe_image(b.cover_image);
    } catch (const std::runtime_error& e) {
      fail(b.cover_image_pos, tr("cover image: {}", e.what()), tr("use a PNG or JPEG file"));
    }
    const Sp w = st.cover_image_width;
    const Sp h = static_cast<Sp>(static_cast<double>(w) * info.height / std::max(info.width, 1));
    const Sp top = y + st.cover_line.size;
    if (top + h > foot - 2 * st.cover_foot.size)
      fail(b.cover_image_pos, tr("the cover image does not fit under the title"),
           tr("use a wider than tall image, or a smaller `cover.image-width` in the booklet style"));
    page.images.push_back({b.cover_image, (st.width - w) / 2, top, w, h});
    y = top + h;
  }
  const std::string foot_line = foot_text(b, st);
  const Sp foot_y = foot - st.cover_foot.size / 4;
  if (!foot_line.empty() && foot_y - st.cover_foot.size < y)
    fail(set.where, tr("the cover's texts do not fit on its page"),
         tr("shorten the title lines, or use fewer of them"));
  centred(page, foot_line, st.cover_foot, st, set, foot_y);
  return page;
}

}  // namespace vanban::booklet::detail
