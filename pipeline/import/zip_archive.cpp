// libzip through dlopen(): the functions are looked up once, typed from <zip.h>.
#include "pipeline/import/zip_archive.hpp"

#include <dlfcn.h>
#include <zip.h>

#include "pipeline/core/diagnostic.hpp"
#include "pipeline/core/i18n.hpp"

namespace vanban::importer {
namespace {

/// The libzip functions the importer uses.
struct Zip {
  decltype(&zip_open) open = nullptr;
  decltype(&zip_discard) discard = nullptr;
  decltype(&zip_get_num_entries) num_entries = nullptr;
  decltype(&zip_name_locate) locate = nullptr;
  decltype(&zip_stat_index) stat = nullptr;
  decltype(&zip_fopen_index) fopen = nullptr;
  decltype(&zip_fread) fread = nullptr;
  decltype(&zip_fclose) fclose = nullptr;
};

template <typename F>
void bind(void* lib, F& f, const char* name) {
  f = reinterpret_cast<F>(dlsym(lib, name));
}

/// libzip, loaded once; nullptr when it is not installed.
const Zip* libzip() {
  static const Zip* zip = []() -> const Zip* {
    void* lib = dlopen("libzip.so.4", RTLD_NOW | RTLD_LOCAL);
    if (!lib) lib = dlopen("libzip.so", RTLD_NOW | RTLD_LOCAL);
    if (!lib) return nullptr;
    static Zip z;
    bind(lib, z.open, "zip_open");
    bind(lib, z.discard, "zip_discard");
    bind(lib, z.num_entries, "zip_get_num_entries");
    bind(lib, z.locate, "zip_name_locate");
    bind(lib, z.stat, "zip_stat_index");
    bind(lib, z.fopen, "zip_fopen_index");
    bind(lib, z.fread, "zip_fread");
    bind(lib, z.fclose, "zip_fclose");
    const bool all = z.open && z.discard && z.num_entries && z.locate && z.stat && z.fopen && z.fread && z.fclose;
    return all ? &z : nullptr;
  }();
  return zip;
}

/// A package with more entries than this is not a document (Word writes a few dozen).
constexpr zip_int64_t kMaxEntries = 10000;
/// Text XML packs about 10:1; far beyond this ratio an entry is a ZIP bomb.
constexpr std::uint64_t kMaxRatio = 200;

}  // namespace

struct ZipArchive::Impl {
  const Zip* z = nullptr;
  zip_t* archive = nullptr;
  std::string path;
};

ZipArchive::ZipArchive(const std::string& path) : impl_(std::make_unique<Impl>()) {
  impl_->path = path;
  impl_->z = libzip();
  if (!impl_->z)
    fail({path, 0, 0}, tr("cannot read .docx files: libzip is not installed"),
         tr("install the Debian package libzip4"));
  int err = 0;
  impl_->archive = impl_->z->open(path.c_str(), ZIP_RDONLY, &err);
  if (!impl_->archive) {
    if (err == ZIP_ER_NOZIP)
      fail({path, 0, 0}, tr("not a .docx file: it is not a ZIP package"),
           tr("open it in Word or LibreOffice and save it as .docx"));
    if (err == ZIP_ER_OPEN || err == ZIP_ER_NOENT || err == ZIP_ER_READ) fail({path, 0, 0}, tr("cannot open the file"));
    fail({path, 0, 0}, tr("the .docx package is damaged (libzip error {})", err),
         tr("open it in Word or LibreOffice and save it again"));
  }
  if (impl_->z->num_entries(impl_->archive, 0) > kMaxEntries)
    fail({path, 0, 0}, tr("the package has more than 10000 entries: not a document"),
         tr("refused as a possible ZIP bomb"));
}

ZipArchive::~ZipArchive() {
  if (impl_->archive) impl_->z->discard(impl_->archive);
}

bool ZipArchive::has(const std::string& name) const { return impl_->z->locate(impl_->archive, name.c_str(), 0) >= 0; }

std::string ZipArchive::read(const std::string& name, std::uint64_t limit) const {
  const SourcePos at{impl_->path, 0, 0};
  const zip_int64_t index = impl_->z->locate(impl_->archive, name.c_str(), 0);
  if (index < 0)
    fail(at, tr("the package has no {}: not a Word document", name),
         tr("open it in Word or LibreOffice and save it as .docx"));
  zip_stat_t st;
  if (impl_->z->stat(impl_->archive, static_cast<zip_uint64_t>(index), 0, &st) != 0)
    fail(at, tr("the package is damaged ({})", name));
  if ((st.valid & ZIP_STAT_ENCRYPTION_METHOD) && st.encryption_method != ZIP_EM_NONE)
    fail(at, tr("the package is encrypted ({})", name), tr("save the document without a password and import it again"));
  if (!(st.valid & ZIP_STAT_SIZE) || st.size > limit)
    fail(at, tr("{} declares {} bytes unpacked, over the limit of {}", name, st.size, limit),
         tr("refused as a possible ZIP bomb"));
  if ((st.valid & ZIP_STAT_COMP_SIZE) && st.size > (1u << 20) && st.size / std::max<std::uint64_t>(st.comp_size, 1) > kMaxRatio)
    fail(at,
         tr("{} unpacks {} times larger than it is packed", name, st.size / std::max<std::uint64_t>(st.comp_size, 1)),
         tr("refused as a possible ZIP bomb"));
  zip_file_t* file = impl_->z->fopen(impl_->archive, static_cast<zip_uint64_t>(index), 0);
  if (!file)
    fail(at, tr("cannot unpack {} (damaged or encrypted)", name),
         tr("open it in Word or LibreOffice and save it again"));
  std::string out;
  out.reserve(static_cast<std::size_t>(st.size));
  char buf[65536];
  while (true) {
    const zip_int64_t n = impl_->z->fread(file, buf, sizeof buf);
    if (n < 0) {
      impl_->z->fclose(file);
      fail(at, tr("cannot unpack {}: the data is damaged", name),
           tr("open it in Word or LibreOffice and save it again"));
    }
    if (n == 0) break;
    out.append(buf, static_cast<std::size_t>(n));
    // The actual size counts, not only the declared one: a lying header stops here.
    if (out.size() > st.size || out.size() > limit) {
      impl_->z->fclose(file);
      fail(at, tr("{} unpacks to more than it declares", name), tr("refused as a possible ZIP bomb"));
    }
  }
  impl_->z->fclose(file);
  return out;
}

}  // namespace vanban::importer
