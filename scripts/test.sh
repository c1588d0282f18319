#!/usr/bin/env bash
# Runs the whole test suite on a fresh machine: installs what the tests need (LibreOffice for PDF checks,
# poppler-utils for pdftotext/pdfinfo, the fonts that decide page breaks), then runs dotnet test.
set -euo pipefail
cd "$(dirname "$0")/.."

needed=(libreoffice-writer poppler-utils fonts-liberation2 fonts-noto-core fonts-noto-cjk)
missing=()
for package in "${needed[@]}"; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "Installing: ${missing[*]}"
  sudo_cmd=""
  [ "$(id -u)" -eq 0 ] || sudo_cmd="sudo"
  $sudo_cmd apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

dotnet test CommitteePapers.sln -c Release --logger "console;verbosity=minimal" "$@"
