#pragma once
/// CMS SignedData for PDF signatures (OpenSSL): making a detached CAdES signature over the
/// bytes a /ByteRange covers, and checking one. PoDoFo 0.9.8 reserves the room and fills it;
/// the cryptography is all OpenSSL's.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "pipeline/sign/credentials.hpp"
#include "pipeline/sign/timestamp.hpp"

namespace vanban::sign {

/// OpenSSL's first queued error as text (the queue emptied), for messages.
std::string openssl_reason();

/// A detached CMS SignedData (DER) over `content`, as PAdES B-B wants it: SHA-256, signed
/// attributes content-type, message-digest, signing-time (= `signing_time`, the same instant
/// the signature dictionary's /M shows) and ESS signing-certificate-v2; the signer's
/// certificate and its chain included. With `tsa_url`, the TSA's RFC 3161 timestamp over the
/// signature value is added as the unsigned attribute id-aa-timeStampToken (PAdES B-T; see
/// timestamp.hpp). Throws std::runtime_error with OpenSSL's reason.
std::vector<unsigned char> make_cms(const Credentials& signer, std::string_view content, std::int64_t signing_time,
                                    const std::string& tsa_url = {});

/// What checking a CMS signature over some bytes found.
struct CmsCheck {
  bool parsed = false;          ///< the DER is a CMS SignedData with one signer
  bool intact = false;          ///< the message digest and the signature match the bytes
  bool trusted = false;         ///< the signer's certificate chains to the trust list (when one is given)
  bool signing_certificate_v2 = false;  ///< the ESS signing-certificate-v2 attribute is there
  std::string signer;           ///< the signer certificate's CN
  std::string organisation;     ///< its O
  std::optional<std::int64_t> signing_time;  ///< the signed signing-time attribute, seconds since the epoch
  std::string problem;          ///< why not intact/trusted, in words (empty when all is well)
  bool timestamped = false;     ///< an RFC 3161 timestamp token is attached
  TimestampCheck timestamp;     ///< what it says (when timestamped)
};

/// Checks `der` (the /Contents of a signature, zero padding allowed after the DER) over
/// `content`. With `trust_file` (PEM certificates), the signer's certificate must also chain
/// to one of them, checked at the signing time.
CmsCheck check_cms(std::string_view der, std::string_view content, const std::string& trust_file);

}  // namespace vanban::sign
