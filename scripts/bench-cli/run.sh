#!/usr/bin/env bash
# Throughput benchmark of `readiness batch` (a benchmark, not a test).
#
# Generates COUNT synthetic responses to the built-in questionnaire, as JSON
# Lines and the same as CSV (deterministic: gen.mjs uses a fixed seed), then
# times `readiness batch` (release profile, as `cargo install` builds it;
# pinned to one core) for CSV -> CSV, JSONL -> CSV and --summary on each,
# with /usr/bin/time -v for peak memory, and compares with the short Python
# script a developer would write instead (baseline.py), after checking that
# it computes the same overall scores. Without python3 that comparison is
# skipped, with a note; everything else needs only Node.
#
# Usage: scripts/bench-cli/run.sh [COUNT]      (default 1000000)
# Files go to target/bench-cli/ (about 0.8 GB for a million responses; the
# target folder is CARGO_TARGET_DIR when set) and are reused while the
# questionnaire, the generator and COUNT stay the same.
# Targets: >= 1,500,000 responses/s CSV -> CSV, >= 500,000 JSON
# Lines -> CSV, peak RSS < 30 MB.

set -euo pipefail

count=${1:-1000000}
small=10000
runs=3
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(cd "$here/../.." && pwd)
target=$(cd "$root" && mkdir -p "${CARGO_TARGET_DIR:-target}" && cd "${CARGO_TARGET_DIR:-target}" && pwd)
work=$target/bench-cli
mkdir -p "$work"

if [[ ! -x /usr/bin/time ]]; then
    echo "installing GNU time, for peak memory" >&2
    apt-get install -y time >/dev/null
fi
# One core, as the target says (taskset comes with util-linux).
pin=()
if command -v taskset >/dev/null; then
    pin=(taskset -c 0)
fi

echo "building readiness (cargo build --release)" >&2
(cd "$root" && cargo build --quiet -p readiness-cli --release)
readiness=$target/release/readiness

"$readiness" questionnaire >"$work/questionnaire.json"
stamp="$count $(cat "$work/questionnaire.json" "$here/gen.mjs" | sha256sum | cut -c1-16)"
if [[ ! -f "$work/stamp" || "$(cat "$work/stamp")" != "$stamp" ]]; then
    echo "generating $count responses as JSON Lines and CSV" >&2
    node "$here/gen.mjs" "$work/questionnaire.json" "$count" "$work/responses.jsonl" "$work/responses.csv"
    echo "$stamp" >"$work/stamp"
fi
head -n $((small + 1)) "$work/responses.csv" >"$work/small.csv"

# measure RESPONSES OUTPUT COMMAND...: sets wall (best of $runs runs), user
# (of that run) and rss (the largest peak resident set seen, in KB).
measure() {
    local responses=$1 output=$2
    shift 2
    wall="" user="" rss=0
    local _ this_wall this_user this_rss
    for _ in $(seq "$runs"); do
        /usr/bin/time -v -o "$work/time.txt" "${pin[@]}" "$@" <"$input" >"$output" 2>"$work/stderr.txt" || {
            echo "failed: $*" >&2
            cat "$work/stderr.txt" >&2
            exit 1
        }
        this_wall=$(awk -F': ' '/Elapsed \(wall clock\)/ {
            n = split($2, t, ":"); s = 0; for (i = 1; i <= n; i++) s = s * 60 + t[i]; print s }' "$work/time.txt")
        this_user=$(awk -F': ' '/User time/ { print $2 }' "$work/time.txt")
        this_rss=$(awk -F': ' '/Maximum resident set size/ { print $2 }' "$work/time.txt")
        if [[ -z "$wall" ]] || awk "BEGIN { exit !($this_wall < $wall) }"; then
            wall=$this_wall
            user=$this_user
        fi
        ((this_rss > rss)) && rss=$this_rss
    done
    # A run within the clock's hundredths says nothing about speed.
    local rate=-
    awk "BEGIN { exit !($wall >= 0.1) }" && rate=$(awk "BEGIN { printf \"%d\", $responses / $wall }")
    printf '%-36s %8.2f %8.2f %13s %8.1f MB\n' "$name" "$wall" "$user" "$rate" "$(awk "BEGIN { print $rss / 1024 }")" |
        tee -a "$work/results.txt"
}

: >"$work/results.txt"
printf '%-36s %8s %8s %13s %11s\n' "case (best of $runs)" "wall s" "user s" "responses/s" "peak RSS" |
    tee -a "$work/results.txt"
input=/dev/null

name="readiness CSV -> CSV"
measure "$count" "$work/out-csv.csv" "$readiness" batch "$work/responses.csv" --format csv
csv_wall=$wall csv_rss=$rss

name="readiness JSONL -> CSV"
measure "$count" "$work/out-jsonl.csv" "$readiness" batch "$work/responses.jsonl" --format csv
jsonl_wall=$wall

name="readiness CSV --summary"
measure "$count" "$work/summary-csv.txt" "$readiness" batch "$work/responses.csv" --summary

name="readiness JSONL --summary"
measure "$count" "$work/summary-jsonl.txt" "$readiness" batch "$work/responses.jsonl" --summary

name="readiness CSV -> CSV, $small responses"
measure "$small" "$work/out-small.csv" "$readiness" batch "$work/small.csv" --format csv
small_rss=$rss

# The Python baseline is a benchmark of Python: only where python3 is.
python=false
if command -v python3 >/dev/null; then
    python=true
    name="python3 baseline.py JSONL"
    input=$work/responses.jsonl
    measure "$count" "$work/out-python.csv" python3 "$here/baseline.py" "$work/questionnaire.json"
    python_wall=$wall
fi

# The comparison is only fair if both compute the same scores.
cmp -s "$work/out-csv.csv" "$work/out-jsonl.csv" || {
    echo "CSV and JSON Lines inputs gave different results" >&2
    exit 1
}
if $python; then
    tail -n +2 "$work/out-jsonl.csv" | cut -d, -f1,2 | cmp -s - "$work/out-python.csv" || {
        echo "baseline.py and readiness disagree on some overall score" >&2
        exit 1
    }
fi

{
    echo
    if $python; then
        echo "every overall score agrees between readiness (CSV and JSONL input) and baseline.py"
        awk "BEGIN { printf \"ratio, Python time / readiness time: JSONL -> CSV %.1fx, CSV -> CSV %.1fx\n\", \
            $python_wall / $jsonl_wall, $python_wall / $csv_wall }"
    else
        echo "readiness agrees with itself on CSV and JSONL input; no python3 here, so the Python baseline (baseline.py) was skipped"
    fi
    awk "BEGIN { printf \"peak RSS, CSV -> CSV: %.1f MB for %d responses, %.1f MB for %d\n\", \
        $csv_rss / 1024, $count, $small_rss / 1024, $small }"
    echo "machine: $(nproc) cores, $(awk -F': ' '/model name/ { print $2; exit }' /proc/cpuinfo)"
} | tee -a "$work/results.txt"
