#include "pipeline/sign/credentials.hpp"

#include <openssl/err.h>
#include <openssl/pkcs12.h>

#include <cstdio>
#include <ctime>
#include <fstream>
#include <iterator>

#include "pipeline/core/diagnostic.hpp"
#include "pipeline/core/i18n.hpp"

namespace vanban::sign {
namespace {

/// A certificate time as "YYYY-MM-DD" for messages.
std::string day_of(const ASN1_TIME* t) {
  std::tm tm{};
  if (ASN1_TIME_to_tm(t, &tm) != 1) return "an unreadable date";
  char buf[48];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday);
  return buf;
}

/// One entry (e.g. NID_commonName) of the certificate's subject, as UTF-8.
std::string subject_entry(X509* certificate, int nid) {
  const X509_NAME* name = X509_get_subject_name(certificate);
  const int i = X509_NAME_get_index_by_NID(name, nid, -1);
  if (i < 0) return {};
  unsigned char* utf8 = nullptr;
  const int n = ASN1_STRING_to_UTF8(&utf8, X509_NAME_ENTRY_get_data(X509_NAME_get_entry(name, i)));
  if (n < 0) return {};
  std::string out(reinterpret_cast<char*>(utf8), static_cast<std::size_t>(n));
  OPENSSL_free(utf8);
  return out;
}

/// Checks that the certificate is valid at `now`.
void check_validity(X509* certificate, std::int64_t now, const SourcePos& pos) {
  auto t = static_cast<time_t>(now);
  if (X509_cmp_time(X509_get0_notAfter(certificate), &t) < 0)
    fail(pos,
         tr("the certificate of {} expired on {}", subject_name(certificate), day_of(X509_get0_notAfter(certificate))),
         tr("a signature made with an expired certificate is invalid; ask the CA for a renewed one"));
  if (X509_cmp_time(X509_get0_notBefore(certificate), &t) > 0)
    fail(pos,
         tr("the certificate of {} is valid only from {}", subject_name(certificate),
            day_of(X509_get0_notBefore(certificate))),
         tr("check the computer's clock, or wait until the certificate is valid"));
}

}  // namespace

std::string subject_name(X509* certificate) {
  std::string cn = subject_entry(certificate, NID_commonName);
  if (!cn.empty()) return cn;
  char* line = X509_NAME_oneline(X509_get_subject_name(certificate), nullptr, 0);
  std::string out = line ? line : "";
  OPENSSL_free(line);
  return out;
}

std::string subject_organisation(X509* certificate) { return subject_entry(certificate, NID_organizationName); }

Credentials load_credentials(const std::string& path, const std::string& password, std::int64_t now) {
  const SourcePos pos{path, 0, 0};
  std::ifstream in(path, std::ios::binary);
  if (!in)
    fail(pos, tr("cannot read the key file"), tr("give the path of the signer's .p12 (PKCS#12) file with --p12"));
  const std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  const auto* p = reinterpret_cast<const unsigned char*>(bytes.data());
  std::unique_ptr<PKCS12, decltype(&PKCS12_free)> p12(d2i_PKCS12(nullptr, &p, static_cast<long>(bytes.size())),
                                                      &PKCS12_free);
  if (!p12)
    fail(pos, tr("not a PKCS#12 (.p12/.pfx) file"),
         tr("export the key and certificate together, e.g. `openssl pkcs12 -export`"));
  if (PKCS12_mac_present(p12.get()) && PKCS12_verify_mac(p12.get(), password.c_str(), -1) != 1) {
    ERR_clear_error();
    fail(pos, tr("wrong password for the key file"),
         tr("set the password in VANBAN_P12_PASSWORD or put it in a file given with --password-file"));
  }
  EVP_PKEY* key = nullptr;
  X509* cert = nullptr;
  STACK_OF(X509)* ca = nullptr;
  if (PKCS12_parse(p12.get(), password.c_str(), &key, &cert, &ca) != 1) {
    ERR_clear_error();
    fail(pos, tr("cannot decrypt the key file"),
         tr("the file may use an old cipher (RC2/3DES); export it again with OpenSSL 3 defaults"));
  }
  Credentials c;
  c.key.reset(key);
  c.certificate.reset(cert);
  for (int i = 0; ca && i < sk_X509_num(ca); ++i) c.chain.emplace_back(sk_X509_value(ca, i));
  sk_X509_free(ca);  // (the certificates now belong to c.chain)
  if (!c.key)
    fail(pos, tr("the key file holds no private key"), tr("export the private key with the certificate (not -nokeys)"));
  if (!c.certificate)
    fail(pos, tr("the key file holds no certificate for its key"), tr("export the certificate with the key"));
  if (X509_check_private_key(c.certificate.get(), c.key.get()) != 1) {
    ERR_clear_error();
    fail(pos, tr("the private key does not belong to the certificate"),
         tr("export the matching key and certificate together"));
  }
  check_validity(c.certificate.get(), now, pos);
  return c;
}

}  // namespace vanban::sign
