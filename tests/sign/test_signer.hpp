#pragma once
// A signer made at test time (no key is committed), shared by the signing stage's tests.
#include <openssl/evp.h>
#include <openssl/rsa.h>
#include <openssl/x509.h>

#include "pipeline/sign/credentials.hpp"

namespace vanban::sign::test_support {

/// A self-signed 2048-bit RSA signer ("Nguyễn Văn An" of "Đảng ủy xã") valid from `from` to
/// `to` seconds around now.
inline Credentials make_signer(long from = -3600, long to = 86400) {
  Credentials c;
  c.key.reset(EVP_RSA_gen(2048));
  X509* x = X509_new();
  X509_set_version(x, 2);
  ASN1_INTEGER_set(X509_get_serialNumber(x), 1);
  X509_gmtime_adj(X509_getm_notBefore(x), from);
  X509_gmtime_adj(X509_getm_notAfter(x), to);
  X509_NAME* name = X509_get_subject_name(x);
  X509_NAME_add_entry_by_txt(name, "CN", MBSTRING_UTF8, reinterpret_cast<const unsigned char*>("Nguyễn Văn An"), -1, -1, 0);
  X509_NAME_add_entry_by_txt(name, "O", MBSTRING_UTF8, reinterpret_cast<const unsigned char*>("Đảng ủy xã"), -1, -1, 0);
  X509_set_issuer_name(x, name);
  X509_set_pubkey(x, c.key.get());
  X509_sign(x, c.key.get(), EVP_sha256());
  c.certificate.reset(x);
  return c;
}

}  // namespace vanban::sign::test_support
