#!/usr/bin/env bash
# Refresh the vendored iframe-worker shim that lets Material's search run from file://.
# Material's offline plugin points pages at unpkg.com; glue/hooks.py points them here instead,
# because no page may load anything from another host.
set -euo pipefail
version=${1:-1.0.4}
here=$(cd "$(dirname "$0")/.." && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
(cd "$tmp" && npm pack "iframe-worker@$version" --silent >/dev/null && tar xzf iframe-worker-*.tgz)
mkdir -p "$here/web/assets/vendor/iframe-worker"
cp "$tmp/package/shim/index.js" "$here/web/assets/vendor/iframe-worker/shim.js"
cp "$tmp/package/LICENSE" "$here/web/assets/vendor/iframe-worker/LICENSE"
echo "iframe-worker $version vendored into web/assets/vendor/iframe-worker/"
