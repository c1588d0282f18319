#!/usr/bin/env bash
# Writes docs/examples/york-scrutiny-pack again: the York pack's web pages (index.html and a page per paper), as
# `committee-papers pack --to html` builds them. HtmlTests checks that the committed pages are current.
set -euo pipefail
cd "$(dirname "$0")/.."
rm -rf docs/examples/york-scrutiny-pack
dotnet run --project src/CommitteePapers.Cli -c Release -- pack examples/york-scrutiny-pack/pack.yaml --to html -o docs/examples/york-scrutiny-pack
