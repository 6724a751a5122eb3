// Choosing the language of messages and looking them up with glibc's gettext (i18n.hpp).
#include "pipeline/core/i18n.hpp"

#include <libintl.h>
#include <limits.h>
#include <locale.h>
#include <unistd.h>

#include <algorithm>
#include <cstdlib>
#include <cstring>
#include <string>

namespace vanban {

namespace {

Language chosen = Language::English;
std::string locale_dir_override;

/// The language a locale name or a LANGUAGE entry asks for ("vi_VN.UTF-8" → vi), or
/// nothing when it names another language.
bool names(std::string_view entry, std::string_view code) {
  return entry.substr(0, code.size()) == code && (entry.size() == code.size() || entry[code.size()] == '_' ||
                                                  entry[code.size()] == '.' || entry[code.size()] == '@');
}

/// The language the environment asks for, read as gettext reads it: the locale of
/// messages is LC_ALL, else LC_MESSAGES, else LANG; when that is not C/POSIX, LANGUAGE's
/// list comes first. The first entry that is vi or en decides (gettext would fall through
/// the others, for which vanban has no catalogue).
Language from_environment() {
  const auto env = [](const char* name) -> std::string_view {
    const char* v = std::getenv(name);
    return v ? v : "";
  };
  std::string_view locale = env("LC_ALL");
  if (locale.empty()) locale = env("LC_MESSAGES");
  if (locale.empty()) locale = env("LANG");
  if (locale.empty() || locale == "C" || locale == "POSIX") return Language::English;
  std::string list(env("LANGUAGE"));
  list += ':';
  list += locale;
  for (std::size_t start = 0; start < list.size();) {
    const std::size_t end = std::min(list.find(':', start), list.size());
    const std::string_view entry = std::string_view(list).substr(start, end - start);
    if (names(entry, "vi")) return Language::Vietnamese;
    if (names(entry, "en") || entry == "C" || entry == "POSIX") return Language::English;
    start = end + 1;
  }
  return Language::English;
}

/// `<bin>/locale` when it holds the catalogue (a build tree), else the installation's
/// `<bin>/../share/locale` (VANBAN_LOCALE_RELATIVE, from the install layout).
std::string default_locale_dir() {
  char exe[PATH_MAX];
  const ssize_t n = ::readlink("/proc/self/exe", exe, sizeof exe - 1);
  if (n <= 0) return {};
  std::string dir(exe, static_cast<std::size_t>(n));
  dir.erase(dir.rfind('/') + 1);
  if (::access((dir + "locale/vi/LC_MESSAGES/vanban.mo").c_str(), R_OK) == 0) return dir + "locale";
  return dir + VANBAN_LOCALE_RELATIVE;
}

/// Opens the catalogue when Vietnamese is chosen (on the main thread, before any other
/// starts: setlocale is not safe beside threads that use the locale). glibc's
/// gettext translates nothing while the locale of messages is "C", and a fresh Debian has
/// no vi_VN locale to set: C.UTF-8 (always there) with LANGUAGE=vi makes it read vi's
/// catalogue anyway. Only LC_MESSAGES is set: numbers and the PDF writer keep the C locale.
void bind_catalogue() {
  ::setlocale(LC_MESSAGES, "C.UTF-8");
  ::setenv("LANGUAGE", "vi", 1);
  const std::string dir = locale_dir_override.empty() ? default_locale_dir() : locale_dir_override;
  ::bindtextdomain("vanban", dir.c_str());
  ::bind_textdomain_codeset("vanban", "UTF-8");  // LC_CTYPE stays "C" (ASCII) otherwise
}

}  // namespace

bool choose_language(std::string_view lang) {
  if (lang.empty()) {
    const char* inherited = std::getenv("VANBAN_LANG");  // set by a vanban that runs this one
    if (inherited && (std::strcmp(inherited, "vi") == 0 || std::strcmp(inherited, "en") == 0)) lang = inherited;
  }
  if (lang == "vi")
    chosen = Language::Vietnamese;
  else if (lang == "en")
    chosen = Language::English;
  else if (lang.empty())
    chosen = from_environment();
  else
    return false;
  ::setenv("VANBAN_LANG", chosen == Language::Vietnamese ? "vi" : "en", 1);
  if (chosen == Language::Vietnamese) bind_catalogue();
  return true;
}

Language language() { return chosen; }

void set_locale_dir(std::string dir) { locale_dir_override = std::move(dir); }

const char* translate(const char* msgid) {
  if (chosen == Language::English) return msgid;
  return ::dgettext("vanban", msgid);
}

const char* translate_plural(const char* one, const char* many, unsigned long n) {
  if (chosen == Language::English) return n == 1 ? one : many;
  return ::dngettext("vanban", one, many, n);
}

std::string fill_placeholders(std::string_view templ, std::initializer_list<std::string_view> args) {
  std::string out;
  out.reserve(templ.size() + 16 * args.size());
  std::size_t next = 0;
  for (std::size_t i = 0; i < templ.size(); ++i) {
    const char c = templ[i];
    if (c == '{' && i + 1 < templ.size()) {
      std::size_t index = args.size();  // none
      std::size_t len = 0;
      if (templ[i + 1] == '}')
        index = next++, len = 2;
      else if (i + 2 < templ.size() && templ[i + 1] >= '0' && templ[i + 1] <= '9' && templ[i + 2] == '}')
        index = static_cast<std::size_t>(templ[i + 1] - '0'), len = 3;
      if (len != 0 && index < args.size()) {
        out += args.begin()[index];
        i += len - 1;
        continue;
      }
    }
    out += c;
  }
  return out;
}

}  // namespace vanban
