#!/usr/bin/env bash
# Runs a command in a cpuacct cgroup of its own and prints its wall time and the CPU seconds of every
# process it started (the judge's sandboxed Go builds and Chromium's children included), the way
# `npm test` counts each layer. Needs root on cgroup v1 (/sys/fs/cgroup/cpuacct).
#   tests/bench/cpuacct-run.sh <label> <command> [args...]
set -u
label=$1
shift
group=/sys/fs/cgroup/cpuacct/goprep-run-$$
mkdir -p "$group" || exit 1
start=$(date +%s.%N)
bash -c 'echo $$ > "$1/cgroup.procs"; shift; exec "$@"' _ "$group" "$@"
rc=$?
end=$(date +%s.%N)
cpu_ns=$(cat "$group/cpuacct.usage")
awk -v l="$label" -v rc=$rc -v s="$start" -v e="$end" -v c="$cpu_ns" -v load="$(cut -d' ' -f1 /proc/loadavg)" \
  'BEGIN { printf "%s: rc=%d wall=%.1f s cpu=%.1f s load=%s\n", l, rc, e - s, c / 1e9, load }'
sleep 1
rmdir "$group" 2>/dev/null
exit $rc
