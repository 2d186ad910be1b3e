#!/bin/sh
# Renders an HTML report and screenshots it in headless Chromium, to look at the page without a desktop.
# Usage: scripts/screenshot-report.sh [directory-to-scan] [output.png]
# Without a directory it renders the built-in sample scan result (every status, hostile strings).
# Needs a build (npm run build) and chromium (scripts/ensure-chromium.sh).
set -eu
here=$(cd "$(dirname "$0")/.." && pwd)
target=${1:-}
out=${2:-/tmp/tenet-report.png}
html=$(mktemp --suffix=.html /tmp/tenet-report-XXXXXX)
profile=$(mktemp -d /tmp/tenet-chromium-XXXXXX)
trap 'rm -rf "$profile"' EXIT
if [ -n "$target" ]; then
  node "$here/bin/tenet.js" scan "$target" --format html --output "$html" --fail-on none
else
  node --input-type=module -e '
    const [here, file] = process.argv.slice(1);
    const { renderHtml } = await import(`${here}/dist/src/reporters/html.js`);
    const { sampleScanResult } = await import(`${here}/dist/src/testing/sample-scan-result.js`);
    const { writeFileSync } = await import("node:fs");
    writeFileSync(file, renderHtml(sampleScanResult(), { describe: () => ({ rationale: "Why the control matters.", remediation: "What to change." }) }));
  ' "$here" "$html"
fi
chromium --headless --no-sandbox --disable-gpu --disable-quic --no-first-run --disable-background-networking \
  --disable-component-update --disable-sync --user-data-dir="$profile" --hide-scrollbars \
  --window-size=1280,4200 --screenshot="$out" "file://$html" 2>/dev/null
echo "screenshot: $out"
echo "report:     $html"
