#!/usr/bin/env bash
# Packs the committee-papers tool as .NET 10 RID-specific tool packages into a folder (a feed):
#   CommitteePapers.Cli.<version>.nupkg            the pointer package: names the others, holds no code
#   CommitteePapers.Cli.linux-x64.<version>.nupkg  NativeAOT (needs clang and zlib1g-dev: scripts/test.sh installs them)
#   CommitteePapers.Cli.any.<version>.nupkg        framework-dependent, for every other platform (needs .NET 10)
# `dotnet tool install --add-source FEED CommitteePapers.Cli` then picks the package for the machine it runs on.
#
#   bash scripts/pack-tool.sh FEED [VERSION] [extra dotnet pack arguments]
set -euo pipefail
cd "$(dirname "$0")/.."
feed=${1:?usage: pack-tool.sh FEED [VERSION]}
version=${2:-}
shift $(( $# >= 2 ? 2 : 1 ))
args=(-c Release -o "$feed" -nologo -v quiet "$@")
[ -n "$version" ] && args+=("-p:Version=$version")
project=src/CommitteePapers.Cli/CommitteePapers.Cli.csproj
dotnet pack "$project" "${args[@]}"
dotnet pack "$project" -r linux-x64 "${args[@]}"
dotnet pack "$project" -r any -p:PublishAot=false "${args[@]}"
