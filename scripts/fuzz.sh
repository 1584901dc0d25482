#!/usr/bin/env bash
# Fuzzes varselvakt's input readers with libFuzzer (Swift's -sanitize=fuzzer, with AddressSanitizer).
# Not part of scripts/test.sh: it builds the separate package in Fuzz/ and runs each target for a
# fixed budget, seeded from the real fixtures, then prints a table (target, seconds, executions,
# crashes). A crash leaves its input in Fuzz/artifacts/<target>/; turn it into a regression test.
#
#   scripts/fuzz.sh                      # every target, 60 s each
#   FUZZ_SECONDS=300 scripts/fuzz.sh     # a longer budget per target
#   scripts/fuzz.sh FuzzHTMLConverter    # only the named targets
set -euo pipefail
cd "$(dirname "$0")/.."
repo=$(pwd)
seconds=${FUZZ_SECONDS:-60}
fixtures=${FIXTURES:-$repo/../shared/fixtures}
[ -d "$fixtures/feeds" ] || fixtures=$(cd "$repo" && while [ "$(pwd)" != / ] && [ ! -d shared/fixtures/feeds ]; do cd ..; done; pwd)/shared/fixtures
all=(FuzzFeedParser FuzzHTMLConverter FuzzHTMLAgainstLibXML2 FuzzNorwegianDates FuzzStatusPage FuzzConfig
  FuzzSubscribers FuzzSubscriberCSV)
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=("${all[@]}")

echo "== building Fuzz/ (sanitize=fuzzer,address)"
(cd Fuzz && swift build --sanitize fuzzer --sanitize address -Xswiftc -parse-as-library 2>&1 |
  grep -v "Cannot export local symbol" | tail -5)
bin=$(cd Fuzz && swift build --sanitize fuzzer --sanitize address -Xswiftc -parse-as-library --show-bin-path)

# Seed corpora, rebuilt each run from the fixtures (the working corpora keep what libFuzzer adds).
seeds=Fuzz/.seeds
rm -rf "$seeds" && mkdir -p "$seeds"
python3 scripts/fuzz_seeds.py "$fixtures" "$repo" "$seeds"

# Swift's own crash backtracer would fight libFuzzer's handler over the crashing process.
export SWIFT_BACKTRACE=enable=no
summary=Fuzz/summary.txt
printf '%-24s %8s %12s %8s\n' target seconds executions crashes >"$summary"
for target in "${targets[@]}"; do
  corpus=Fuzz/corpus/$target artifacts=Fuzz/artifacts/$target log=Fuzz/logs/$target.log
  mkdir -p "$corpus" "$artifacts" "$(dirname "$log")"
  echo "== $target: ${seconds}s"
  # TOMLKit 0.6.0 leaks the C strings and key lists it hands over (nodeAsString's strdup,
  # TOMLTable.keys), a few KB per config load; that is not ours to fix and would stop every run
  # of the TOML and catalog readers at the first input, so leak detection is off for them.
  leaks=1
  case $target in FuzzConfig | FuzzSubscribers | FuzzSubscriberCSV) leaks=0 ;; esac
  export ASAN_OPTIONS=detect_leaks=$leaks
  start=$(date +%s)
  # -timeout: one input taking 10 s counts as a hang; -rss_limit_mb: 2 GB counts as a blow-up.
  "$bin/$target" "$corpus" "$seeds/$target" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 \
    -print_final_stats=1 -detect_leaks=$leaks -artifact_prefix="$artifacts/" </dev/null >"$log" 2>&1 || true
  took=$(($(date +%s) - start))
  runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
  [ -n "$runs" ] || runs=$(sed -n 's/^#\([0-9]*\).*/\1/p' "$log" | tail -1)
  crashes=$(find "$artifacts" -type f \( -name 'crash-*' -o -name 'timeout-*' -o -name 'oom-*' -o -name 'leak-*' \) | wc -l)
  printf '%-24s %8s %12s %8s\n' "$target" "$took" "${runs:-0}" "$crashes" >>"$summary"
  grep -E "^(==[0-9]+==ERROR|.*Fatal error|SUMMARY)" "$log" | head -3 || true
done
echo "== summary (logs in Fuzz/logs, crashing inputs in Fuzz/artifacts)"
cat "$summary"
