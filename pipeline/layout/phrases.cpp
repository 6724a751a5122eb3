/// Where centred Vietnamese names should break: a space separates syllables, not words, so
/// "ỦY BAN NHÂN / DÂN XÃ AN BÌNH" is as legal to the breaker as "ỦY BAN NHÂN DÂN / XÃ AN
/// BÌNH", and only the second reads as the rules' examples do (NĐ 30 Phụ lục I, ô 2: "ỦY
/// BAN NHÂN DÂN / XÃ …"; HD 36 likewise). Issue 13 found "SƯ / PHẠM" split.
#include <algorithm>
#include <array>
#include <iterator>
#include <utility>
#include <string>
#include <string_view>

#include "pipeline/layout/inline_phases.hpp"
#include "pipeline/text/unicode.hpp"

namespace vanban::layout {

namespace {

/// Two syllables that make one word of the names of bodies, places and offices: never
/// broken between in centred text (a typed newline still breaks anywhere).
constexpr std::pair<std::string_view, std::string_view> kBound[] = {
    {"ỦY", "BAN"},      {"UỶ", "BAN"},       {"BAN", "NHÂN"},      {"NHÂN", "DÂN"},     {"HỘI", "ĐỒNG"},
    {"ĐẢNG", "BỘ"},     {"ĐẢNG", "ỦY"},      {"ĐẢNG", "UỶ"},       {"CHI", "BỘ"},       {"BAN", "CHẤP"},
    {"CHẤP", "HÀNH"},   {"BAN", "THƯỜNG"},   {"THƯỜNG", "VỤ"},     {"THỊ", "TRẤN"},     {"THỊ", "XÃ"},
    {"THÀNH", "PHỐ"},   {"CHỦ", "TỊCH"},     {"VĂN", "PHÒNG"},     {"CỘNG", "SẢN"},     {"VIỆT", "NAM"},
    {"SƯ", "PHẠM"},     {"ĐẠI", "HỌC"},      {"CỘNG", "HÒA"},      {"XÃ", "HỘI"},       {"CHỦ", "NGHĨA"},
    {"KIỂM", "TRA"},    {"TUYÊN", "GIÁO"},   {"DÂN", "VẬN"},       {"TỔ", "CHỨC"},      {"MẶT", "TRẬN"},
    {"TỔ", "QUỐC"},     {"ĐẠI", "HỘI"},      {"ĐẠI", "BIỂU"},      {"NHIỆM", "KỲ"},     {"NGHỊ", "QUYẾT"},
    {"QUYẾT", "ĐỊNH"},  {"KẾ", "HOẠCH"},     {"LÃNH", "ĐẠO"},      {"CHỈ", "ĐẠO"},      {"HÀNH", "CHÍNH"},
    {"CHÍNH", "TRỊ"},   {"CHÍNH", "QUYỀN"},  {"ĐOÀN", "THỂ"},      {"XÂY", "DỰNG"},     {"CÔNG", "TÁC"},
    {"NHIỆM", "VỤ"},    {"PHƯƠNG", "HƯỚNG"}, {"TỔNG", "KẾT"},      {"KIỂM", "ĐIỂM"},    {"THỰC", "HIỆN"},
    {"BÁO", "CÁO"},     {"CHƯƠNG", "TRÌNH"}, {"HƯỚNG", "DẪN"},     {"THÔNG", "BÁO"},    {"KẾT", "LUẬN"},
    {"PHÁT", "TRIỂN"},  {"KINH", "TẾ"},      {"VĂN", "HÓA"},       {"QUỐC", "PHÒNG"},   {"AN", "NINH"},
    {"KHU", "VỰC"},     {"DỰ", "ÁN"},        {"ĐẦU", "TƯ"},        {"KỸ", "THUẬT"},     {"ĐỊA", "CHÍNH"},
    {"QUẢN", "LÝ"},     {"TRUNG", "TÂM"},    {"NHÀ", "NƯỚC"},      {"QUỸ", "ĐẤT"},      {"TÀI", "CHÍNH"},
    // Words of summaries (trích yếu), set centred under the type name.
    {"THỦ", "TỤC"},     {"GIẢI", "QUYẾT"},   {"TIẾP", "NHẬN"},     {"BAN", "HÀNH"},     {"QUY", "CHẾ"},
    {"QUY", "ĐỊNH"},    {"SỬA", "ĐỔI"},      {"BỔ", "SUNG"},       {"ĐẤT", "ĐAI"},      {"MÔI", "TRƯỜNG"},
    {"GIÁO", "DỤC"},    {"Y", "TẾ"},         {"NÔNG", "THÔN"},     {"NÔNG", "NGHIỆP"},  {"TÀI", "NGUYÊN"},
    {"CÁN", "BỘ"},      {"CÔNG", "CHỨC"},    {"VIÊN", "CHỨC"},     {"ĐẢNG", "VIÊN"},    {"HỘI", "NGHỊ"},
    {"THÀNH", "LẬP"},   {"KIỆN", "TOÀN"},    {"PHÒNG", "CHỐNG"},   {"THAM", "NHŨNG"},   {"LÃNG", "PHÍ"},
    {"TIÊU", "CỰC"},    {"HOẠT", "ĐỘNG"},    {"CHỨC", "NĂNG"},     {"QUYỀN", "HẠN"},    {"CƠ", "CẤU"},
    {"PHÂN", "CÔNG"},   {"DÂN", "CƯ"},       {"CÔNG", "VIỆC"},     {"DỊCH", "VỤ"},      {"KẾT", "QUẢ"},
    {"NĂM", "HỌC"},     {"ĐỀ", "NGHỊ"},      {"PHÊ", "DUYỆT"},     {"DỰ", "TOÁN"},      {"NGÂN", "SÁCH"},
};

/// Syllables that start a new level of a name or a new phrase: a break before them is
/// preferred ("ỦY BAN NHÂN DÂN / THỊ TRẤN …", "… / CỦA BAN CHẤP HÀNH …", "… / VÀ …").
constexpr std::array<std::string_view, 14> kStarts = {"XÃ",  "PHƯỜNG", "THỊ", "HUYỆN", "QUẬN", "TỈNH", "THÀNH",
                                                       "ĐẶC", "ĐẢNG",   "CHI", "CỦA",   "VỀ",   "TẠI",  "VÀ"};

/// Level words that a name follows: never broken from it ("XÃ / AN BÌNH").
constexpr std::array<std::string_view, 7> kLevels = {"XÃ", "PHƯỜNG", "TRẤN", "HUYỆN", "QUẬN", "TỈNH", "PHỐ"};

/// The bonus for a preferred break (TeX's negative penalty): enough to win among breaks of
/// nearly equal balance, not enough to make a line much longer (balance() bounds that).
constexpr int kPreferred = 150;

/// `word` upper-cased, without the punctuation that may end it.
std::string key(std::string_view word) {
  while (!word.empty() && std::string_view(",;:.)").find(word.back()) != std::string_view::npos)
    word.remove_suffix(1);
  return text::to_upper(word);
}

/// The text of the box at `i`, or empty when `i` is not a drawing box.
std::string_view box_text(const ParagraphItems& p, std::size_t i) {
  if (i >= p.items.size() || p.items[i].type != Item::Type::Box || p.items[i].payload == kNoPiece) return {};
  return p.pieces[p.items[i].payload].text;
}

/// The penalty for breaking between the syllables `before` and `after` (neither empty):
/// kInfPenalty inside a word of kBound or after a level word, -kPreferred before a syllable of kStarts or after a comma, semicolon or
/// colon, else 0.
int phrase_penalty(std::string_view before, std::string_view after) {
  const std::string a = key(before), b = key(after);
  if (std::any_of(std::begin(kBound), std::end(kBound), [&](const auto& w) { return w.first == a && w.second == b; }))
    return kInfPenalty;
  const bool after_mark = std::string_view(",;:").find(before.back()) != std::string_view::npos;
  if (!after_mark && std::find(kLevels.begin(), kLevels.end(), a) != kLevels.end()) return kInfPenalty;
  if (after_mark || std::find(kStarts.begin(), kStarts.end(), b) != kStarts.end()) return -kPreferred;
  return 0;
}

}  // namespace

std::vector<Item> with_phrase_breaks(const ParagraphItems& p, bool bonuses) {
  std::vector<Item> out;
  out.reserve(p.items.size() + p.items.size() / 2);
  for (std::size_t i = 0; i < p.items.size(); ++i) {
    const Item& it = p.items[i];
    // A space the breaker may break at: glue right after a drawing box.
    if (it.type == Item::Type::Glue && !it.fil && i > 0) {
      const std::string_view before = box_text(p, i - 1), after = box_text(p, i + 1);
      if (!before.empty() && !after.empty())
        if (const int pen = phrase_penalty(before, after); pen > 0 || (bonuses && pen < 0))
          out.push_back(Item::pen(pen));
    }
    out.push_back(it);
  }
  return out;
}

}  // namespace vanban::layout
