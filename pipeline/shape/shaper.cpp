/// HarfBuzz shaping with a per-(font, word) cache.
#include "pipeline/shape/shaper.hpp"

#include <hb.h>

#include <algorithm>
#include <cstring>
#include <deque>
#include <functional>
#include <memory>
#include <mutex>
#include <span>
#include <stdexcept>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace vanban::shape {

namespace {

struct BufferDeleter {
  void operator()(hb_buffer_t* b) const { hb_buffer_destroy(b); }
};

/// Runs HarfBuzz on `utf8` with `font`, in this thread's buffer (hb_buffer_t is not shared
/// between threads), which holds the result until the next call.
hb_buffer_t* run_harfbuzz(const Font& font, std::string_view utf8) {
  thread_local const std::unique_ptr<hb_buffer_t, BufferDeleter> buf(hb_buffer_create());
  static const hb_language_t vietnamese = hb_language_from_string("vi", -1);
  hb_buffer_clear_contents(buf.get());
  const auto len = static_cast<int>(utf8.size());
  hb_buffer_add_utf8(buf.get(), utf8.data(), len, 0, len);
  hb_buffer_set_direction(buf.get(), HB_DIRECTION_LTR);
  hb_buffer_set_script(buf.get(), HB_SCRIPT_LATIN);
  hb_buffer_set_language(buf.get(), vietnamese);
  // Kerning is on by default; say so anyway, so the intent survives a change of defaults.
  const hb_feature_t features[] = {{HB_TAG('k', 'e', 'r', 'n'), 1, HB_FEATURE_GLOBAL_START, HB_FEATURE_GLOBAL_END}};
  hb_shape(font.hb_font(), buf.get(), features, 1);
  return buf.get();
}

/// The `count` glyphs at `info`/`pos` of a shaped buffer, which stand for a word starting at
/// byte `offset` of the buffer's text, as the Shaped of that word (clusters counted from the
/// word's start).
Shaped take_glyphs(const hb_glyph_info_t* info, const hb_glyph_position_t* pos, unsigned int count,
                   std::uint32_t offset) {
  Shaped out;
  out.glyphs.resize(count);
  for (unsigned int i = 0; i < count; ++i) {
    ShapedGlyph& g = out.glyphs[i];
    g.gid = info[i].codepoint;
    g.x_advance = pos[i].x_advance;
    g.x_offset = pos[i].x_offset;
    g.y_offset = pos[i].y_offset;
    g.cluster = info[i].cluster - offset;
    out.advance += g.x_advance;
  }
  return out;
}

/// Shapes `utf8` alone with `font`.
Shaped shape_text(const Font& font, std::string_view utf8) {
  hb_buffer_t* buf = run_harfbuzz(font, utf8);
  unsigned int n = 0;
  const hb_glyph_info_t* info = hb_buffer_get_glyph_infos(buf, &n);
  const hb_glyph_position_t* pos = hb_buffer_get_glyph_positions(buf, &n);
  return take_glyphs(info, pos, n, 0);
}

/// True when the text may be cut before the cluster of glyph `info` without changing the
/// glyphs on either side.
bool safe_to_break(const hb_glyph_info_t& info) {
  return (hb_glyph_info_get_glyph_flags(&info) & HB_GLYPH_FLAG_UNSAFE_TO_BREAK) == 0;
}

/// Shapes each of `words` with `font`, as shape_text would one by one, into `out`. Each
/// HarfBuzz run costs a few thousand instructions however short its text, so the words are
/// shaped together, one after the other (with no space between them: a space is a glyph to
/// shape too, and kerns with some capitals), and the glyphs are cut back into words. A
/// word's glyphs are taken from the joint run only where HarfBuzz says that cutting the
/// text there changes nothing: no HB_GLYPH_FLAG_UNSAFE_TO_BREAK on the word's first glyph
/// nor on the glyph after its last (the flag HarfBuzz provides for taking lines out of a
/// shaped paragraph without shaping them again), each word's glyphs having clusters of its
/// own (no ligature nor mark across the cut). Any other word is shaped alone.
void shape_words(const Font& font, std::span<const std::string_view> words, std::span<Shaped> out) {
  thread_local std::string joined;
  thread_local std::vector<std::uint32_t> starts;
  thread_local std::vector<std::size_t> alone;
  joined.clear();
  starts.clear();
  alone.clear();
  for (const std::string_view w : words) {
    starts.push_back(static_cast<std::uint32_t>(joined.size()));
    joined += w;
  }
  hb_buffer_t* buf = run_harfbuzz(font, joined);
  unsigned int n = 0;
  const hb_glyph_info_t* info = hb_buffer_get_glyph_infos(buf, &n);
  const hb_glyph_position_t* pos = hb_buffer_get_glyph_positions(buf, &n);
  unsigned int g = 0;  // first glyph not yet looked at (clusters ascend: LTR)
  for (std::size_t k = 0; k < words.size(); ++k) {
    const std::uint32_t begin = starts[k];
    const auto end = static_cast<std::uint32_t>(begin + words[k].size());
    while (g < n && info[g].cluster < begin) ++g;  // (past the previous word, when a cluster spans both)
    unsigned int e = g;
    while (e < n && info[e].cluster < end) ++e;
    // (Nothing comes before the first word or after the last: no cut to check there.)
    const bool clean_start = g < e && info[g].cluster == begin && (k == 0 || safe_to_break(info[g]));
    const bool clean_end = k + 1 == words.size() ? e == n : e < n && info[e].cluster == end && safe_to_break(info[e]);
    if (clean_start && clean_end) out[k] = take_glyphs(info + g, pos + g, e - g, begin);
    else alone.push_back(k);
    g = e;
  }
  // Shaped alone after the joint run is read: they reuse its buffer.
  for (const std::size_t k : alone) out[k] = shape_text(font, words[k]);
}

}  // namespace

std::size_t TextHash::operator()(std::string_view s) const noexcept {
  std::uint64_t h = 0x9E3779B97F4A7C15ull ^ s.size();
  std::size_t i = 0;
  for (; i + 8 <= s.size(); i += 8) {
    std::uint64_t w = 0;
    std::memcpy(&w, s.data() + i, 8);
    h = (h ^ w) * 0xBF58476D1CE4E5B9ull;
    h ^= h >> 29;
  }
  // The last 1 to 7 bytes: two overlapping 4-byte reads, or three single bytes (the length,
  // mixed in above, tells the overlaps apart).
  const std::size_t rest = s.size() - i;
  const char* p = s.data() + i;
  std::uint64_t tail = 0;
  if (rest >= 4) {
    std::uint32_t a = 0, b = 0;
    std::memcpy(&a, p, 4);
    std::memcpy(&b, p + rest - 4, 4);
    tail = (std::uint64_t{a} << 32) | b;
  } else if (rest > 0) {
    tail = (std::uint64_t{static_cast<unsigned char>(p[0])} << 16) |
           (std::uint64_t{static_cast<unsigned char>(p[rest / 2])} << 8) | static_cast<unsigned char>(p[rest - 1]);
  }
  h = (h ^ tail) * 0x94D049BB133111EBull;
  return static_cast<std::size_t>(h ^ (h >> 32));
}

/// The shaped words shared by a Shaper and its siblings.
struct Shaper::Store {
  std::mutex mutex;  ///< guards `words`
  /// Text -> its shaping. Node-based, so entries (and the keys the Shapers' own tables
  /// view) never move once inserted.
  using Words = std::unordered_map<std::string, Shaped, TextHash, std::equal_to<>>;
  /// Per font (a deque: the tables stay in place when fonts are added).
  std::deque<Words> words;
};

Shaper::Shaper(FontSet& fonts) : Shaper(fonts, std::make_shared<Store>()) {}

Shaper::Shaper(FontSet& fonts, std::shared_ptr<Store> store) : fonts_(&fonts), store_(std::move(store)) {}

Shaper::~Shaper() = default;
Shaper::Shaper(Shaper&&) noexcept = default;
Shaper& Shaper::operator=(Shaper&&) noexcept = default;

Shaper Shaper::sibling() const { return Shaper(*fonts_, store_); }

namespace {

/// The hash of (font, text) in the Shapers' own tables.
std::size_t word_hash(FontId id, std::string_view text) {
  return TextHash{}(text) + std::size_t{id} * 0x9E3779B97F4A7C15ull;
}

}  // namespace

const Shaped* Shaper::Seen::find(FontId id, std::string_view text, std::size_t hash) const {
  if (slots_.empty()) return nullptr;
  const std::size_t mask = slots_.size() - 1;
  for (std::size_t i = hash & mask;; i = (i + 1) & mask) {
    const Slot& slot = slots_[i];
    if (!slot.shaped) return nullptr;
    if (slot.hash == hash && slot.font == id && std::string_view(slot.text, slot.size) == text) return slot.shaped;
  }
}

void Shaper::Seen::insert(FontId id, std::string_view text, std::size_t hash, const Shaped* shaped) {
  if (2 * (used_ + 1) > slots_.size()) {
    std::vector<Slot> old = std::move(slots_);
    slots_.assign(old.empty() ? 1024 : 2 * old.size(), Slot{});
    used_ = 0;
    for (const Slot& s : old)
      if (s.shaped) insert(s.font, {s.text, s.size}, s.hash, s.shaped);
  }
  const std::size_t mask = slots_.size() - 1;
  std::size_t i = hash & mask;
  while (slots_[i].shaped) i = (i + 1) & mask;
  slots_[i] = {hash, text.data(), static_cast<std::uint32_t>(text.size()), id, shaped};
  ++used_;
}

const Shaped& Shaper::shape(FontId id, std::string_view utf8) {
  if (const Shaped* s = seen_.find(id, utf8, word_hash(id, utf8))) return *s;
  const Shaped* out = nullptr;
  shape_all(id, {&utf8, 1}, {&out, 1});
  return *out;
}

void Shaper::shape_all(FontId id, std::span<const std::string_view> texts, std::span<const Shaped*> out) {
  // Texts this Shaper has met: looked up. The others are taken from the store, or shaped.
  std::vector<std::string_view> missing;
  for (std::size_t i = 0; i < texts.size(); ++i) {
    out[i] = seen_.find(id, texts[i], word_hash(id, texts[i]));
    if (!out[i]) missing.push_back(texts[i]);
  }
  if (missing.empty()) return;
  if (id >= fonts_->fonts.size()) throw std::out_of_range("Shaper: no font with id " + std::to_string(id));
  std::sort(missing.begin(), missing.end());  // (a text met twice is shaped once)
  missing.erase(std::unique(missing.begin(), missing.end()), missing.end());
  Store& store = *store_;
  const auto take = [&](const Store::Words::value_type& entry) {
    seen_.insert(id, entry.first, word_hash(id, entry.first), &entry.second);
  };
  std::vector<std::string_view> fresh;  // texts no Shaper has shaped yet
  {
    const std::lock_guard<std::mutex> lock(store.mutex);
    if (id >= store.words.size()) store.words.resize(fonts_->fonts.size());
    const Store::Words& table = store.words[id];
    for (const std::string_view text : missing) {
      if (const auto it = table.find(text); it != table.end()) take(*it);
      else fresh.push_back(text);
    }
  }
  if (!fresh.empty()) {
    // Shaped without the lock (it is most of the time). A sibling may be shaping some of
    // the same words meanwhile: it gets the same glyphs, and the first result stored stays.
    std::vector<Shaped> shaped(fresh.size());
    // At most kWordsPerRun words a run: enough for HarfBuzz's cost per run to be shared
    // out, few enough that its buffer stays small.
    constexpr std::size_t kWordsPerRun = 64;
    for (std::size_t at = 0; at < fresh.size(); at += kWordsPerRun) {
      const std::size_t count = std::min(kWordsPerRun, fresh.size() - at);
      shape_words((*fonts_)[id], std::span(fresh).subspan(at, count), std::span(shaped).subspan(at, count));
    }
    const std::lock_guard<std::mutex> lock(store.mutex);
    Store::Words& table = store.words[id];
    for (std::size_t k = 0; k < fresh.size(); ++k)
      take(*table.try_emplace(std::string(fresh[k]), std::move(shaped[k])).first);
  }
  for (std::size_t i = 0; i < texts.size(); ++i)
    if (!out[i]) out[i] = seen_.find(id, texts[i], word_hash(id, texts[i]));
}

bool Shaper::covers_slow(FontId id, char32_t cp) {
  if (!(*fonts_)[id].covers(cp)) return false;
  const bool control = cp < 0x20 || (cp >= 0x7F && cp < 0xA0);
  if (cp < kCoverageBits && !control) {
    const std::size_t word = std::size_t{id} * kCoverageWords + cp / 64;
    if (word >= covered_.size()) covered_.resize((std::size_t{id} + 1) * kCoverageWords);
    covered_[word] |= std::uint64_t{1} << (cp % 64);
  }
  return true;
}

void Shaper::visit_words(const std::function<void(FontId, std::string_view, const Shaped&)>& visit) const {
  const std::lock_guard<std::mutex> lock(store_->mutex);
  for (std::size_t id = 0; id < store_->words.size(); ++id)
    for (const auto& [text, shaped] : store_->words[id]) visit(static_cast<FontId>(id), text, shaped);
}

std::size_t Shaper::cache_size() const {
  const std::lock_guard<std::mutex> lock(store_->mutex);
  std::size_t n = 0;
  for (const auto& table : store_->words) n += table.size();
  return n;
}

}  // namespace vanban::shape
