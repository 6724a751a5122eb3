#!/usr/bin/env bash
# Installs the Debian 12 packages vanban needs to build, test and render, when missing.
# Safe to run again: it does nothing when everything is there.
set -euo pipefail

packages=(
  g++ cmake ninja-build pkg-config
  libpodofo-dev libharfbuzz-dev libfreetype-dev libfontconfig-dev libyaml-dev libutf8proc-dev
  libdeflate-dev libpng-dev libjpeg62-turbo-dev
  libzip-dev                             # `vanban import` of .docx (libzip4 is dlopen()ed at run time)
  gettext                                # msgfmt, xgettext: po/vi.po, the messages in Vietnamese
  libgtest-dev libbenchmark-dev
  fonts-liberation2
  poppler-utils qpdf python3 python3-yaml python3-jsonschema groff-base
  dpkg-dev file binutils     # cpack -G DEB: dpkg-shlibdeps finds the package's Depends (test_package.py)
  libssl-dev openssl icc-profiles-free                                            # signing (CMS), PDF/A's sRGB profile
  default-jre-headless libpdfbox2-java libactivation-java libjaxb-api-java        # tests: PDFBox Preflight (PDF/A-1b)
  default-jdk-headless      # tests: the PDFBox signature reader (java/SignatureFields.java, compiled at test time)
)

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] && exit 0

echo "Installing: ${missing[*]}" >&2
sudo=""
if [ "$(id -u)" -ne 0 ]; then
  command -v sudo >/dev/null || { echo "install these packages as root: ${missing[*]}" >&2; exit 1; }
  sudo=sudo
fi
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq
$sudo apt-get -o DPkg::Lock::Timeout=600 install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
