#pragma once
/// The pre-Unicode Vietnamese encodings still found in offices' files, both ways:
/// TCVN 5712:1993 VN3 ("ABC", the .VnTime fonts), VNI-Windows (the VNI-Times fonts) and
/// Windows-1258. Tables from the encodings' published code charts.
#include <optional>
#include <string>
#include <string_view>

namespace vanban::text {

/// A legacy Vietnamese encoding.
enum class Legacy { tcvn3, vni, cp1258 };

/// "TCVN3 (ABC)", "VNI", "Windows-1258".
std::string_view legacy_name(Legacy encoding);

/// Decodes `bytes` to UTF-8 NFC. TCVN3 has codes for small toned letters only: documents
/// set capitals with them in a capitals font (.VnTimeH); `capitals` upper-cases the letters
/// of such a run; without it, a word whose plain letters are all capitals is upper-cased
/// whole (plain text has lost its fonts). A byte with no meaning in the encoding becomes U+FFFD.
std::string legacy_to_utf8(std::string_view bytes, Legacy encoding, bool capitals = false);

/// Encodes UTF-8 text (any normal form) in a legacy encoding, for tests and round trips.
/// TCVN3 writes capitals with the small letters' codes (see legacy_to_utf8). Returns
/// nullopt when a character has no code in the encoding.
std::optional<std::string> utf8_to_legacy(std::string_view utf8, Legacy encoding);

/// The encoding of a font named in a Word run: ".VnTime", ".VnArialH" -> TCVN3 (and
/// `capitals` for the "H" capitals fonts); "VNI-Times" -> VNI; nullopt for others.
std::optional<Legacy> legacy_font(std::string_view font, bool* capitals = nullptr);

/// Which legacy encoding `bytes` (not valid UTF-8) most plausibly is: each is tried and
/// scored by the Vietnamese letters it gives against the characters no Vietnamese text
/// has. nullopt when none gives Vietnamese letters.
std::optional<Legacy> guess_legacy(std::string_view bytes);

/// Bytes of Windows-1252 text as Word shows a legacy font's run: each character back to
/// its byte (U+2026 -> 0x85, U+00E2 -> 0xE2). nullopt if a character has no such byte.
std::optional<std::string> windows1252_bytes(std::string_view utf8);

}  // namespace vanban::text
