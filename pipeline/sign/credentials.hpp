#pragma once
/// A signer's private key and certificates, read from a PKCS#12 (.p12/.pfx) file with
/// OpenSSL, and checked before anything is written: a wrong password, a file without a
/// private key, a key that does not match its certificate, or a certificate outside its
/// validity period is a diagnostic naming the file, never a half-signed PDF.
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include <openssl/evp.h>
#include <openssl/x509.h>

namespace vanban::sign {

/// Frees OpenSSL objects held in unique_ptrs.
struct OpenSslFree {
  void operator()(EVP_PKEY* p) const { EVP_PKEY_free(p); }
  void operator()(X509* p) const { X509_free(p); }
};

/// The key, its certificate and the chain certificates the PKCS#12 file carries (the CA
/// certificates go into the CMS so a verifier can build the path without other files).
struct Credentials {
  std::unique_ptr<EVP_PKEY, OpenSslFree> key;
  std::unique_ptr<X509, OpenSslFree> certificate;
  std::vector<std::unique_ptr<X509, OpenSslFree>> chain;
};

/// Reads `path` with `password` and checks it for signing at `now` (seconds since the
/// epoch). Throws vanban::Error with the file as the place when the file cannot be read,
/// is not PKCS#12, the password is wrong, it holds no private key or certificate, the key
/// does not belong to the certificate, or the certificate is expired or not yet valid.
Credentials load_credentials(const std::string& path, const std::string& password, std::int64_t now);

/// The certificate's subject common name (CN), or the whole subject line when it has none.
std::string subject_name(X509* certificate);

/// The certificate's subject organisation (O), empty when it has none.
std::string subject_organisation(X509* certificate);

}  // namespace vanban::sign
