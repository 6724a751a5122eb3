#pragma once
/// Which text each glyph stands for: the record the PDF writer's ToUnicode map is built
/// from. Shaping gives the glyphs of each word with their clusters; the records follow
/// from those, word by word, and travel with the pages to the writer.
#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "pipeline/shape/shaper.hpp"

namespace vanban::shape {

/// Records that glyph `gid` stands for `text`. When a glyph is recorded for several texts,
/// the one kept does not depend on the order of the records: a text beats none (a glyph
/// that carried no text of its own, e.g. the second glyph of a decomposed cluster), a
/// shorter text a longer one, then the smaller code points win.
void note_glyph_text(GlyphTexts& texts, std::uint32_t gid, std::u32string_view text);

/// Records the glyphs of `shaped`, the shaping of `word`, cluster by cluster (feasibility
/// §2): n glyphs for n code points -> 1:1; one glyph -> the whole cluster (a precomposed
/// letter from base + marks, or a ligature); otherwise the first glyph carries the whole
/// cluster and the others nothing, so that copying gives each character exactly once.
/// `noted[gid]` is the one code point already recorded for `gid` (0: none), kept up to
/// date here: recording it again could not change what is kept, and nearly all records
/// are such repeats.
void note_word_glyphs(GlyphTexts& texts, const Shaped& shaped, std::string_view word, std::vector<char32_t>& noted);

/// The records of every word `shaper` and its siblings have shaped, by FontId (one entry
/// per font of its FontSet). The same whichever thread shaped which word.
std::vector<GlyphTexts> glyph_texts(const Shaper& shaper);

}  // namespace vanban::shape
