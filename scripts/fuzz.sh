#!/usr/bin/env bash
# Builds the libFuzzer targets of fuzz/ (clang, ASan+UBSan) in a build dir of their own and runs each.
#
#   scripts/fuzz.sh                    every target for $FUZZ_SECONDS (default 60) s, corpora kept in
#                                      <build-dir>/corpus/<target>, crashes in <build-dir>/crashes/<target>/
#   scripts/fuzz.sh --smoke            every target for $FUZZ_SMOKE_SECONDS (default 4) s from its seeds
#                                      alone (the ctest fuzz_smoke); a fresh corpus each time
#   --build-dir DIR                    default build-fuzz/ in the checkout
#   --no-build                         use the targets already built (runs of several targets side by side)
#   FUZZ_TARGETS="dates query_parser"  only these (names as in fuzz/CMakeLists.txt)
#
# Prints runs, coverage (cov) and features (ft) per target at the end; exits 1 when any target crashed.
# Without clang or libFuzzer: exit 77 (skipped), or 1 under CI=true.
set -uo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
build_dir="$root/build-fuzz"
smoke=0
build=1
while [ $# -gt 0 ]; do
  case "$1" in
    --smoke) smoke=1 ;;
    --no-build) build=0 ;;
    --build-dir) build_dir=$2; shift ;;
    *) echo "[fuzz] unknown argument $1" >&2; exit 2 ;;
  esac
  shift
done

missing() {
  if [ "${CI:-}" = "true" ]; then
    echo "[fuzz] FAIL: $1 (CI=true: the fuzz smoke must run; scripts/install-deps.sh installs clang and libfuzzer-14-dev)" >&2
    exit 1
  fi
  echo "[fuzz] skipped: $1 (scripts/install-deps.sh installs clang and libfuzzer-14-dev)" >&2
  exit 77
}

command -v clang++ >/dev/null 2>&1 || missing "clang++ not found"
probe=$(mktemp -d)
trap 'rm -rf "$probe"' EXIT
echo 'extern "C" int LLVMFuzzerTestOneInput(const unsigned char*, unsigned long) { return 0; }' > "$probe/p.cc"
clang++ -fsanitize=fuzzer,address,undefined "$probe/p.cc" -o "$probe/p" >"$probe/log" 2>&1 ||
  missing "clang++ cannot link libFuzzer with ASan+UBSan: $(head -c 300 "$probe/log")"

targets=$(sed -n '/^set(TSUBO_FUZZ_TARGETS/,/)/p' "$root/fuzz/CMakeLists.txt" | tr -d '()' | sed 's/set//; s/TSUBO_FUZZ_TARGETS//')
targets=${FUZZ_TARGETS:-$targets}

if [ $build -eq 1 ]; then
  start=$(date +%s)
  # -O1 with assertions on (no NDEBUG): the usual trade for fuzzing.
  cmake -S "$root" -B "$build_dir" -DTSUBO_FUZZ=ON -DCMAKE_CXX_COMPILER=clang++ -DCMAKE_BUILD_TYPE=RelWithDebInfo \
        -DCMAKE_CXX_FLAGS_RELWITHDEBINFO="-O1 -g" >"$build_dir.configure.log" 2>&1 ||
    { cat "$build_dir.configure.log" >&2; echo "[fuzz] FAIL: configuring $build_dir" >&2; exit 1; }
  rm -f "$build_dir.configure.log"
  fuzz_bins=""
  for t in $targets; do fuzz_bins="$fuzz_bins ${t}_fuzz"; done
  # shellcheck disable=SC2086
  cmake --build "$build_dir" -j "${FUZZ_BUILD_JOBS:-$(nproc)}" --target $fuzz_bins ||
    { echo "[fuzz] FAIL: building the fuzz targets" >&2; exit 1; }
  echo "[fuzz] built in $(( $(date +%s) - start )) s: $build_dir"
fi

seed=()
if [ $smoke -eq 1 ]; then
  seconds=${FUZZ_SMOKE_SECONDS:-4}
  seed=(-seed=1)  # the same mutations every time, so that make test does not turn red by chance
  work=$(mktemp -d)
  trap 'rm -rf "$probe" "$work"' EXIT
else
  seconds=${FUZZ_SECONDS:-60}
  work="$build_dir"
fi

# The test fixtures of the same inputs are seeds too (read only).
fixture_seeds() {
  local f="$root/tests/fixtures"
  case "$1" in
    statute_text) echo "$f/statute $f/web-corpus/statutes" ;;
    statute_xml) echo "$f/xml $f/web-corpus/statute-versions" ;;
    ruling_json) echo "$f/ruling $f/web-corpus/rulings" ;;
    guidance_text) echo "$f/guidance $f/web-corpus/guidance" ;;
    source_encoding) echo "$f/files" ;;
    archive) echo "$f/archive" ;;
    docx_import) echo "$f/docx" ;;
    html_import) echo "$f/html" ;;
  esac
}

failed=()
summary=()
for t in $targets; do
  bin="$build_dir/fuzz/${t}_fuzz"
  [ -x "$bin" ] || { echo "[fuzz] FAIL: no $bin" >&2; failed+=("$t"); continue; }
  corpus="$work/corpus/$t"
  crashes="$work/crashes/$t"
  log="$work/logs/$t.log"
  mkdir -p "$corpus" "$crashes" "$(dirname "$log")"
  echo "[fuzz] $t: ${seconds} s"
  # New inputs go to the first folder (the corpus); the seeds are only read.
  # shellcheck disable=SC2046
  "$bin" "$corpus" "$root/fuzz/seeds/$t" $(fixture_seeds "$t") -max_total_time="$seconds" -timeout=25 -rss_limit_mb=2560 \
         -artifact_prefix="$crashes/" -print_final_stats=1 "${seed[@]}" >"$log" 2>&1
  rc=$?
  runs=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$log" | grep -o '[0-9]*$' | tail -1)
  last=$(grep -E '^#[0-9]+' "$log" | grep -o 'cov: [0-9]* ft: [0-9]*' | tail -1)
  took=$(grep -o 'Done [0-9]* runs in [0-9]* second' "$log" | grep -o 'in [0-9]*' | grep -o '[0-9]*' | tail -1)
  line=$(printf '%-16s runs %-10s %-22s %s s' "$t" "${runs:-?}" "${last:-cov ?}" "${took:-?}")
  if [ $rc -ne 0 ]; then
    failed+=("$t")
    line="$line  CRASH (rc $rc): $(ls -t "$crashes" | head -1)"
    echo "[fuzz] $t failed; its log ($log):" >&2
    grep -E -m 30 'ERROR|runtime error|\[fuzz\]|terminate|SUMMARY|#[0-9]+ 0x' "$log" >&2
  fi
  summary+=("$line")
done

echo "[fuzz] summary (runs, coverage, time per target):"
printf '  %s\n' "${summary[@]}"
if [ ${#failed[@]} -gt 0 ]; then
  echo "[fuzz] FAIL: ${failed[*]} (crash inputs under $work/crashes/)" >&2
  [ $smoke -eq 1 ] && { mkdir -p "$build_dir/smoke-crashes"; cp -r "$work/crashes/." "$build_dir/smoke-crashes/"; }
  exit 1
fi
echo "[fuzz] no crash"
