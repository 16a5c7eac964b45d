#!/usr/bin/env bash
# Lighthouse on the portal: home, the partnerships index and the Kumasi city page, German and
# English, served by `partnerwerk serve` on 127.0.0.1 with the Dortmund reference data, audited
# in Debian's chromium (never a downloaded browser). Prints the four category scores per page.
#
#   bench/lighthouse.sh            # from the repository root, after `make setup`
#
# Lighthouse comes from the npm registry into a temporary directory (nothing is saved to
# package.json). The goal: 100 for accessibility, best practices and SEO, >= 95 performance.
set -euo pipefail

LIGHTHOUSE_VERSION=13.5.0
PORT=${PORT:-8765}
ROOT=$(cd "$(dirname "$0")/.." && pwd)
BIN=$ROOT/.venv/bin
export CHROME_PATH=${CHROME_PATH:-/usr/bin/chromium}
KUMASI=2298890
PAGES=("/" "/partnerships/" "/cities/$KUMASI/" "/en/" "/en/partnerships/" "/en/cities/$KUMASI/")

[ -x "$CHROME_PATH" ] || { echo "Debian's chromium is needed at $CHROME_PATH" >&2; exit 1; }
[ -x "$BIN/partnerwerk" ] || { echo "Run make setup first ($BIN/partnerwerk missing)" >&2; exit 1; }
command -v npm >/dev/null || { echo "Node.js with npm is needed for Lighthouse" >&2; exit 1; }

WORK=$(mktemp -d)
SERVER_PID=
cleanup() {
  if [ -n "$SERVER_PID" ]; then kill "$SERVER_PID" 2>/dev/null || true; wait "$SERVER_PID" 2>/dev/null || true; fi
  rm -rf "$WORK"
}
trap cleanup EXIT

echo "Installing lighthouse@$LIGHTHOUSE_VERSION from the npm registry" >&2
(cd "$WORK" && npm install --no-save --no-audit --no-fund --silent "lighthouse@$LIGHTHOUSE_VERSION")
LIGHTHOUSE=$WORK/node_modules/.bin/lighthouse

export PARTNERWERK_VAR_DIR=$WORK/var
export PARTNERWERK_DEBUG=false
unset DATABASE_URL
"$BIN/partnerwerk" migrate --noinput --verbosity 0
"$BIN/partnerwerk" load-reference >/dev/null
"$BIN/partnerwerk" collectstatic --noinput --verbosity 0
# Its own session: Lighthouse, when it ends chromium, must not take the server with it.
setsid "$BIN/partnerwerk" serve --bind "127.0.0.1:$PORT" --workers 2 >"$WORK/server.log" 2>&1 &
SERVER_PID=$!
for _ in $(seq 50); do
  curl -fsS "http://127.0.0.1:$PORT/healthz" >/dev/null 2>&1 && break
  sleep 0.2
done
curl -fsS "http://127.0.0.1:$PORT/healthz" >/dev/null || { cat "$WORK/server.log" >&2; exit 1; }

printf '%-22s %12s %14s %15s %5s\n' page performance accessibility best-practices seo
for page in "${PAGES[@]}"; do
  url="http://127.0.0.1:$PORT$page"
  curl -fsS "$url" >/dev/null  # a first request fills the page cache, as for any visitor
  report=$WORK/report.json
  "$LIGHTHOUSE" "$url" --quiet --output=json --output-path="$report" \
    --only-categories=performance,accessibility,best-practices,seo \
    --chrome-flags="--headless --no-sandbox --disable-gpu --no-first-run \
--disable-background-networking --disable-component-update --disable-sync" \
    >/dev/null 2>"$WORK/lighthouse.log" || { cat "$WORK/lighthouse.log" >&2; exit 1; }
  node -e '
    const report = require(process.argv[1]);
    const score = (id) => Math.round(report.categories[id].score * 100);
    const failed = Object.values(report.audits)
      .filter((audit) => audit.score !== null && audit.score < 1 && audit.scoreDisplayMode === "binary")
      .map((audit) => audit.id);
    console.log(
      process.argv[2].padEnd(22) +
        String(score("performance")).padStart(12) +
        String(score("accessibility")).padStart(15) +
        String(score("best-practices")).padStart(16) +
        String(score("seo")).padStart(6) +
        (failed.length ? "   failed: " + failed.join(", ") : "")
    );
  ' "$report" "$page"
done
