#pragma once
/// Messages in the reader's language: every message is a whole sentence with `{}`
/// placeholders, `tr("unknown key `{}`", name)`, looked up in the `vanban` gettext catalogue
/// (po/vi.po) when Vietnamese is chosen, then filled. English is the msgid itself: while
/// the language is English no catalogue is opened and a message costs no lookup.
#include <cstdint>
#include <initializer_list>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>

/// Marks a string for xgettext without translating it (tables of messages; tr() them later).
#define N_(text) text

namespace vanban {

/// The languages vanban speaks.
enum class Language { English, Vietnamese };

/// Chooses the language of messages. `lang` is `--lang`'s value ("vi", "en"), or "" to
/// follow the environment as gettext reads it (LANGUAGE, then LC_ALL, LC_MESSAGES, LANG):
/// Vietnamese when it asks for vi first. Returns false for a `lang` that is not vi or en.
/// Sets VANBAN_LANG so that the programs vanban runs (vanban-sign) speak the same language,
/// and, for Vietnamese, opens the catalogue: call it before any thread starts.
bool choose_language(std::string_view lang);

/// The language chosen (English until choose_language is called).
Language language();

/// The folder holding `vi/LC_MESSAGES/vanban.mo` (before choose_language): set by tests;
/// otherwise found beside the binary (`<bin>/locale` in a build tree, `<bin>/../share/locale` when installed).
void set_locale_dir(std::string dir);

/// The translation of `msgid` in the chosen language (msgid itself in English or when the
/// catalogue lacks it). English runs never open the catalogue: a message costs no lookup.
const char* translate(const char* msgid);

/// The translation of a message with a number in it, in the plural form `n` asks for.
const char* translate_plural(const char* one, const char* many, unsigned long n);

/// Fills `templ`'s placeholders with `args`: `{}` takes the next argument, `{0}`..`{9}` the
/// numbered one (so a translation may reorder them). A placeholder without an argument is
/// kept as written; extra arguments are ignored; braces inside arguments are copied as they are.
std::string fill_placeholders(std::string_view templ, std::initializer_list<std::string_view> args);

namespace i18n_detail {
/// An argument as text: strings as they are, numbers in decimal.
inline std::string_view arg(std::string_view s, std::string&) { return s; }
inline std::string_view arg(char c, std::string& buffer) { return buffer.assign(1, c); }
template <class N, class = std::enable_if_t<std::is_arithmetic_v<N> && !std::is_same_v<N, char>>>
std::string_view arg(N n, std::string& buffer) {
  if constexpr (std::is_floating_point_v<N>) {
    buffer = std::to_string(n);
    buffer.erase(buffer.find_last_not_of('0') + 1);
    if (!buffer.empty() && buffer.back() == '.') buffer.pop_back();
  } else {
    buffer = std::to_string(n);
  }
  return buffer;
}
template <class... A, std::size_t... I>
std::string fill_with(const char* templ, std::index_sequence<I...>, const A&... args) {
  std::string buffers[sizeof...(A) + 1];
  return fill_placeholders(templ, {arg(args, buffers[I])...});
}
}  // namespace i18n_detail

/// A message in the reader's language: `msgid` translated, its placeholders filled.
template <class... A>
std::string tr(const char* msgid, const A&... args) {
  if constexpr (sizeof...(A) == 0)
    return translate(msgid);
  else
    return i18n_detail::fill_with(translate(msgid), std::index_sequence_for<A...>{}, args...);
}

/// A message with a number `n` in it ("1 page" / "2 pages"): the plural form `n` asks for,
/// filled with `args` (pass `n` among them where the sentence shows it).
template <class... A>
std::string ntr(const char* one, const char* many, unsigned long n, const A&... args) {
  const char* templ = translate_plural(one, many, n);
  if constexpr (sizeof...(A) == 0)
    return templ;
  else
    return i18n_detail::fill_with(templ, std::index_sequence_for<A...>{}, args...);
}

}  // namespace vanban
