#!/usr/bin/env bash
# Copies the official ASP.NET Core SignalR browser client into wwwroot so the
# web front can serve it without npm at run time. The result is committed.
#
#   WebFront/ClientApp/vendor-signalr.sh
#
# Re-run it after changing the pinned version in package.json (then run
# `npm install` once first so package-lock.json follows).
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
dest_dir="$here/../wwwroot/lib/signalr"
pkg_dir="$here/node_modules/@microsoft/signalr"
src="$pkg_dir/dist/browser/signalr.min.js"

cd "$here"
npm ci --no-audit --no-fund

if [[ ! -f "$src" ]]; then
  echo "vendor-signalr: $src not found after npm ci" >&2
  exit 1
fi

version="$(node -p "require('$pkg_dir/package.json').version")"
license="$(node -p "require('$pkg_dir/package.json').license")"

mkdir -p "$dest_dir"
tmp="$(mktemp "$dest_dir/.signalr.min.js.XXXXXX")"
trap 'rm -f "$tmp"' EXIT

# The minified bundle carries no licence banner of its own, so one is written
# here. Anything the upstream file starts with is kept as it is; only the
# trailing source-map reference is dropped, because the map is not vendored.
{
  printf '/*! @microsoft/signalr v%s | ASP.NET Core SignalR JavaScript client\n' "$version"
  printf ' * Copyright (c) .NET Foundation and Contributors. All rights reserved.\n'
  printf ' * Licensed under the %s License: https://github.com/dotnet/aspnetcore/blob/main/LICENSE.txt\n' "$license"
  printf ' * Vendored from npm by WebFront/ClientApp/vendor-signalr.sh; do not edit by hand. */\n'
  grep -v '^//# sourceMappingURL=' "$src"
} > "$tmp"

chmod 0644 "$tmp"
mv "$tmp" "$dest_dir/signalr.min.js"
trap - EXIT
echo "vendor-signalr: wrote $dest_dir/signalr.min.js (@microsoft/signalr $version)"
