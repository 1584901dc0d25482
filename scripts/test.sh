#!/usr/bin/env bash
# The whole test suite, as CI runs it: dependencies, build, unit and integration tests, and
# the CLI contract that tools outside this repository rely on (../shared/check/cli-contract).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
echo "== swift build --build-tests"
swift build --build-tests
contract=../shared/check/cli-contract
if [ -x "$contract" ]; then
  echo "== CLI contract ($contract)"
  "$contract" .build/debug/varselvakt
fi
echo "== swift test"
swift test --skip-build
echo "== browser test (headless Chromium from Debian)"
/usr/bin/python3 Tests/Browser/browser_test.py .build/debug/varselvakt
echo "== alerting rules (promtool from Debian's prometheus package)"
promtool check rules docs/alerts.yml
promtool test rules Tests/Operations/alerts_test.yml
