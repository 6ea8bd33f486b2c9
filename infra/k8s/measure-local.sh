#!/usr/bin/env bash
# Samples peak RSS and CPU of every Lanyard JVM on this machine (bin/lanyard up, or the ensembles the e2e tests and
# benchmarks start), read-only from /proc, to size infra/k8s's requests and limits (see README.md, "Resources").
#   infra/k8s/measure-local.sh [seconds, default 600]      then drive load, e.g. bin/lanyard bench issuance
# Prints, per service: peak RSS (MiB) of any of its processes and the highest CPU (cores) over a 30 s window.
set -euo pipefail
end=$(( $(date +%s) + ${1:-600} ))
samples="$(mktemp)"
trap 'rm -f "$samples"' EXIT
pattern='(auth-gateway|token-broker|audit|integration-registry|user-provisioning)-[0-9.]+(-SNAPSHOT)?\.jar|apicurio-registry-app[^ ]*runner\.jar'
while [ "$(date +%s)" -lt "$end" ]; do
  now=$(date +%s)
  for p in /proc/[0-9]*; do
    service=$({ tr '\0' ' ' < "$p/cmdline"; } 2> /dev/null | grep -oE "$pattern" | head -1) || true
    [ -n "$service" ] || continue
    rss=$(awk '/VmRSS/ {print $2}' "$p/status" 2> /dev/null) || continue
    ticks=$(awk '{print $14 + $15}' "$p/stat" 2> /dev/null) || continue
    echo "$now ${p#/proc/} ${service%%-[0-9]*} $rss $ticks" >> "$samples"
  done
  sleep 3
done
hz=$(getconf CLK_TCK)
sort -k2,2n -k1,1n "$samples" | awk -v hz="$hz" '
  { key = $3 " " $2; if (!(key in first)) { first[key] = $1; t0[key] = $1; c0[key] = $5 }
    if ($4 > rss[$3]) rss[$3] = $4
    if ($1 - t0[key] >= 30) { cpu = ($5 - c0[key]) / hz / ($1 - t0[key]); if (cpu > peak[$3]) peak[$3] = cpu; t0[key] = $1; c0[key] = $5 } }
  END { for (s in rss) printf "%-22s peak RSS %5d MiB   peak CPU %.2f cores\n", s, rss[s] / 1024, peak[s] }' | sort
