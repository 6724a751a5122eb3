/// The PDF writer: PoDoFo objects for fonts, pages, outlines and metadata, and the
/// atomic file write. PoDoFo stays inside this file (no header of ours includes it).
#include "pipeline/pdf/write.hpp"

#include "pipeline/layout/image.hpp"

#include <fcntl.h>
#include <libdeflate.h>
#include <signal.h>
#include <podofo/podofo.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <algorithm>
#include <atomic>
#include <exception>
#include <filesystem>
#include <fstream>
#include <memory>
#include <mutex>
#include <optional>
#include <ostream>
#include <set>
#include <stdexcept>
#include <streambuf>
#include <thread>

#include "pipeline/pdf/content_stream.hpp"
#include "pipeline/pdf/font_embed.hpp"

namespace vanban::pdf {

namespace {

using namespace PoDoFo;

PdfString utf8_string(const std::string& s) {
  return PdfString(reinterpret_cast<const pdf_utf8*>(s.c_str()));
}

/// Stream data, Flate-compressed ahead of time (possibly on another thread) with libdeflate
/// at level 1. Compression was a fifth of the whole build's instructions with zlib at level
/// 6 (PoDoFo's filter); libdeflate at level 1 takes a third of that time again, for a PDF
/// 4 % larger than at level 6 (the sample: 125.7 KB instead of 120.6 KB; Typst writes 152 KB).
constexpr int kDeflateLevel = 1;
struct Deflated {
  std::unique_ptr<char[]> data;
  pdf_long size = 0;
};

/// zlib-wrapped DEFLATE (what /FlateDecode reads) of `len` bytes.
Deflated deflate(const char* data, std::size_t len) {
  struct Free {
    void operator()(libdeflate_compressor* c) const { libdeflate_free_compressor(c); }
  };
  // One compressor per thread: allocating one costs more than compressing a page.
  thread_local const std::unique_ptr<libdeflate_compressor, Free> compressor(libdeflate_alloc_compressor(kDeflateLevel));
  if (!compressor) throw std::bad_alloc();
  Deflated d;
  const std::size_t bound = libdeflate_zlib_compress_bound(compressor.get(), len);
  d.data = std::make_unique_for_overwrite<char[]>(bound);
  const std::size_t n = libdeflate_zlib_compress(compressor.get(), data, len, d.data.get(), bound);
  if (n == 0) throw std::runtime_error("stream compression failed");
  d.size = static_cast<pdf_long>(n);
  return d;
}

/// Sets a stream's data from compressed bytes (as Set with the Flate filter would).
void set_stream(PdfObject* obj, const Deflated& d) {
  obj->GetDictionary().AddKey(PdfName::KeyFilter, PdfName("FlateDecode"));
  PdfMemoryInputStream in(d.data.get(), d.size);
  obj->GetStream()->SetRawData(&in, d.size);
}

std::mutex& podofo_clock_mutex() {
  static std::mutex m;
  return m;
}

/// A streambuf that appends to a vector: PoDoFo writes the file straight into the vector
/// that write_pdf returns (no second copy of the whole file).
class VectorSink : public std::streambuf {
 public:
  explicit VectorSink(std::vector<char>& out) : out_(out) {}

 protected:
  std::streamsize xsputn(const char* s, std::streamsize n) override {
    out_.insert(out_.end(), s, s + n);
    return n;
  }
  int_type overflow(int_type c) override {
    if (!traits_type::eq_int_type(c, traits_type::eof())) out_.push_back(traits_type::to_char_type(c));
    return traits_type::not_eof(c);
  }

 private:
  std::vector<char>& out_;
};

/// Runs job(0) .. job(count - 1) on up to as many threads as the machine has cores (the
/// calling thread included). Jobs must be independent; the first exception is rethrown.
template <class Job>
void parallel_for(std::size_t count, const Job& job) {
  const std::size_t cores = std::max(1u, std::thread::hardware_concurrency());
  const std::size_t threads = std::min({cores, count, std::size_t{8}});
  std::atomic<std::size_t> next{0};
  std::exception_ptr error;
  std::mutex error_mutex;
  const auto work = [&] {
    for (std::size_t i; (i = next.fetch_add(1)) < count;) {
      try {
        job(i);
      } catch (...) {
        const std::lock_guard<std::mutex> lock(error_mutex);
        if (!error) error = std::current_exception();
        next = count;  // stop handing out jobs
      }
    }
  };
  std::vector<std::thread> pool;
  for (std::size_t t = 1; t < threads; ++t) pool.emplace_back(work);
  work();
  for (auto& t : pool) t.join();
  if (error) std::rethrow_exception(error);
}

PdfVariant integer(std::int64_t v) { return PdfVariant(static_cast<pdf_int64>(v)); }

/// A real written without float noise: integral values as integers, others to 3 decimals.
PdfVariant number(double v) {
  const double r = std::round(v * 1000.0) / 1000.0;
  if (r == std::floor(r)) return integer(static_cast<std::int64_t>(r));
  return PdfVariant(r);
}

/// One embedded font with its two streams compressed.
struct FontStreams {
  EmbeddedFont font;
  Deflated file, to_unicode;
};

/// Type0 + CIDFontType2 + FontDescriptor + FontFile2 + ToUnicode; returns the Type0 font.
PdfObject* add_font(PdfVecObjects& objs, const FontStreams& fs) {
  const EmbeddedFont& e = fs.font;
  PdfObject* file = objs.CreateObject();
  set_stream(file, fs.file);
  file->GetDictionary().AddKey("Length1", integer(static_cast<std::int64_t>(e.font_file.size())));

  PdfObject* desc = objs.CreateObject("FontDescriptor");
  PdfDictionary& d = desc->GetDictionary();
  d.AddKey("FontName", PdfName(e.base_font));
  d.AddKey("Flags", integer(e.flags));
  PdfArray bbox;
  for (std::int32_t v : e.bbox) bbox.push_back(integer(v));
  d.AddKey("FontBBox", bbox);
  d.AddKey("ItalicAngle", number(e.italic_angle));
  d.AddKey("Ascent", integer(e.ascent));
  d.AddKey("Descent", integer(e.descent));
  d.AddKey("CapHeight", integer(e.cap_height));
  d.AddKey("StemV", integer(e.stem_v));
  d.AddKey("FontFile2", file->Reference());

  PdfObject* cid = objs.CreateObject("Font");
  PdfDictionary& c = cid->GetDictionary();
  c.AddKey("Subtype", PdfName("CIDFontType2"));
  c.AddKey("BaseFont", PdfName(e.base_font));
  PdfDictionary info;
  info.AddKey("Registry", PdfString("Adobe"));
  info.AddKey("Ordering", PdfString("Identity"));
  info.AddKey("Supplement", integer(0));
  c.AddKey("CIDSystemInfo", info);
  c.AddKey("FontDescriptor", desc->Reference());
  c.AddKey("DW", integer(1000));
  // CIDs are the subset's gids, 0..n-1 without gaps: one run [0 [w0 w1 ...]] covers them.
  // The whole array written by us, as raw PDF: each width's shortest text (PoDoFo would
  // write reals as "500.171000"), and one object for PoDoFo to copy and print instead of
  // hundreds (printing them one by one was a tenth of the writer's own work).
  std::string w = "[0 [";
  for (std::size_t i = 0; i < e.glyphs.width.size(); ++i) {
    if (i > 0) w += ' ';
    append_number(w, e.glyphs.width[i], kWidthDecimals);
  }
  w += "]]";
  c.AddKey("W", PdfVariant(PdfData(w.c_str())));
  c.AddKey("CIDToGIDMap", PdfName("Identity"));

  PdfObject* tounicode = objs.CreateObject();
  set_stream(tounicode, fs.to_unicode);

  PdfObject* type0 = objs.CreateObject("Font");
  PdfDictionary& t = type0->GetDictionary();
  t.AddKey("Subtype", PdfName("Type0"));
  t.AddKey("BaseFont", PdfName(e.base_font));
  t.AddKey("Encoding", PdfName("Identity-H"));
  PdfArray descendants;
  descendants.push_back(cid->Reference());
  t.AddKey("DescendantFonts", descendants);
  t.AddKey("ToUnicode", tounicode->Reference());
  return type0;
}

/// Bookmarks: level 0 at the top; a deeper entry nests under the nearest preceding
/// shallower one (a jump of several levels nests one level down). Every item is open.
void add_outline(PdfMemDocument& doc, const layout::PagedDocument& pd,
                 const std::vector<std::unique_ptr<PdfPage>>& pages) {
  if (pd.outline.empty()) return;
  PdfOutlines* root = doc.GetOutlines(ePdfCreateObject);
  struct Node {
    PdfOutlineItem* item;
    int parent;  // index into nodes, -1 = the outline root
    std::int64_t descendants = 0;
  };
  std::vector<Node> nodes;
  std::vector<int> chain;  // chain[k] = index of the latest node at depth k
  for (const auto& entry : pd.outline) {
    if (entry.page >= pd.pages.size())
      throw std::runtime_error("PDF writer: bookmark \"" + entry.title + "\" points to page " +
                               std::to_string(entry.page + 1) + " of " + std::to_string(pd.pages.size()));
    const std::size_t depth = std::min<std::size_t>(static_cast<std::size_t>(std::max(entry.level, 0)), chain.size());
    chain.resize(depth);
    const int parent = depth == 0 ? -1 : chain.back();
    PdfOutlineItem* parent_item = parent < 0 ? root : nodes[static_cast<std::size_t>(parent)].item;

    // [page /XYZ left top zoom]: null left and zoom keep the reader's current ones.
    const PdfPage* page = pages[entry.page].get();
    PdfArray arr;
    arr.push_back(page->GetObject()->Reference());
    arr.push_back(PdfName("XYZ"));
    arr.push_back(PdfVariant::NullValue);
    arr.push_back(number(to_pt(pd.pages[entry.page].height - entry.y)));
    arr.push_back(PdfVariant::NullValue);
    // A PdfDestination made from a direct (unowned) array object copies the array into
    // /Dest; the page-based constructors would leave an orphan indirect object behind.
    PdfObject direct(arr);
    PdfDestination dest(&direct, &doc);
    PdfOutlineItem* item = parent_item->CreateChild(utf8_string(entry.title), dest);

    nodes.push_back({item, parent});
    for (int p = parent; p >= 0; p = nodes[static_cast<std::size_t>(p)].parent)
      ++nodes[static_cast<std::size_t>(p)].descendants;
    chain.push_back(static_cast<int>(nodes.size() - 1));
  }
  // PoDoFo does not maintain /Count: positive = open, the number of visible descendants.
  for (const auto& n : nodes)
    if (n.descendants > 0) n.item->GetObject()->GetDictionary().AddKey("Count", integer(n.descendants));
  root->GetObject()->GetDictionary().AddKey("Count", integer(static_cast<std::int64_t>(nodes.size())));
}

std::vector<char> write_pdf_impl(const layout::PagedDocument& pd, const shape::FontSet& fonts,
                                 const Metadata& meta) {
  // Which glyphs of which font the pages draw: only those go into the subsets.
  // (Marked in a bitmap per font first: a long document draws millions of glyphs.)
  std::vector<std::vector<bool>> drawn(fonts.fonts.size());
  for (const auto& page : pd.pages) {
    if (page.width <= 0 || page.height <= 0) throw std::runtime_error("PDF writer: page with no size");
    for (const auto& run : page.runs) {
      if (run.font >= fonts.fonts.size())
        throw std::runtime_error("PDF writer: run uses unknown font " + std::to_string(run.font));
      auto& bits = drawn[run.font];
      for (const auto& g : run.glyphs) {
        if (g.gid >= bits.size()) bits.resize(g.gid + std::size_t{1});
        bits[g.gid] = true;
      }
    }
  }
  std::vector<std::set<std::uint32_t>> used(fonts.fonts.size());
  for (std::size_t f = 0; f < drawn.size(); ++f)
    for (std::size_t g = 0; g < drawn[f].size(); ++g)
      if (drawn[f][g]) used[f].insert(used[f].end(), static_cast<std::uint32_t>(g));

  // A new PoDoFo document stamps its Info with the current time through localtime(), which
  // is not thread-safe: documents written side by side (vanban build a b) are created one
  // at a time. (The stamp is replaced below.)
  std::unique_lock<std::mutex> clock_lock(podofo_clock_mutex());
  PdfMemDocument doc;
  clock_lock.unlock();
  // Clean mode puts an EOL after "obj" (PDF/A needs it); version 1.7 for PDF/A-2.
  doc.SetWriteMode(ePdfWriteMode_Clean);
  doc.SetPdfVersion(ePdfVersion_1_7);
  PdfVecObjects& objs = doc.GetObjects();

  // The costly part -- subsetting, content streams, Flate -- runs on every core: first the
  // subsets (the content streams need their CIDs), then all the streams. The PoDoFo objects
  // are made afterwards on this thread, in the same order as ever, so the bytes do not
  // depend on the number of threads.
  std::vector<std::size_t> font_ids;
  for (std::size_t f = 0; f < fonts.fonts.size(); ++f)
    if (!used[f].empty()) font_ids.push_back(f);
  std::vector<std::optional<FontStreams>> embedded(fonts.fonts.size());
  parallel_for(font_ids.size(), [&](std::size_t i) {
    const std::size_t f = font_ids[i];
    embedded[f].emplace();
    embedded[f]->font = embed_font(fonts[static_cast<shape::FontId>(f)], used[f]);
  });
  std::vector<const GlyphMap*> maps(fonts.fonts.size(), nullptr);
  for (const std::size_t f : font_ids) maps[f] = &embedded[f]->font.glyphs;

  // Images (scanned signatures, seals), each embedded once however often it is drawn.
  std::vector<std::string> image_paths;
  for (const auto& page : pd.pages)
    for (const auto& im : page.images)
      if (std::find(image_paths.begin(), image_paths.end(), im.path) == image_paths.end())
        image_paths.push_back(im.path);

  std::vector<Deflated> contents(pd.pages.size());
  std::vector<std::size_t> contents_size(pd.pages.size());
  parallel_for(2 * font_ids.size() + pd.pages.size(), [&](std::size_t i) {
    if (i < 2 * font_ids.size()) {  // the font files first: the largest jobs
      FontStreams& fs = *embedded[font_ids[i / 2]];
      if (i % 2 == 0) fs.file = deflate(fs.font.font_file.data(), fs.font.font_file.size());
      else fs.to_unicode = deflate(fs.font.to_unicode.data(), fs.font.to_unicode.size());
      return;
    }
    const std::size_t k = i - 2 * font_ids.size();
    const std::string content = page_content(pd.pages[k], fonts, maps, image_paths);
    contents[k] = deflate(content.data(), content.size());
    contents_size[k] = static_cast<std::size_t>(contents[k].size);
  });

  std::vector<PdfReference> font_refs(fonts.fonts.size());
  for (const std::size_t f : font_ids) font_refs[f] = add_font(objs, *embedded[f])->Reference();

  // Pages are made here and hung into the page tree in one go below: PoDoFo's CreatePage
  // walks and copies the whole /Kids array for every page added, and its page cache misses
  // the page just added, so GetPage walks the tree again (both quadratic: 3.1 of the 7.4
  // billion instructions of writing 1,000 pages). The objects come out numbered as
  // CreatePage numbers them, so the bytes are the same.
  std::vector<PdfReference> image_refs;
  for (const auto& path : image_paths) {
    PdfImage image(&objs);
    // By the file's bytes, not its name: a JPEG saved as .png still loads.
    if (layout::read_image_header(path).format == "png") image.LoadFromPng(path.c_str());
    else image.LoadFromJpeg(path.c_str());
    image_refs.push_back(image.GetObject()->Reference());
  }

  std::vector<std::unique_ptr<PdfPage>> pages;
  pages.reserve(pd.pages.size());
  for (std::size_t k = 0; k < pd.pages.size(); ++k) {
    const auto& page = pd.pages[k];
    pages.push_back(std::make_unique<PdfPage>(PdfRect(0, 0, to_pt(page.width), to_pt(page.height)), &objs));
    PdfPage* p = pages.back().get();
    std::set<shape::FontId> page_fonts;
    for (const auto& run : page.runs)
      if (!run.glyphs.empty()) page_fonts.insert(run.font);
    for (shape::FontId f : page_fonts)
      p->AddResource(PdfName(font_resource_name(f)), font_refs[f], PdfName("Font"));
    for (const auto& im : page.images) {
      const auto i = static_cast<std::size_t>(std::find(image_paths.begin(), image_paths.end(), im.path) - image_paths.begin());
      p->AddResource(PdfName(image_resource_name(i)), image_refs[i], PdfName("XObject"));
    }
    set_stream(p->GetContentsForAppending(), contents[k]);
    contents[k] = {};  // PoDoFo has its own copy now
  }
  PdfObject* tree = doc.GetPagesTree()->GetObject();
  PdfArray kids;
  kids.reserve(pages.size());
  for (const auto& p : pages) {
    p->GetObject()->GetDictionary().AddKey("Parent", tree->Reference());
    kids.push_back(p->GetObject()->Reference());
  }
  tree->GetDictionary().AddKey("Kids", kids);
  tree->GetDictionary().AddKey("Count", integer(static_cast<std::int64_t>(pages.size())));

  add_outline(doc, pd, pages);

  // Info: PoDoFo stamps CreationDate = now and its own Producer; replace both, since the
  // trailer /ID is the MD5 of this dictionary and the output must be reproducible.
  PdfInfo* info = doc.GetInfo();
  if (!meta.title.empty()) info->SetTitle(utf8_string(meta.title));
  if (!meta.author.empty()) info->SetAuthor(utf8_string(meta.author));
  if (!meta.subject.empty()) info->SetSubject(utf8_string(meta.subject));
  info->SetCreator(utf8_string(meta.creator));
  info->SetProducer(PdfString("vanban"));
  auto& info_dict = info->GetObject()->GetDictionary();
  if (meta.created) {
    const std::string date = pdf_date(*meta.created);
    info_dict.AddKey("CreationDate", PdfString(date));
    info_dict.AddKey("ModDate", PdfString(date));
  } else {
    info_dict.RemoveKey("CreationDate");
    info_dict.RemoveKey("ModDate");
  }

  // /Lang set on the catalog directly: PoDoFo 0.9.8's SetLanguage leaks the object it adds.
  if (!meta.lang.empty()) doc.GetCatalog()->GetDictionary().AddKey("Lang", PdfString(meta.lang));
  doc.SetDisplayDocTitle();  // title bar shows /Title, not the file name
  if (!pd.outline.empty()) doc.SetPageMode(ePdfPageModeUseBookmarks);

  // Room for the streams plus the objects around them, reserved (not touched) up front so
  // that the vector rarely has to move while PoDoFo writes into it.
  std::size_t estimate = 65536 + 1024 * (pd.pages.size() + pd.outline.size());
  for (const std::size_t f : font_ids)
    estimate += static_cast<std::size_t>(embedded[f]->file.size + embedded[f]->to_unicode.size) +
                16 * embedded[f]->font.glyphs.width.size();
  for (const auto& c : contents_size) estimate += c;
  std::vector<char> out;
  out.reserve(estimate);
  VectorSink sink(out);
  std::ostream stream(&sink);
  PdfOutputDevice device(&stream);
  doc.Write(&device);
  stream.flush();
  return out;
}

/// The process umask, read without changing it (umask(2) can only set).
mode_t current_umask() {
  std::ifstream status("/proc/self/status");
  std::string line;
  while (std::getline(status, line))
    if (line.rfind("Umask:", 0) == 0) return static_cast<mode_t>(std::strtoul(line.c_str() + 6, nullptr, 8));
  return 022;
}

}  // namespace

std::string pdf_date(std::int64_t seconds) {
  using namespace std::chrono;
  const sys_seconds t{std::chrono::seconds{seconds}};
  const auto day = floor<days>(t);
  const year_month_day ymd{day};
  const hh_mm_ss hms{t - day};
  char buf[64];
  std::snprintf(buf, sizeof buf, "D:%04d%02u%02u%02d%02d%02d+00'00'", static_cast<int>(ymd.year()),
                static_cast<unsigned>(ymd.month()), static_cast<unsigned>(ymd.day()),
                static_cast<int>(hms.hours().count()), static_cast<int>(hms.minutes().count()),
                static_cast<int>(hms.seconds().count()));
  return buf;
}

std::vector<char> write_pdf(const layout::PagedDocument& doc, const shape::FontSet& fonts,
                            const Metadata& meta) {
  try {
    return write_pdf_impl(doc, fonts, meta);
  } catch (const PoDoFo::PdfError& e) {
    // PdfError is not a std::exception: translate it so callers need no PoDoFo.
    throw std::runtime_error(std::string("PDF writer (PoDoFo): ") + e.what());
  }
}

void write_file_atomically(const std::string& path, const std::vector<char>& bytes) {
  namespace fs = std::filesystem;
  const auto fail = [&path](const std::string& what, int err) {
    throw std::runtime_error("cannot write " + path + ": " + what + (err ? std::string(": ") + std::strerror(err) : ""));
  };
  if (path.empty()) fail("empty path", 0);
  const fs::path target(path);
  std::error_code ec;
  if (fs::is_directory(target, ec)) fail("it is a folder", 0);
  const fs::path dir = target.has_parent_path() ? target.parent_path() : fs::path(".");
  fs::create_directories(dir, ec);
  if (ec) fail("cannot create folder " + dir.string(), ec.value());

  // The temporary is `.<name>.tmp-<pid>-XXXXXX` in the target's folder: the same file
  // system, so rename() is atomic; hidden; and recognisable, because a run killed with
  // SIGKILL (or a power cut) runs no cleanup. Such leftovers are removed here, by the next
  // run that writes the same output, once the process named in them is gone: a temporary
  // of a build still running is never touched. (A reused pid only delays the removal.)
  std::string prefix = ".";  // (not "." + name: GCC 12 warns falsely about it, -Wrestrict)
  prefix += target.filename().string();
  prefix += ".tmp-";
  for (auto it = fs::directory_iterator(dir, ec); !ec && it != fs::directory_iterator(); it.increment(ec)) {
    const std::string name = it->path().filename().string();
    if (name.rfind(prefix, 0) != 0) continue;
    const char* digits = name.c_str() + prefix.size();
    char* end = nullptr;
    const long pid = std::strtol(digits, &end, 10);
    if (end == digits || *end != '-' || pid <= 0) continue;
    if (::kill(static_cast<pid_t>(pid), 0) != 0 && errno == ESRCH) ::unlink(it->path().c_str());
  }

  // Ctrl-C, kill, a closed terminal: held back until the temporary is renamed or removed,
  // so that they too leave either the old file or the new one, and nothing beside them.
  // The window is one write and fsync of bytes already in memory.
  struct SignalsHeld {
    sigset_t old{};
    SignalsHeld() {
      sigset_t held;
      sigemptyset(&held);
      for (const int s : {SIGINT, SIGTERM, SIGHUP, SIGQUIT}) sigaddset(&held, s);
      pthread_sigmask(SIG_BLOCK, &held, &old);
    }
    ~SignalsHeld() { pthread_sigmask(SIG_SETMASK, &old, nullptr); }  // a pending signal lands now
    SignalsHeld(const SignalsHeld&) = delete;
    SignalsHeld& operator=(const SignalsHeld&) = delete;
  } const held;

  std::string tmp = (dir / (prefix + std::to_string(::getpid()) + "-XXXXXX")).string();
  const int fd = mkstemp(tmp.data());
  if (fd < 0) fail("cannot create a temporary file in " + dir.string(), errno);
  const auto abandon = [&](const std::string& what, int err) {
    ::close(fd);  // harmless if already closed: the error below is what matters
    ::unlink(tmp.c_str());
    fail(what, err);
  };
  // mkstemp makes 0600; give the file the mode an ordinary create would.
  if (::fchmod(fd, 0666 & ~current_umask()) != 0) abandon("chmod", errno);
  const char* p = bytes.data();
  std::size_t left = bytes.size();
  while (left > 0) {
    const ssize_t n = ::write(fd, p, left);
    if (n < 0) {
      if (errno == EINTR) continue;
      abandon("write failed", errno);
    }
    p += n;
    left -= static_cast<std::size_t>(n);
  }
  if (::fsync(fd) != 0) abandon("fsync failed", errno);
  if (::close(fd) != 0) {
    const int err = errno;
    ::unlink(tmp.c_str());
    fail("close failed", err);
  }
  if (::rename(tmp.c_str(), path.c_str()) != 0) {
    const int err = errno;
    ::unlink(tmp.c_str());
    fail("rename failed", err);
  }
  // Make the rename itself durable; failure here loses nothing already written.
  const int dfd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY);
  if (dfd >= 0) {
    ::fsync(dfd);
    ::close(dfd);
  }
}

}  // namespace vanban::pdf
