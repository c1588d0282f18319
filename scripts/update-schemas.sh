#!/usr/bin/env bash
# Regenerates the committed JSON Schemas and the key reference from the library's one description of the YAML
# shapes; the schema tests fail until the committed files equal what the library generates.
set -euo pipefail
cd "$(dirname "$0")/.."
dotnet build src/CommitteePapers.Cli -c Release -v quiet -nologo > /dev/null
cli=(dotnet run --project src/CommitteePapers.Cli -c Release --no-build --no-launch-profile --)
"${cli[@]}" schema > schema/committee-paper.schema.json
"${cli[@]}" schema --of style > schema/house-style.schema.json
"${cli[@]}" schema --of pack > schema/agenda-pack.schema.json
"${cli[@]}" schema --of reference > docs/reference.md
echo "schemas and docs/reference.md regenerated"
