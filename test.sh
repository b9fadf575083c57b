#!/usr/bin/env bash
# Runs every test of Feed: installs what the tests need, builds once, runs all test projects,
# and ends with one line of totals: "N passed, N failed" (", N skipped" when any were skipped).
set -uo pipefail
cd "$(dirname "$0")"

bash scripts/install-test-deps.sh || { echo "Installing test dependencies failed"; echo "0 passed, 1 failed"; exit 1; }

results=$(mktemp -d)
dotnet build Feed.sln -c Release -nologo -v quiet || { echo "Build failed"; echo "0 passed, 1 failed"; exit 1; }

status=0
# One test project at a time (-m:1): cluster, browser and load tests each want the 2 cores to themselves.
dotnet test Feed.sln -c Release --no-build --nologo -m:1 \
  --logger "trx" --results-directory "$results" \
  --logger "console;verbosity=normal" -- RunConfiguration.TreatNoTestsAsError=true 2>&1 | tee "$results/console.log" || status=$?

# Totals from the TRX files: one per test project. Failed tests are listed again just above the totals, so the
# last lines of a long log say what failed.
read -r passed failed skipped < <(python3 - "$results" <<'PY'
import glob, sys, xml.etree.ElementTree as ET
p = f = s = 0
failures = []
for path in glob.glob(sys.argv[1] + "/*.trx"):
    root = ET.parse(path).getroot()
    counters = root.find(".//{*}Counters")
    if counters is None: continue
    p += int(counters.get("passed", 0)); f += int(counters.get("failed", 0)) + int(counters.get("error", 0)) + int(counters.get("timeout", 0)) + int(counters.get("aborted", 0))
    s += int(counters.get("notExecuted", 0))
    for result in root.findall(".//{*}UnitTestResult"):
        if result.get("outcome") not in ("Failed", "Error", "Timeout", "Aborted"): continue
        message = result.find(".//{*}Message")
        lines = (message.text or "").strip().splitlines() if message is not None else []
        failures.append(f"FAILED {result.get('testName')} ({result.get('duration')}): {lines[0][:300] if lines else ''}")
with open(sys.argv[1] + "/failures.txt", "w") as out:
    out.writelines(line + "\n" for line in failures)
print(p, f, s)
PY
)
[ -s "$results/failures.txt" ] && cat "$results/failures.txt"
if [ "${passed:-0}" -eq 0 ] && [ "${failed:-0}" -eq 0 ]; then failed=1; fi
if [ "$status" -ne 0 ] && [ "${failed:-0}" -eq 0 ]; then failed=1; fi
line="${passed:-0} passed, ${failed:-0} failed"
if [ "${skipped:-0}" -gt 0 ]; then line="$line, $skipped skipped"; fi
echo "$line"
[ "${failed:-0}" -eq 0 ]
