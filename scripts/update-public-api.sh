#!/usr/bin/env bash
# Adds every public symbol the build reports as undeclared (RS0016) to PublicAPI.Unshipped.txt and drops the
# ones it reports as gone (RS0017). Run after changing the public API on purpose; review the diff.
set -euo pipefail
cd "$(dirname "$0")/.."
file=src/CommitteePapers/PublicAPI.Unshipped.txt
log=$(dotnet build src/CommitteePapers -p:TreatWarningsAsErrors=false --no-incremental 2>&1 || true)
added=$(echo "$log" | grep -o "RS0016: Symbol '.*' is not part of the declared public API" | sed -E "s/RS0016: Symbol '(.*)' is not part of the declared public API/\1/" | sort -u || true)
removed=$(echo "$log" | grep -o "RS0017: Symbol '.*' is part of the declared API, but is either not public or could not be found" | sed -E "s/RS0017: Symbol '(.*)' is part of the declared API.*/\1/" | sort -u || true)
{ echo '#nullable enable'; { grep -v '^#nullable' "$file" | grep -vxF -f <(echo "$removed") || true; echo "$added"; } | grep -v '^$' | sort -u; } > "$file.new"
mv "$file.new" "$file"
echo "added $(echo "$added" | grep -c . || true), removed $(echo "$removed" | grep -c . || true)"
