#include "pipeline/sign/timestamp.hpp"

#include <openssl/cms.h>
#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/http.h>
#include <openssl/rand.h>
#include <openssl/ts.h>

#include <algorithm>
#include <ctime>
#include <memory>
#include <stdexcept>

#include "pipeline/core/i18n.hpp"
#include "pipeline/sign/cms.hpp"
#include "pipeline/sign/credentials.hpp"

namespace vanban::sign {
namespace {

template <class T, void (*Free)(T*)>
struct Deleter {
  void operator()(T* p) const { Free(p); }
};
using ReqPtr = std::unique_ptr<TS_REQ, Deleter<TS_REQ, TS_REQ_free>>;
using RespPtr = std::unique_ptr<TS_RESP, Deleter<TS_RESP, TS_RESP_free>>;
using BioPtr = std::unique_ptr<BIO, Deleter<BIO, BIO_free_all>>;
using CmsPtr = std::unique_ptr<CMS_ContentInfo, Deleter<CMS_ContentInfo, CMS_ContentInfo_free>>;
using TstPtr = std::unique_ptr<TS_TST_INFO, Deleter<TS_TST_INFO, TS_TST_INFO_free>>;
using VerifyPtr = std::unique_ptr<TS_VERIFY_CTX, Deleter<TS_VERIFY_CTX, TS_VERIFY_CTX_free>>;

/// SHA-256 of `bytes`.
std::vector<unsigned char> sha256(std::string_view bytes) {
  std::vector<unsigned char> d(32);
  unsigned int n = 0;
  if (EVP_Digest(bytes.data(), bytes.size(), d.data(), &n, EVP_sha256(), nullptr) != 1 || n != 32)
    throw std::runtime_error(tr("SHA-256 failed: {}", openssl_reason()));
  return d;
}

/// The timestamp request for `digest` (SHA-256), with a random nonce.
ReqPtr make_request(const std::vector<unsigned char>& digest) {
  ReqPtr req(TS_REQ_new());
  std::unique_ptr<TS_MSG_IMPRINT, Deleter<TS_MSG_IMPRINT, TS_MSG_IMPRINT_free>> imprint(TS_MSG_IMPRINT_new());
  std::unique_ptr<X509_ALGOR, Deleter<X509_ALGOR, X509_ALGOR_free>> algo(X509_ALGOR_new());
  unsigned char nonce_bytes[8];
  std::unique_ptr<ASN1_INTEGER, Deleter<ASN1_INTEGER, ASN1_INTEGER_free>> nonce;
  if (req && imprint && algo && RAND_bytes(nonce_bytes, sizeof nonce_bytes) == 1) {
    nonce_bytes[0] &= 0x7f;  // a positive INTEGER
    BIGNUM* bn = BN_bin2bn(nonce_bytes, sizeof nonce_bytes, nullptr);
    nonce.reset(bn ? BN_to_ASN1_INTEGER(bn, nullptr) : nullptr);
    BN_free(bn);
  }
  if (!nonce || X509_ALGOR_set0(algo.get(), OBJ_nid2obj(NID_sha256), V_ASN1_NULL, nullptr) != 1 ||
      TS_MSG_IMPRINT_set_algo(imprint.get(), algo.get()) != 1 ||
      TS_MSG_IMPRINT_set_msg(imprint.get(), const_cast<unsigned char*>(digest.data()), static_cast<int>(digest.size())) != 1 ||
      TS_REQ_set_version(req.get(), 1) != 1 || TS_REQ_set_msg_imprint(req.get(), imprint.get()) != 1 ||
      TS_REQ_set_nonce(req.get(), nonce.get()) != 1 || TS_REQ_set_cert_req(req.get(), 1) != 1)
    throw std::runtime_error(tr("cannot make the timestamp request: {}", openssl_reason()));
  return req;
}

/// POSTs `req` to `url` and reads the TSA's reply.
RespPtr post_request(const std::string& url, TS_REQ* req) {
  int use_ssl = 0;
  char *host = nullptr, *port = nullptr, *path = nullptr;
  if (OSSL_HTTP_parse_url(url.c_str(), &use_ssl, nullptr, &host, &port, nullptr, &path, nullptr, nullptr) != 1)
    throw std::runtime_error(tr("--tsa {} is not a URL (http://host[:port]/path)", url));
  struct OsslFree {
    void operator()(char* s) const { OPENSSL_free(s); }
  };
  const std::unique_ptr<char, OsslFree> own_host(host), own_port(port), own_path(path);
  if (use_ssl) throw std::runtime_error(tr("--tsa {}: only http:// is supported (a timestamp needs no secrecy)", url));
  BioPtr body(BIO_new(BIO_s_mem()));
  if (!body || i2d_TS_REQ_bio(body.get(), req) != 1)
    throw std::runtime_error(tr("cannot encode the timestamp request: {}", openssl_reason()));
  BioPtr reply(OSSL_HTTP_transfer(nullptr, host, port, path, 0, nullptr, nullptr, nullptr, nullptr, nullptr, nullptr, 0,
                                  nullptr, "application/timestamp-query", body.get(), "application/timestamp-reply",
                                  /*expect_asn1=*/1, /*max_resp_len=*/1 << 20, /*timeout=*/30, /*keep_alive=*/0));
  if (!reply) throw std::runtime_error(tr("the timestamping authority {} did not answer: {}", url, openssl_reason()));
  RespPtr resp(d2i_TS_RESP_bio(reply.get(), nullptr));
  if (!resp)
    throw std::runtime_error(tr("the timestamping authority {} sent no timestamp reply: {}", url, openssl_reason()));
  return resp;
}

}  // namespace

std::vector<unsigned char> request_timestamp(const std::string& url, std::string_view signature_value) {
  const ReqPtr req = make_request(sha256(signature_value));
  const RespPtr resp = post_request(url, req.get());
  const TS_STATUS_INFO* status = TS_RESP_get_status_info(resp.get());
  const long granted = ASN1_INTEGER_get(TS_STATUS_INFO_get0_status(status));
  if (granted != TS_STATUS_GRANTED && granted != TS_STATUS_GRANTED_WITH_MODS)
    throw std::runtime_error(tr("the timestamping authority {} refused (PKIStatus {})", url, granted));
  // The reply must answer this request: the same imprint and nonce (its signature is
  // checked by `verify`, which may be given the TSA's trust list).
  VerifyPtr ctx(TS_REQ_to_TS_VERIFY_CTX(req.get(), nullptr));
  if (ctx) TS_VERIFY_CTX_set_flags(ctx.get(), TS_VFY_VERSION | TS_VFY_IMPRINT | TS_VFY_NONCE);
  if (!ctx || TS_RESP_verify_response(ctx.get(), resp.get()) != 1)
    throw std::runtime_error(tr("the timestamp does not answer the request: {}", openssl_reason()));
  PKCS7* token = TS_RESP_get_token(resp.get());
  unsigned char* der = nullptr;
  const int n = token ? i2d_PKCS7(token, &der) : -1;
  if (n <= 0) throw std::runtime_error(tr("cannot encode the timestamp token: {}", openssl_reason()));
  std::vector<unsigned char> out(der, der + n);
  OPENSSL_free(der);
  return out;
}

TimestampCheck check_timestamp(std::string_view token, std::string_view signature_value) {
  TimestampCheck r;
  // Read as CMS, which takes any content type (the token's is id-ct-TSTInfo).
  const auto* p = reinterpret_cast<const unsigned char*>(token.data());
  CmsPtr cms(d2i_CMS_ContentInfo(nullptr, &p, static_cast<long>(token.size())));
  ASN1_OCTET_STRING** content = cms ? CMS_get0_content(cms.get()) : nullptr;
  const unsigned char* tst = content && *content ? ASN1_STRING_get0_data(*content) : nullptr;
  TstPtr info(tst ? d2i_TS_TST_INFO(nullptr, &tst, ASN1_STRING_length(*content)) : nullptr);
  if (!info) {
    ERR_clear_error();
    r.problem = tr("the timestamp token cannot be read");
    return r;
  }
  std::tm tm{};
  if (ASN1_TIME_to_tm(TS_TST_INFO_get_time(info.get()), &tm) == 1) r.time = static_cast<std::int64_t>(timegm(&tm));
  // The token's own signature over its content, with the certificate it carries (its
  // chain is a matter of trust, like the signer's).
  std::unique_ptr<X509_STORE, Deleter<X509_STORE, X509_STORE_free>> none(X509_STORE_new());
  const bool signed_ok = CMS_verify(cms.get(), nullptr, none.get(), nullptr, nullptr, CMS_NO_SIGNER_CERT_VERIFY) == 1;
  if (STACK_OF(X509)* signers = signed_ok ? CMS_get0_signers(cms.get()) : nullptr) {  // (known once verified)
    if (sk_X509_num(signers) > 0) r.tsa = subject_name(sk_X509_value(signers, 0));
    sk_X509_free(signers);
  }
  const std::vector<unsigned char> digest = sha256(signature_value);
  const ASN1_OCTET_STRING* msg = TS_MSG_IMPRINT_get_msg(TS_TST_INFO_get_msg_imprint(info.get()));
  const bool imprint_ok = msg && static_cast<std::size_t>(ASN1_STRING_length(msg)) == digest.size() &&
                          std::equal(digest.begin(), digest.end(), ASN1_STRING_get0_data(msg));
  ERR_clear_error();
  r.matches = signed_ok && imprint_ok;
  if (!signed_ok) r.problem = tr("the timestamp token's signature does not hold");
  else if (!imprint_ok) r.problem = tr("the timestamp is over other bytes than this signature");
  return r;
}

}  // namespace vanban::sign
