#!/usr/bin/env bash
# Runs the test suite on a fresh machine: installs what the tests need (LibreOffice for PDF checks, the fonts that
# decide page breaks, Chromium for the web pages, clang and zlib1g-dev for the NativeAOT tool the consumer test packs;
# the tests read PDFs back in-process with PdfPig), then runs dotnet test with a line for every test as it finishes.
#
#   bash scripts/test.sh            the whole suite (what CI runs), about 10 minutes on 2 cores with the build
#   bash scripts/test.sh --quick    the inner loop: everything but the slow tests (packs, PDFs, the installed tool,
#                                   the browser, long fuzzing and property runs), under 3 minutes
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

# chromium: the browser tests open every web page in it (Playwright drives /usr/lib/chromium/chromium; nothing is downloaded).
needed=(libreoffice-writer fonts-liberation2 fonts-noto-core fonts-noto-cjk chromium clang zlib1g-dev)
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

# The writer's editor for EditorTests: yaml-language-server as pinned in tools/editor-check (package-lock.json). It
# needs node; the registry only here, once, never when the tests run.
if [ ! -d tools/editor-check/node_modules/yaml-language-server ]; then
  if ! command -v npm >/dev/null 2>&1; then
    echo "Installing: nodejs npm"
    sudo_cmd=""
    [ "$(id -u)" -eq 0 ] || sudo_cmd="sudo"
    $sudo_cmd apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq --no-install-recommends nodejs npm >/dev/null
  fi
  echo "Installing yaml-language-server (tools/editor-check)"
  (cd tools/editor-check && npm ci --no-audit --no-fund --loglevel=error >/dev/null)
fi

# A snapshot that is missing fails instead of being written and passed.
export SNAPSHOOTER_STRICT_MODE=true

if $quick; then
  args+=(--filter "Category!=Slow")
fi

echo "Building…"
dotnet build CommitteePapers.sln -c Release -nologo -v quiet
echo "Testing$($quick && echo ' (quick: slow tests left out)' || true)…"
log=$(mktemp)
trap 'rm -f "$log"' EXIT
status=0
dotnet test tests/CommitteePapers.Tests -c Release --no-build -nologo --logger "console;verbosity=normal" "${args[@]}" | tee "$log" || status=$?
if [ "$status" -ne 0 ]; then
  # A CI log is often read from its end: repeat each failure, with the first lines of its message, last.
  echo
  echo "Failures (repeated from above):"
  awk '/^  Failed /{n=8} n>0{print; n--}' "$log" | cut -c1-300
fi
exit "$status"
