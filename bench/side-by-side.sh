#!/usr/bin/env bash
# Side by side, whole process, one York-sized document:
#   (i)   our CLI: committee-papers build examples/york-safeguarding-update/report.yaml
#   (ii)  pandoc:  the same content from the peers' corpus, with their reference doc
#   (iii) LibreOffice headless: our .docx -> PDF (only if soffice is installed)
# Each tool gets one untimed warm-up run (its time is shown as "first run"), then
# RUNS (or LO_RUNS) timed runs, each a fresh process; the table shows the median.
# Wall time comes from `date +%s.%N` deltas, peak RSS from GNU time (if present).
#
# Usage: bench/side-by-side.sh            (from anywhere)
#        RUNS=20 LO_RUNS=5 bench/side-by-side.sh
# Env:   PEERS=/work/shared/peers   where corpus/ and ref/ live
#        KEEP=1                      keep the temporary folder (path printed)
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
PEERS=${PEERS:-/work/shared/peers}
RUNS=${RUNS:-10}
LO_RUNS=${LO_RUNS:-5}
YAML=$ROOT/examples/york-safeguarding-update/report.yaml
MD=$PEERS/corpus/york-safeguarding.md
REF=$PEERS/ref/reference.docx

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

WORK=$(mktemp -d "${TMPDIR:-/tmp}/side-by-side.XXXXXX")
cleanup() {
  if [ "${KEEP:-0}" = 1 ]; then echo "kept $WORK"; else rm -rf "$WORK"; fi
}
trap cleanup EXIT
mkdir -p "$WORK/cli" "$WORK/out" "$WORK/pdf" "$WORK/log"

for f in "$YAML" "$MD" "$REF"; do
  [ -f "$f" ] || { echo "error: missing $f" >&2; exit 2; }
done

HAVE_TIME=0
[ -x /usr/bin/time ] && HAVE_TIME=1

median() { sort -n | awk '{ v[NR] = $1 } END { if (NR == 0) { print "nan"; exit }
  if (NR % 2) print v[(NR + 1) / 2]; else print (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

# once LABEL CMD...: one run; prints "seconds rssKiB"; stdout/stderr to the log; fails if CMD fails
once() {
  local label=$1; shift
  local t0 t1 rss=- status=0
  t0=$(date +%s.%N)
  if [ $HAVE_TIME = 1 ]; then
    /usr/bin/time -f '%M' -o "$WORK/log/rss" "$@" >> "$WORK/log/$label.out" 2>> "$WORK/log/$label.err" || status=$?
  else
    "$@" >> "$WORK/log/$label.out" 2>> "$WORK/log/$label.err" || status=$?
  fi
  t1=$(date +%s.%N)
  [ $status = 0 ] || return $status
  [ $HAVE_TIME = 1 ] && rss=$(tail -n 1 "$WORK/log/rss")
  awk -v a="$t0" -v b="$t1" -v m="$rss" 'BEGIN { printf "%.4f %s\n", b - a, m }'
}

# measure LABEL N CMD...: warm-up (kept as "first run") then N timed runs.
# Appends "label first median min max rssMiB n" to $WORK/results; returns non-zero if any run failed.
measure() {
  local label=$1 n=$2; shift 2
  local first
  if ! first=$(once "$label" "$@"); then
    echo "  $label failed; its stderr:" >&2
    sed 's/^/    /' "$WORK/log/$label.err" | tail -n 40 >&2
    return 1
  fi
  : > "$WORK/log/$label.runs"
  for _ in $(seq "$n"); do
    once "$label" "$@" >> "$WORK/log/$label.runs" || { echo "  $label failed on a timed run" >&2; return 1; }
  done
  local med min max rss
  med=$(cut -d' ' -f1 "$WORK/log/$label.runs" | median)
  min=$(cut -d' ' -f1 "$WORK/log/$label.runs" | sort -n | head -n 1)
  max=$(cut -d' ' -f1 "$WORK/log/$label.runs" | sort -n | tail -n 1)
  rss=$(cut -d' ' -f2 "$WORK/log/$label.runs" | grep -v -- - | median || true)
  rss=$(awk -v k="$rss" 'BEGIN { if (k == "" || k == "nan") print "-"; else printf "%.1f", k / 1024 }')
  echo "$label ${first%% *} $med $min $max $rss $n" >> "$WORK/results"
  echo "  $label: median $med s over $n runs (first run ${first%% *} s)"
}

: > "$WORK/results"
failed=0

# ---------------------------------------------------------------- (i) ours
echo "== publishing src/CommitteePapers.Cli (Release) to $WORK/cli"
# --artifacts-path keeps bin/ and obj/ out of src/, so this never races another build there.
publish=(dotnet publish "$ROOT/src/CommitteePapers.Cli/CommitteePapers.Cli.csproj" -c Release
         -o "$WORK/cli" --artifacts-path "$WORK/artifacts" -nologo -v quiet)
PUBLISH_KIND="ReadyToRun (linux-x64, framework-dependent)"
if ! "${publish[@]}" -r linux-x64 --self-contained false -p:PublishReadyToRun=true \
     > "$WORK/log/publish-r2r.log" 2>&1; then
  echo "  ReadyToRun publish failed (last lines below); falling back to a plain publish"
  tail -n 15 "$WORK/log/publish-r2r.log" | sed 's/^/    /'
  rm -rf "$WORK/cli" "$WORK/artifacts" && mkdir -p "$WORK/cli"
  PUBLISH_KIND="plain (JIT, framework-dependent)"
  if ! "${publish[@]}" > "$WORK/log/publish.log" 2>&1; then
    tail -n 30 "$WORK/log/publish.log" >&2
    echo "error: could not publish the CLI" >&2
    exit 1
  fi
fi
CLI=$WORK/cli/committee-papers
[ -x "$CLI" ] || { echo "error: no $CLI after publishing" >&2; exit 1; }
echo "  published: $PUBLISH_KIND"

echo "== ours: committee-papers build (1 warm-up + $RUNS runs)"
OURS_DOCX=$WORK/out/ours.docx
if ! measure ours-cli "$RUNS" "$CLI" build "$YAML" -o "$OURS_DOCX"; then
  failed=1; OURS_DOCX=
fi

# ---------------------------------------------------------------- (ii) pandoc
if ! command -v pandoc > /dev/null; then
  if [ "$(id -u)" = 0 ] && command -v apt-get > /dev/null; then
    echo "== pandoc is not installed; installing it with apt-get"
    if ! apt-get install -y pandoc > "$WORK/log/apt.log" 2>&1; then
      # a fresh container may have no package lists yet
      if ! { apt-get update > /dev/null 2>&1 && apt-get install -y pandoc > "$WORK/log/apt.log" 2>&1; }; then
        echo "  apt-get install pandoc failed:"
        tail -n 5 "$WORK/log/apt.log" | sed 's/^/    /'
      fi
    fi
  fi
fi
if command -v pandoc > /dev/null; then
  echo "== pandoc $(pandoc --version | head -n 1 | cut -d' ' -f2): md -> docx --reference-doc (1 warm-up + $RUNS runs)"
  measure pandoc "$RUNS" pandoc --reference-doc "$REF" -o "$WORK/out/pandoc.docx" "$MD" || failed=1
else
  echo "== pandoc is not installed (and this is not root, or apt-get failed): skipping it"
fi

# ---------------------------------------------------------------- (iii) LibreOffice
if command -v soffice > /dev/null && [ -n "$OURS_DOCX" ]; then
  echo "== LibreOffice headless: our .docx -> PDF (1 warm-up that builds the profile + $LO_RUNS runs)"
  lo=(timeout 300 soffice "-env:UserInstallation=file://$WORK/lo-profile" --headless
      --convert-to pdf --outdir "$WORK/pdf" "$OURS_DOCX")
  measure lo-pdf "$LO_RUNS" "${lo[@]}" || failed=1
  [ -f "$WORK/pdf/ours.pdf" ] || { echo "  LibreOffice wrote no PDF" >&2; failed=1; }
elif ! command -v soffice > /dev/null; then
  echo "== soffice is not installed: skipping the PDF step"
fi

# ---------------------------------------------------------------- (iv) agenda pack
# Our whole pack build (measure, then build: two LibreOffice runs) against LibreOffice converting the same
# documents (the agenda and each paper, one soffice run with a fresh profile, as the pack does).
if command -v soffice > /dev/null; then
  PACK=$ROOT/examples/york-scrutiny-pack/pack.yaml
  echo "== ours: committee-papers pack (1 warm-up + $LO_RUNS runs)"
  if measure ours-pack "$LO_RUNS" "$CLI" pack "$PACK" -o "$WORK/pack"; then
    mkdir -p "$WORK/pack-docs"
    for f in "$WORK"/pack/*.docx; do
      case "$f" in *-pack.docx|*-private.docx) ;; *) cp "$f" "$WORK/pack-docs/" ;; esac
    done
    echo "== LibreOffice headless: the pack's documents -> PDF, fresh profile each run ($LO_RUNS runs)"
    measure lo-pack "$LO_RUNS" bash -c 'rm -rf "$0/lo-fresh" "$0/pack-pdf"; timeout 300 soffice "-env:UserInstallation=file://$0/lo-fresh" --headless --convert-to pdf --outdir "$0/pack-pdf" "$0"/pack-docs/*.docx' "$WORK" || failed=1
  else
    failed=1
  fi
fi

# ---------------------------------------------------------------- table
echo
echo "Machine: $(nproc) cores, $(awk '/MemTotal/ { printf "%.0f GiB", $2 / 1048576 }' /proc/meminfo); $(uname -sr)"
echo "Our CLI publish: $PUBLISH_KIND; .NET SDK $(dotnet --version), runtime $(dotnet --list-runtimes | awk '/Microsoft.NETCore.App/ { v = $2 } END { print v }')"
echo
printf '%-10s %10s %10s %21s %12s %5s\n' tool "median s" "first s" "min-max s" "peak MiB" runs
printf '%-10s %10s %10s %21s %12s %5s\n' ---------- -------- ------- --------- -------- ----
while read -r label first med min max rss n; do
  printf '%-10s %10.3f %10.3f %21s %12s %5s\n' "$label" "$med" "$first" "$min-$max" "$rss" "$n"
done < "$WORK/results"
ours=$(awk '$1 == "ours-cli" { print $3 }' "$WORK/results")
pand=$(awk '$1 == "pandoc" { print $3 }' "$WORK/results")
echo
if [ -n "$ours" ] && [ -n "$pand" ]; then
  awk -v o="$ours" -v p="$pand" 'BEGIN { printf "ratio ours/pandoc (medians): %.2f  (below 1 means ours is faster)\n", o / p }'
else
  echo "ratio ours/pandoc: n/a (one of them did not run)"
fi
op=$(awk '$1 == "ours-pack" { print $3 }' "$WORK/results")
lp=$(awk '$1 == "lo-pack" { print $3 }' "$WORK/results")
if [ -n "$op" ] && [ -n "$lp" ]; then
  awk -v o="$op" -v l="$lp" 'BEGIN { printf "ratio pack/LibreOffice (medians): %.2f\n", o / l }'
fi
if [ -n "$OURS_DOCX" ] && [ -f "$OURS_DOCX" ]; then
  echo "our .docx: $(stat -c %s "$OURS_DOCX") bytes"
fi
exit $failed
