#!/usr/bin/env bash
# Measures wordstream on a cluster over three hosts against local[2], in one run (docs/cluster.md): the hosts are
# network namespaces on a bridge, as in ClusterOverHostsIT. Needs root and ip; run from the source tree, built.
# Prints: cluster start-up, run's ready on the cluster and on local[2], the 1M-word burst on each, and the time
# from losing a host to the next result row. Everything it starts and makes is removed on exit.
set -euo pipefail
# Each background job its own process group, so stopping one stops what it started (a client and its pipe).
set -m
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
ws="$root/wordstream"
export WORDSTREAM_NO_BUILD=1
id="ws$(printf '%05x' $((RANDOM * 32 + RANDOM % 32)))"
net="10.$((200 + RANDOM % 50)).$((RANDOM % 256))"
ip -o -4 address | grep -q " $net\." && { echo "subnet $net.0/24 taken, run again" >&2; exit 1; }
work="$(mktemp -d /tmp/wordstream-cluster.XXXXXX)"
pids=()

cleanup() {
  for p in "${pids[@]}"; do kill -TERM -- "-$p" 2> /dev/null || kill -TERM "$p" 2> /dev/null || true; done
  sleep 5
  for h in 1 2 3; do
    for p in $(ip netns pids "${id}h$h" 2> /dev/null); do kill -KILL "$p" 2> /dev/null || true; done
    ip netns delete "${id}h$h" 2> /dev/null || true
  done
  ip link delete "${id}br" 2> /dev/null || true
  for p in "${pids[@]}"; do kill -KILL -- "-$p" 2> /dev/null || kill -KILL "$p" 2> /dev/null || true; done
  rm -rf "$work"
}
trap cleanup EXIT
trap 'exit 143' TERM INT

ip link add "${id}br" type bridge
ip address add "$net.1/24" dev "${id}br"
ip link set "${id}br" up
for h in 1 2 3; do
  ip netns add "${id}h$h"
  ip link add "${id}v$h" type veth peer name "${id}p$h"
  ip link set "${id}v$h" master "${id}br"
  ip link set "${id}v$h" up
  ip link set "${id}p$h" netns "${id}h$h"
  ip -n "${id}h$h" address add "$net.$((h + 1))/24" dev "${id}p$h"
  ip -n "${id}h$h" link set "${id}p$h" up
  ip -n "${id}h$h" link set lo up
done
addr() { echo "$net.$(($1 + 1))"; }
now() { date +%s.%N; }
secs() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.1f", b - a }'; }

# start NAME HOST ARGS...: a wordstream command on a host (0: the root namespace), stdout in $work/NAME.out
start() {
  local name=$1 host=$2; shift 2
  if [[ $host == 0 ]]; then
    "$ws" "$@" > "$work/$name.out" 2> "$work/$name.err" &
  else
    ip netns exec "${id}h$host" "$ws" "$@" > "$work/$name.out" 2> "$work/$name.err" &
  fi
  pids+=($!)
  eval "pid_$name=$!"
}
await_ready() {
  until grep -q '^ready' "$work/$1.out" 2> /dev/null; do
    local p="pid_$1"
    kill -0 "${!p}" 2> /dev/null || { echo "$1 ended before ready: $(tail -n 1 "$work/$1.err")"; return 1; }
    sleep 0.2
  done
}

cluster_id="$("$ws" broker --new-cluster-id)"
controllers="1@$(addr 1):19093,2@$(addr 2):19093,3@$(addr 3):19093"
bootstrap="$(addr 1):19092,$(addr 2):19092,$(addr 3):19092"
master="spark://$(addr 1):17077"
echo "measure: $(date -u '+%Y-%m-%d %H:%M UTC'), load $(cut -d' ' -f1-3 /proc/loadavg), $(nproc) cores"

t=$(now)
for h in 1 2 3; do
  start "broker$h" "$h" broker --node-id "$h" --host "$(addr "$h")" --port 19092 --controller-port 19093 \
    --controllers "$controllers" --cluster-id "$cluster_id" --data-dir "$work/broker$h"
done
start master 1 master --host "$(addr 1)" --port 17077 --ui-port 18080 --data-dir "$work/master"
for h in 2 3; do
  start "worker$h" "$h" worker --host "$(addr "$h")" --master "$master" --cores 1 --memory 640m \
    --master-wait 300s --ui-port 18081 --data-dir "$work/worker$h"
done
for n in broker1 broker2 broker3 master worker2 worker3; do await_ready "$n" || exit 1; done
echo "measure: cluster start-up (3 brokers, master, 2 workers): $(secs "$t" "$(now)") s"

# A fresh client JVM (send, watch) gives Kafka 5 s to answer; on a loaded machine the JVM and its first connection
# to three brokers over the bridge can take longer. It then fails before it sends or reads anything ("cannot reach
# Kafka"), so trying again is safe. client ERRFILE CMD...: runs CMD, again after such a failure, at most 10 times.
client() {
  local err=$1 attempt; shift
  for attempt in 1 2 3 4 5 6 7 8 9 10; do
    if "$@" 2> "$err"; then return 0; fi
    grep -q 'cannot reach Kafka' "$err" || { echo "measure: $* failed: $(tail -n 1 "$err")" >&2; return 1; }
    echo "measure: (a client did not reach Kafka within its 5 s, attempt $attempt: trying again)" >&2
  done
  return 1
}
# stop_bg PID: stops a background job, its process group: a client loop and the client it runs.
stop_bg() {
  kill -TERM -- "-$1" 2> /dev/null || true
}

# 100,000 sentences of ten words: the burst of 1M words; every sentence holds the word "burst" once.
awk 'BEGIN { for (i = 0; i < 100000; i++) print "burst spark streams words across " (i % 97) " hosts and counts them" }' \
  > "$work/burst.txt"

# burst NAME: sends the burst to NAME's topic, prints the seconds until its count of "burst" is 100000
burst() {
  local name=$1 t0 watcher
  client "$work/watch-$name.err" "$ws" watch --json --bootstrap-server "$bootstrap" --data-dir "$work/send" \
    --results-topic "out-$name" > "$work/rows-$name" &
  watcher=$!
  pids+=($watcher)
  t0=$(now)
  client "$work/send-$name.err" "$ws" send --bootstrap-server "$bootstrap" --data-dir "$work/send" \
    --topics "in-$name" --file "$work/burst.txt" > /dev/null
  until python3 - "$work/rows-$name" << 'PY'
import json, sys
latest = {}
for line in open(sys.argv[1]):
    try:
        r = json.loads(line)
    except ValueError:
        continue
    if r.get("dimension") == "word" and r.get("key") == "burst":
        latest[r["windowStart"]] = r["count"]
sys.exit(0 if sum(latest.values()) >= 100000 else 1)
PY
  do sleep 0.5; done
  echo "measure: $name: 1M-word burst counted in $(secs "$t0" "$(now)") s"
  stop_bg "$watcher"
}

# job NAME MASTER ARGS...: run on its own topics; prints the time to ready
job() {
  local name=$1 m=$2 t0; shift 2
  t0=$(now)
  # A run that ends before ready (a loaded machine) is tried again.
  for attempt in 1 2 3 4 5 6; do
    start "run_$name" 0 run --data-dir "$work/run-$name" --bootstrap-server "$bootstrap" --master "$m" \
      --topics "in-$name" --results-topic "out-$name" --metrics-topic "metrics-$name" --start-timeout 600s "$@"
    if await_ready "run_$name"; then break; fi
    [[ $attempt == 6 ]] && exit 1
  done
  echo "measure: $name: run ready in $(secs "$t0" "$(now)") s"
}
stop_job() {
  local p="pid_run_$1"
  kill -TERM "${!p}"
  wait "${!p}" || true
}

job local 'local[2]'
burst local
stop_job local
# On the cluster: the driver here, on the bridge's address; the checkpoint on a path every host shares.
job cluster "$master" --driver-host "$net.1" --checkpoint "$work/shared-checkpoint" \
  --conf spark.executor.cores=1 --conf spark.cores.max=2 --conf spark.executor.memory=512m
burst cluster

# Losing host 3 (its broker and its worker) with the cluster's job running and sentences arriving.
# The sentences go to a file as they are made, and the sender follows it: a sender that did not reach Kafka starts
# again from its first line, since it read none.
(for i in $(seq 1 600); do echo "loss of a host $i"; sleep 0.05; done) > "$work/loss.txt" &
pids+=($!)
client "$work/send-loss.err" bash -c 'tail -n +1 -f "$1" | "$2" send --bootstrap-server "$3" --data-dir "$4" \
  --topics in-cluster > /dev/null' _ "$work/loss.txt" "$ws" "$bootstrap" "$work/send" &
sender=$!
pids+=($sender)
client "$work/watch-loss.err" "$ws" watch --json --from-now --bootstrap-server "$bootstrap" --data-dir "$work/send" \
  --results-topic out-cluster > "$work/loss-json" &
watcher=$!
pids+=($watcher)
# Each row stamped when it arrives.
(tail -n +1 -f "$work/loss-json" | while IFS= read -r line; do echo "$(now) $line"; done > "$work/loss-rows") &
pids+=($!)
until [[ -s $work/loss-rows ]]; do sleep 0.2; done
sleep 5
killed=$(now)
for p in $(ip netns pids "${id}h3"); do kill -KILL "$p" 2> /dev/null || true; done
until awk -v k="$killed" '$1 > k { found = 1 } END { exit !found }' "$work/loss-rows"; do sleep 0.1; done
first=$(awk -v k="$killed" '$1 > k { print $1; exit }' "$work/loss-rows")
echo "measure: loss: from killing host 3 to the next result row: $(secs "$killed" "$first") s"
stop_bg "$sender"
stop_bg "$watcher"
stop_job cluster
