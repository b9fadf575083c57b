#!/usr/bin/env bash
# Copies what the live page uses from pinned npm packages into wwwroot/lib, so the web front serves it
# without npm or any CDN at run time. The copies are committed; re-run this after changing a pinned
# version in package.json (run `npm install` once first so package-lock.json follows), after a country
# is added to Tagging/Data/countries.tsv, or after an icon is added to icons.txt.
#
#   WebFront/ClientApp/vendor.sh
#
#   @microsoft/signalr  dist/browser/signalr.min.js                      -> lib/signalr/signalr.min.js
#   flag-icons          flags/4x3/<code>.svg for every country Feed knows  -> lib/flags/<code>.svg
#   @tabler/icons       icons/outline/<name>.svg for each name in icons.txt -> lib/icons/<name>.svg
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
lib="$here/../wwwroot/lib"
countries="$here/../../Tagging/Data/countries.tsv"
modules="$here/node_modules"

cd "$here"
npm ci --no-audit --no-fund

field() { node -p "require('$1/package.json').$2"; }

# licence PKG TITLE HOME DEST: the package's licence, headed by where and which version it came from.
licence() {
  {
    printf '%s v%s (%s), %s License; vendored by WebFront/ClientApp/vendor.sh.\n\n' "$2" "$(field "$1" version)" "$3" "$(field "$1" license)"
    cat "$1/LICENSE"
  } | publish "$4"
}

# Writes stdin to a file in one step, so a failed run never leaves half a file behind.
publish() {
  local dest="$1" tmp
  mkdir -p "$(dirname "$dest")"
  tmp="$(mktemp "$(dirname "$dest")/.vendor.XXXXXX")"
  cat > "$tmp"
  chmod 0644 "$tmp"
  mv "$tmp" "$dest"
}

# --- SignalR -----------------------------------------------------------------------------------------
pkg="$modules/@microsoft/signalr"
src="$pkg/dist/browser/signalr.min.js"
[[ -f "$src" ]] || { echo "vendor: $src not found after npm ci" >&2; exit 1; }
version="$(field "$pkg" version)"
# The minified bundle carries no licence banner of its own, so one is written here. Anything the
# upstream file starts with is kept as it is; only the trailing source-map reference is dropped,
# because the map is not vendored.
{
  printf '/*! @microsoft/signalr v%s | ASP.NET Core SignalR JavaScript client\n' "$version"
  printf ' * Copyright (c) .NET Foundation and Contributors. All rights reserved.\n'
  printf ' * Licensed under the %s License: https://github.com/dotnet/aspnetcore/blob/main/LICENSE.txt\n' "$(field "$pkg" license)"
  printf ' * Vendored from npm by WebFront/ClientApp/vendor.sh; do not edit by hand. */\n'
  grep -v '^//# sourceMappingURL=' "$src"
} | publish "$lib/signalr/signalr.min.js"
echo "vendor: lib/signalr/signalr.min.js (@microsoft/signalr $version)"

# --- Flags: one 4:3 SVG per ISO 3166-1 code in the tagger's country list -------------------------------
pkg="$modules/flag-icons"
version="$(field "$pkg" version)"
rm -rf "$lib/flags"
count=0
# countries.tsv: comment lines start with '#', then a header row whose first field is "code".
while IFS=$'\t' read -r code _; do
  [[ -z "$code" || "$code" == \#* || "$code" == code ]] && continue
  lower="$(tr 'A-Z' 'a-z' <<< "$code")"
  svg="$pkg/flags/4x3/$lower.svg"
  [[ -f "$svg" ]] || { echo "vendor: flag-icons $version has no flag for $code" >&2; exit 1; }
  publish "$lib/flags/$lower.svg" < "$svg"
  count=$((count + 1))
done < "$countries"
licence "$pkg" flag-icons https://github.com/lipis/flag-icons "$lib/flags/LICENSE"
echo "vendor: lib/flags/ ($count flags, flag-icons $version)"

# --- Icons: the Tabler outline icons named in icons.txt -----------------------------------------------
pkg="$modules/@tabler/icons"
version="$(field "$pkg" version)"
rm -rf "$lib/icons"
count=0
while read -r name _; do
  [[ -z "$name" || "$name" == \#* ]] && continue
  svg="$pkg/icons/outline/$name.svg"
  [[ -f "$svg" ]] || { echo "vendor: @tabler/icons $version has no outline icon '$name'" >&2; exit 1; }
  publish "$lib/icons/$name.svg" < "$svg"
  count=$((count + 1))
done < "$here/icons.txt"
licence "$pkg" @tabler/icons https://tabler.io/icons "$lib/icons/LICENSE"
echo "vendor: lib/icons/ ($count icons, @tabler/icons $version)"
