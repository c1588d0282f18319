#!/usr/bin/env bash
# Runs the test suite on a fresh machine: installs what the tests need (LibreOffice for PDF checks, poppler-utils,
# the fonts that decide page breaks, clang and zlib1g-dev for the NativeAOT tool the consumer test packs), then runs
# dotnet test with a line for every test as it finishes.
#
#   bash scripts/test.sh            the whole suite (what CI runs), about 8 minutes on 2 cores
#   bash scripts/test.sh --quick    the inner loop: everything but the slow tests (packs, PDFs, the installed tool,
#                                   long fuzzing and property runs), under 3 minutes
#   bash scripts/test.sh --filter "FullyQualifiedName~NumberingTests"   any dotnet test arguments pass through
#
# Longer fuzzing and property runs: COMMITTEE_PAPERS_FUZZ_CASES, COMMITTEE_PAPERS_PROPERTY_ITER (docs/fuzzing.md).
set -euo pipefail
cd "$(dirname "$0")/.."

quick=false
args=()
for arg in "$@"; do
  if [ "$arg" = "--quick" ]; then quick=true; else args+=("$arg"); fi
done

needed=(libreoffice-writer poppler-utils fonts-liberation2 fonts-noto-core fonts-noto-cjk clang zlib1g-dev)
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

# A snapshot that is missing fails instead of being written and passed.
export SNAPSHOOTER_STRICT_MODE=true

if $quick; then
  args+=(--filter "Category!=Slow")
fi

echo "Building…"
dotnet build CommitteePapers.sln -c Release -nologo -v quiet
echo "Testing$($quick && echo ' (quick: slow tests left out)' || true)…"
dotnet test tests/CommitteePapers.Tests -c Release --no-build -nologo --logger "console;verbosity=normal" "${args[@]}"
