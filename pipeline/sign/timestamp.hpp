#pragma once
/// RFC 3161 timestamps for PAdES B-T: a timestamping authority (TSA) signs the hash of a
/// signature's value with its own clock, and the token is kept in the signature as the
/// unsigned attribute id-aa-timeStampToken (RFC 3161 Appendix A, ETSI EN 319 122-1). All
/// of it is OpenSSL's: its TS module for the request and the token, its HTTP client for
/// the exchange.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace vanban::sign {

/// Asks the TSA at `url` (http://host[:port]/path) to timestamp `signature_value` (the
/// bytes of a CMS SignerInfo's signature): a SHA-256 message imprint, a random nonce, and
/// the TSA's certificate asked for. Returns the DER TimeStampToken of a granted reply,
/// after checking that it answers this request (imprint, nonce, version). Throws
/// std::runtime_error when the TSA cannot be reached, refuses, or answers something else.
std::vector<unsigned char> request_timestamp(const std::string& url, std::string_view signature_value);

/// What a TimeStampToken says about a signature.
struct TimestampCheck {
  bool matches = false;                 ///< its message imprint is the SHA-256 of the signature value
  std::optional<std::int64_t> time;     ///< its genTime, seconds since the epoch
  std::string tsa;                      ///< the CN of the certificate that signed the token
  std::string problem;                  ///< why it does not match, in words
};

/// Checks the DER TimeStampToken `token` against `signature_value`: the token's own
/// signature (against its embedded certificate) and its imprint.
TimestampCheck check_timestamp(std::string_view token, std::string_view signature_value);

}  // namespace vanban::sign
