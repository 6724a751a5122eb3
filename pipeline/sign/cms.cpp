#include "pipeline/sign/cms.hpp"

#include <openssl/cms.h>
#include <openssl/err.h>
#include <openssl/pem.h>
#include <openssl/x509_vfy.h>

#include <ctime>
#include <memory>
#include <stdexcept>

#include "pipeline/core/i18n.hpp"

namespace vanban::sign {
namespace {

using CmsPtr = std::unique_ptr<CMS_ContentInfo, decltype(&CMS_ContentInfo_free)>;
using BioPtr = std::unique_ptr<BIO, decltype(&BIO_free)>;
using StorePtr = std::unique_ptr<X509_STORE, decltype(&X509_STORE_free)>;

BioPtr memory_bio(std::string_view bytes) {
  return BioPtr(BIO_new_mem_buf(bytes.data(), static_cast<int>(bytes.size())), &BIO_free);
}

/// The signed signing-time attribute of `si`, if any.
std::optional<std::int64_t> signed_time(CMS_SignerInfo* si) {
  const int idx = CMS_signed_get_attr_by_NID(si, NID_pkcs9_signingTime, -1);
  if (idx < 0) return std::nullopt;
  const ASN1_TYPE* value = X509_ATTRIBUTE_get0_type(CMS_signed_get_attr(si, idx), 0);
  if (!value || (value->type != V_ASN1_UTCTIME && value->type != V_ASN1_GENERALIZEDTIME)) return std::nullopt;
  std::tm tm{};
  if (ASN1_TIME_to_tm(reinterpret_cast<const ASN1_TIME*>(value->value.asn1_string), &tm) != 1) return std::nullopt;
  return static_cast<std::int64_t>(timegm(&tm));
}

/// Whether `signer` chains to a certificate of `trust_file`, at `when`; `untrusted` are the
/// intermediate certificates the CMS carries.
bool chains_to(X509* signer, STACK_OF(X509)* untrusted, const std::string& trust_file,
               std::optional<std::int64_t> when, std::string& problem) {
  StorePtr store(X509_STORE_new(), &X509_STORE_free);
  if (X509_STORE_load_file(store.get(), trust_file.c_str()) != 1) {
    problem = tr("cannot read the trust list {}: {}", trust_file, openssl_reason());
    return false;
  }
  std::unique_ptr<X509_STORE_CTX, decltype(&X509_STORE_CTX_free)> ctx(X509_STORE_CTX_new(), &X509_STORE_CTX_free);
  X509_STORE_CTX_init(ctx.get(), store.get(), signer, untrusted);
  if (when) X509_STORE_CTX_set_time(ctx.get(), 0, static_cast<time_t>(*when));
  X509_STORE_CTX_set_purpose(ctx.get(), X509_PURPOSE_ANY);
  if (X509_verify_cert(ctx.get()) == 1) return true;
  problem = tr("the certificate does not chain to the trust list: {}",
               X509_verify_cert_error_string(X509_STORE_CTX_get_error(ctx.get())));
  ERR_clear_error();
  return false;
}

/// The signature value of `si`, as bytes.
std::string_view signature_value(CMS_SignerInfo* si) {
  const ASN1_OCTET_STRING* v = CMS_SignerInfo_get0_signature(si);
  return {reinterpret_cast<const char*>(ASN1_STRING_get0_data(v)), static_cast<std::size_t>(ASN1_STRING_length(v))};
}

/// Asks the TSA to timestamp the signature value and attaches the token, unsigned (the
/// signature exists before its timestamp can).
void add_timestamp(CMS_SignerInfo* si, const std::string& tsa_url) {
  const std::vector<unsigned char> token = request_timestamp(tsa_url, signature_value(si));
  if (CMS_unsigned_add1_attr_by_NID(si, NID_id_smime_aa_timeStampToken, V_ASN1_SEQUENCE, token.data(),
                                    static_cast<int>(token.size())) != 1)
    throw std::runtime_error(tr("cannot attach the timestamp: {}", openssl_reason()));
}

/// The timestamp token attached to `si`, if any, checked against its signature value.
void read_timestamp(CMS_SignerInfo* si, CmsCheck& r) {
  const int idx = CMS_unsigned_get_attr_by_NID(si, NID_id_smime_aa_timeStampToken, -1);
  if (idx < 0) return;
  r.timestamped = true;
  const ASN1_TYPE* value = X509_ATTRIBUTE_get0_type(CMS_unsigned_get_attr(si, idx), 0);
  if (!value || value->type != V_ASN1_SEQUENCE) {
    r.timestamp.problem = tr("the timestamp attribute is not a token");
    return;
  }
  const ASN1_STRING* der = value->value.sequence;
  r.timestamp = check_timestamp({reinterpret_cast<const char*>(ASN1_STRING_get0_data(der)),
                                 static_cast<std::size_t>(ASN1_STRING_length(der))},
                                signature_value(si));
}

}  // namespace

std::string openssl_reason() {
  const unsigned long e = ERR_get_error();
  ERR_clear_error();
  if (e == 0) return "unknown OpenSSL error";
  char buf[256];
  ERR_error_string_n(e, buf, sizeof buf);
  return buf;
}

std::vector<unsigned char> make_cms(const Credentials& signer, std::string_view content, std::int64_t signing_time,
                                    const std::string& tsa_url) {
  const unsigned flags = CMS_DETACHED | CMS_BINARY | CMS_PARTIAL | CMS_NOSMIMECAP;
  CmsPtr cms(CMS_sign(nullptr, nullptr, nullptr, nullptr, flags), &CMS_ContentInfo_free);
  // CMS_CADES adds the ESS signing-certificate-v2 attribute (binds the certificate's hash).
  CMS_SignerInfo* si = cms ? CMS_add1_signer(cms.get(), signer.certificate.get(), signer.key.get(), EVP_sha256(),
                                             CMS_BINARY | CMS_NOSMIMECAP | CMS_CADES | CMS_PARTIAL)
                           : nullptr;
  if (!si) throw std::runtime_error(tr("cannot set up the CMS signature: {}", openssl_reason()));
  // OpenSSL would stamp its own clock reading; ours is the one /M shows as well.
  std::unique_ptr<ASN1_TIME, decltype(&ASN1_TIME_free)> t(ASN1_TIME_set(nullptr, static_cast<time_t>(signing_time)),
                                                         &ASN1_TIME_free);
  if (!t || CMS_signed_add1_attr_by_NID(si, NID_pkcs9_signingTime, t->type, t.get(), -1) != 1)
    throw std::runtime_error(tr("cannot add the signing time: {}", openssl_reason()));
  for (const auto& c : signer.chain)
    if (CMS_add1_cert(cms.get(), c.get()) != 1)
      throw std::runtime_error(tr("cannot add a chain certificate: {}", openssl_reason()));
  BioPtr in = memory_bio(content);
  if (CMS_final(cms.get(), in.get(), nullptr, CMS_BINARY) != 1)
    throw std::runtime_error(tr("cannot sign: {}", openssl_reason()));
  if (!tsa_url.empty()) add_timestamp(si, tsa_url);
  unsigned char* der = nullptr;
  const int n = i2d_CMS_ContentInfo(cms.get(), &der);
  if (n <= 0) throw std::runtime_error(tr("cannot encode the CMS signature: {}", openssl_reason()));
  std::vector<unsigned char> out(der, der + n);
  OPENSSL_free(der);
  return out;
}

CmsCheck check_cms(std::string_view der, std::string_view content, const std::string& trust_file) {
  CmsCheck r;
  const auto* p = reinterpret_cast<const unsigned char*>(der.data());
  CmsPtr cms(d2i_CMS_ContentInfo(nullptr, &p, static_cast<long>(der.size())), &CMS_ContentInfo_free);
  STACK_OF(CMS_SignerInfo)* infos = cms ? CMS_get0_SignerInfos(cms.get()) : nullptr;
  if (!infos || sk_CMS_SignerInfo_num(infos) != 1) {
    ERR_clear_error();
    r.problem = tr("the signature is not a CMS SignedData with one signer");
    return r;
  }
  r.parsed = true;
  CMS_SignerInfo* si = sk_CMS_SignerInfo_value(infos, 0);
  r.signing_time = signed_time(si);
  r.signing_certificate_v2 = CMS_signed_get_attr_by_NID(si, NID_id_smime_aa_signingCertificateV2, -1) >= 0;
  read_timestamp(si, r);
  std::unique_ptr<STACK_OF(X509), void (*)(STACK_OF(X509)*)> certs(
      CMS_get1_certs(cms.get()), [](STACK_OF(X509)* s) { sk_X509_pop_free(s, X509_free); });
  X509* signer = nullptr;
  for (int i = 0; certs && i < sk_X509_num(certs.get()); ++i)
    if (CMS_SignerInfo_cert_cmp(si, sk_X509_value(certs.get(), i)) == 0) signer = sk_X509_value(certs.get(), i);
  if (!signer) {
    r.problem = tr("the signer's certificate is not in the signature");
    return r;
  }
  r.signer = subject_name(signer);
  r.organisation = subject_organisation(signer);
  // The bytes first, the certificate path separately, so that the report says which failed.
  StorePtr empty(X509_STORE_new(), &X509_STORE_free);
  BioPtr data = memory_bio(content);
  r.intact = CMS_verify(cms.get(), nullptr, empty.get(), data.get(), nullptr, CMS_BINARY | CMS_NO_SIGNER_CERT_VERIFY) == 1;
  if (!r.intact) {
    r.problem = tr("the signed bytes were changed ({})", openssl_reason());
    return r;
  }
  if (!trust_file.empty()) r.trusted = chains_to(signer, certs.get(), trust_file, r.signing_time, r.problem);
  return r;
}

}  // namespace vanban::sign
