// The first page's top: the header grid (issuing body, regime line, number and symbol,
// place and date, marks), the type name ("BÁO CÁO") and the title and subtitle lines.
#include <array>
#include <cstdlib>

#include "pipeline/core/i18n.hpp"
#include "pipeline/import/inline.hpp"
#include "pipeline/import/recognize.hpp"

namespace vanban::importer {
namespace {

struct KindName {
  std::string_view upper;
  std::string_view kind;
};
// The type names of the documents both styles know (styles/*.yaml `title.kinds`).
constexpr KindName kKinds[] = {{"BÁO CÁO", "bao-cao"},   {"NGHỊ QUYẾT", "nghi-quyet"}, {"QUYẾT ĐỊNH", "quyet-dinh"},
                               {"KẾ HOẠCH", "ke-hoach"}, {"TỜ TRÌNH", "to-trinh"},     {"THÔNG BÁO", "thong-bao"},
                               {"CHƯƠNG TRÌNH", "chuong-trinh"}};

struct MarkName {
  std::string_view upper;
  std::string_view mark;
};
constexpr MarkName kMarks[] = {{"DỰ THẢO", "du-thao"},   {"MẬT", "mat"},           {"TỐI MẬT", "toi-mat"},
                               {"TUYỆT MẬT", "tuyet-mat"}, {"KHẨN", "khan"},         {"THƯỢNG KHẨN", "thuong-khan"},
                               {"HỎA TỐC", "hoa-toc"},     {"HOẢ TỐC", "hoa-toc"},   {"LƯU HÀNH NỘI BỘ", "luu-hanh-noi-bo"}};

/// The kind named by a type-name line in capitals, or empty.
std::string_view kind_of(const Paragraph& p) {
  if (!is_upper_text(p.plain) || p.plain.size() > 200) return {};
  const std::string up = upper_nfc(p.plain);
  for (const KindName& k : kKinds)
    if (up.rfind(k.upper, 0) == 0 && (up.size() == k.upper.size() || up[k.upper.size()] == ' ')) return k.kind;
  return {};
}

/// Ends with a full stop, not with dots left to fill ("…." or "....").
bool ends_sentence(std::string_view s) {
  if (s.empty() || s.back() != '.') return false;
  s.remove_suffix(1);
  return !(s.ends_with(".") || s.ends_with("…"));
}

bool is_mark(const Paragraph& p) { return part_mark(p.plain) || section_mark(p.plain) || bullet_mark(p.plain); }

/// The integer after `word` in `up` ("NGÀY 05" -> 5), 0 when there is none.
int number_after(const std::string& up, std::string_view word) {
  const std::size_t at = up.find(word);
  if (at == std::string::npos) return 0;
  std::size_t i = at + word.size();
  while (i < up.size() && up[i] == ' ') ++i;
  int v = 0, digits = 0;
  while (i < up.size() && up[i] >= '0' && up[i] <= '9' && digits < 5) v = v * 10 + (up[i++] - '0'), ++digits;
  return digits ? v : 0;
}

/// "Số 12-BC/ĐU", "Số: 15/BC-UBND", "Số:    -BC/ĐU".
void read_number(Context& cx, const Paragraph& p, OutDocument& doc) {
  std::string_view s = p.plain;
  s.remove_prefix(std::string_view("Số").size());
  while (!s.empty() && (s[0] == ':' || s[0] == ' ')) s.remove_prefix(1);
  int v = 0, digits = 0;
  while (!s.empty() && s[0] >= '0' && s[0] <= '9' && digits < 6) v = v * 10 + (s[0] - '0'), ++digits, s.remove_prefix(1);
  if (digits) doc.number = v;
  while (!s.empty() && (s[0] == '.' || s[0] == ' ' || s.substr(0, 3) == "…")) s.remove_prefix(s[0] == '.' || s[0] == ' ' ? 1 : 3);
  if (!s.empty() && (s[0] == '-' || s[0] == '/')) s.remove_prefix(1);
  doc.code = std::string(trim(s));
  if (doc.code.empty())
    cx.warn(p, tr("no symbol (ký hiệu) after the number"), tr("add `code:` to document.yaml, e.g. BC/ĐU"));
}

/// "Hà Tĩnh, ngày 05 tháng 3 năm 2025" (any part may be a blank to fill).
void read_place_date(const Paragraph& p, OutDocument& doc) {
  const std::string up = upper_nfc(p.plain);
  const std::size_t comma = up.find(", NGÀY");
  doc.place = comma == std::string::npos ? "" : std::string(trim(std::string_view(p.plain).substr(0, comma)));
  const int d = number_after(up, "NGÀY"), m = number_after(up, "THÁNG"), y = number_after(up, "NĂM");
  if (d >= 1 && d <= 31 && m >= 1 && m <= 12 && y >= 1900 && y <= 2200) doc.year = y, doc.month = m, doc.day = d;
}

/// Classifies one line of the header grid; names of bodies are collected in `names`.
void read_header_line(Context& cx, const Paragraph& p, OutDocument& doc, std::vector<std::string>& names, bool& regime_seen) {
  if (p.plain.empty()) return;
  const std::string up = upper_nfc(p.plain);
  const auto contains = [&](std::string_view w) { return up.find(w) != std::string::npos; };
  if (contains("ĐẢNG CỘNG SẢN VIỆT NAM")) {
    doc.style = "dang", regime_seen = true, ++cx.counts.style;
  } else if (contains("CỘNG HÒA XÃ HỘI CHỦ NGHĨA") || contains("CỘNG HOÀ XÃ HỘI CHỦ NGHĨA")) {
    doc.style = "nha-nuoc", regime_seen = true, ++cx.counts.style;
  } else if (up.rfind("ĐỘC LẬP", 0) == 0 || is_decoration(p.plain)) {
    ++cx.counts.style;
  } else if (const std::size_t n = std::string_view("SỐ").size();
             up.rfind("SỐ", 0) == 0 && up.size() > n && (up[n] == ':' || up[n] == ' ' || (up[n] >= '0' && up[n] <= '9'))) {
    read_number(cx, p, doc), ++cx.counts.fields;
  } else if (contains(", NGÀY") || up.rfind("NGÀY ", 0) == 0) {
    read_place_date(p, doc), ++cx.counts.fields;
  } else if (up.rfind("V/V", 0) == 0) {
    doc.title = escape_markup(std::string(trim(std::string_view(p.plain).substr(3)))), ++cx.counts.fields;
  } else {
    for (const MarkName& m : kMarks)
      if (up == m.upper) {
        doc.marks.emplace_back(m.mark), ++cx.counts.fields;
        return;
      }
    if (is_upper_text(p.plain)) {
      names.push_back(p.plain), ++cx.counts.fields;
    } else {
      doc.comments.push_back("header line not understood (" + p.pos.file + ":" + std::to_string(p.pos.line) + "): " + p.plain);
      ++cx.counts.comments;
      cx.warn(p, tr("header line not understood; kept as a comment in document.yaml"));
    }
  }
}

/// The header grid: paragraphs and the cells of borderless tables, column by column.
void read_header(Context& cx, std::size_t end, OutDocument& doc) {
  std::vector<std::string> names;
  bool regime_seen = false;
  for (std::size_t i = 0; i < end; ++i) {
    const Item& item = cx.src.items[i];
    if (const auto* p = std::get_if<Paragraph>(&item)) {
      ++cx.counts.read;
      read_header_line(cx, *p, doc, names, regime_seen);
    } else if (const auto* t = std::get_if<Table>(&item)) {
      std::size_t columns = 0;
      for (const auto& row : t->rows) columns = std::max(columns, row.size());
      for (std::size_t c = 0; c < columns; ++c)
        for (const auto& row : t->rows)
          if (c < row.size())
            for (const Paragraph& cell : row[c].paragraphs)
              if (!cell.plain.empty()) ++cx.counts.read, read_header_line(cx, cell, doc, names, regime_seen);
    } else {
      const auto& u = std::get<Unknown>(item);
      doc.comments.push_back("not imported: " + u.what + " (" + u.pos.file + ":" + std::to_string(u.pos.line) + ")");
      cx.warn(u.pos, "", tr("{} in the header: not imported, noted in document.yaml", u.what));
    }
  }
  if (names.size() == 1) doc.issuer = names[0];
  if (names.size() >= 2) {
    doc.parent = names[0];
    for (std::size_t k = 1; k < names.size(); ++k) doc.issuer += (k > 1 ? " " : "") + names[k];
  }
  const SourcePos top{cx.src.file, 1, 1};
  if (doc.issuer.empty()) {
    doc.issuer = "…";
    cx.warn(top, "", tr("no issuing body found in the header; `issuer` is left as a placeholder"),
            tr("fill in header.issuer in document.yaml"));
  }
  if (!regime_seen)
    cx.warn(top, "",
            tr("no “ĐẢNG CỘNG SẢN VIỆT NAM” nor national motto line in the header; style `{}` chosen", doc.style),
            tr("set `style:` in document.yaml to dang or nha-nuoc"));
}

/// Whether paragraph `p` can continue the title block (summary or subtitle lines).
bool title_line(const Context& cx, const Paragraph& p) {
  if (is_mark(p) || p.plain.size() > 240 || starts_with_upper(p.plain, "KÍNH GỬI")) return false;
  if (cx.docx && !p.centered) return false;
  return p.plain.back() != ':' && !ends_sentence(p.plain);
}

}  // namespace

std::size_t read_front(Context& cx, OutDocument& doc, std::vector<OutBlock>& preamble) {
  const auto& items = cx.src.items;
  std::size_t type_at = items.size();
  for (std::size_t i = 0; i < items.size() && i < 80; ++i) {
    const auto* p = std::get_if<Paragraph>(&items[i]);
    if (!p) continue;
    if (part_mark(p->plain) || section_mark(p->plain)) break;
    if (!kind_of(*p).empty()) {
      type_at = i;
      break;
    }
  }
  if (type_at == items.size()) {
    cx.warn(SourcePos{cx.src.file, 1, 1}, "",
            tr("no type name line (BÁO CÁO, NGHỊ QUYẾT, TỜ TRÌNH, ...) found: kind `bao-cao` and a blank title"),
            tr("set `kind:` and `title:` in document.yaml"));
    read_header(cx, 0, doc);
    doc.title = "…";
    return 0;
  }
  read_header(cx, type_at, doc);
  const Paragraph& type = std::get<Paragraph>(items[type_at]);
  ++cx.counts.read, ++cx.counts.fields;
  doc.kind = std::string(kind_of(type));
  std::size_t i = type_at + 1;
  const auto next_paragraph = [&]() -> const Paragraph* {
    return i < items.size() ? std::get_if<Paragraph>(&items[i]) : nullptr;
  };
  const std::string up = upper_nfc(type.plain);
  bool bare = false;
  for (const KindName& k : kKinds) bare = bare || up == k.upper;
  if (!bare) {
    doc.title = escape_markup(sentence_case(type.plain));
  } else if (const Paragraph* p = next_paragraph(); p && title_line(cx, *p)) {
    doc.title = escape_markup(p->plain), ++cx.counts.read, ++cx.counts.fields, ++i;
  } else if (doc.title.empty()) {
    doc.title = escape_markup(sentence_case(type.plain));
  }
  for (const Paragraph* p = next_paragraph(); p && title_line(cx, *p) && doc.subtitle.size() < 5; ++i, p = next_paragraph()) {
    ++cx.counts.read;
    if (is_decoration(p->plain)) {
      ++cx.counts.style;
    } else {
      doc.subtitle.push_back(escape_markup(p->plain)), ++cx.counts.fields;
    }
  }
  if (const Paragraph* p = next_paragraph(); p && starts_with_upper(p->plain, "KÍNH GỬI")) {
    OutBlock b;
    b.text = p->text, b.align = "center", b.no_indent = true, b.line = p->pos.line;
    preamble.push_back(std::move(b));
    ++cx.counts.read, ++cx.counts.text, ++i;
  }
  return i;
}

}  // namespace vanban::importer
