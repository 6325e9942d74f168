#!/usr/bin/env bash
# Debian/Ubuntu packages the test suite uses: poppler-utils and qpdf read PDFs back, chromium runs the
# Playwright e2e tests, LibreOffice checks the DOCX round trip. Installs only what is missing.
set -euo pipefail
PACKAGES=(poppler-utils qpdf chromium libreoffice-writer-nogui)
if ! command -v apt-get >/dev/null 2>&1; then
  echo "install-test-deps: no apt-get here; install ${PACKAGES[*]} with your package manager" >&2
  exit 0
fi
missing=()
for p in "${PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] && exit 0
SUDO=""; [ "$(id -u)" = "0" ] || SUDO="sudo"
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
