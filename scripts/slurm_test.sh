#!/usr/bin/env bash
# The cluster path, tested against a real Slurm: installs slurm-wlm and munge from Debian's
# packages when missing, starts munged, slurmctld and slurmd by hand on this one node (there is
# no systemd; the configuration is written from `slurmd -C` and the short hostname, in a
# scratch directory, on ports of its own), then
#   1. submits `gpai sweep ... --slurm 4` (an array job of 4 shards and its dependent merge) and
#      checks the merged file equals the unsharded sweep byte for byte;
#   2. resubmits one failed-and-deleted shard alone and checks it writes the same rows;
#   3. checks `gpai merge` refuses a missing, a torn and a foreign part, naming it;
#   4. runs the Kubernetes Indexed Job's command for each JOB_COMPLETION_INDEX and its merge
#      (no cluster: the shell commands of `--kubernetes 3`) and checks the same bytes.
# Stops the daemons it started, by their process ids. Skips (saying why) when not root.
#
#   scripts/slurm_test.sh [GPAI]    GPAI: the binary (default target/release/gpai)
set -euo pipefail
cd "$(dirname "$0")/.."
gpai=$(realpath "${1:-target/release/gpai}")

if [ "$(id -u)" != 0 ]; then
    echo "slurm test skipped: it installs slurm-wlm and munge and starts their daemons, which needs root"
    exit 0
fi
need=()
command -v slurmctld >/dev/null 2>&1 || need+=(slurm-wlm)
command -v munged >/dev/null 2>&1 || need+=(munge)
if [ ${#need[@]} -gt 0 ]; then
    echo "slurm test: installing ${need[*]}"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need[@]}" >/dev/null
fi

started=$(date +%s)
D=$(mktemp -d /tmp/gpai-slurm.XXXXXX)
chmod 755 "$D"
mkdir -p "$D/munge" "$D/state" "$D/spool" "$D/run"
chown munge:munge "$D/munge"
export SLURM_CONF="$D/slurm.conf"

stop() {
    local name
    for name in slurmd slurmctld munge/munged; do
        if [ -f "$D/$name.pid" ]; then
            kill "$(cat "$D/$name.pid")" 2>/dev/null || true
        fi
    done
    sleep 0.5
}
fail() {
    echo "slurm test FAILED: $*" >&2
    for log in "$D"/slurmctld.log "$D"/slurmd.log "$D"/run/*.log; do
        [ -f "$log" ] && { echo "--- $log" >&2; tail -20 "$log" >&2; }
    done
    exit 1
}
trap stop EXIT

[ -f /etc/munge/munge.key ] || { mungekey --create >/dev/null 2>&1 || fail "no munge key"; }
su -s /bin/sh munge -c "/usr/sbin/munged --socket=$D/munge/munge.socket --pid-file=$D/munge/munged.pid --log-file=$D/munge/munged.log --seed-file=$D/munge/seed" \
    || fail "munged did not start"

host=$(hostname -s)
node=$(slurmd -C | head -1 | sed 's/ UpTime=.*//')
port=$((20000 + $$ % 20000))
cat >"$SLURM_CONF" <<EOF
ClusterName=gpai
SlurmctldHost=$host
SlurmUser=root
SlurmdUser=root
AuthType=auth/munge
AuthInfo=socket=$D/munge/munge.socket
CredType=cred/munge
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
SelectType=select/cons_tres
SelectTypeParameters=CR_Core
SchedulerType=sched/backfill
MpiDefault=none
SwitchType=switch/none
JobCompType=jobcomp/none
JobAcctGatherType=jobacct_gather/none
AccountingStorageType=accounting_storage/none
ReturnToService=2
SlurmctldPort=$port
SlurmdPort=$((port + 1))
SlurmctldPidFile=$D/slurmctld.pid
SlurmdPidFile=$D/slurmd.pid
SlurmdSpoolDir=$D/spool
StateSaveLocation=$D/state
SlurmctldLogFile=$D/slurmctld.log
SlurmdLogFile=$D/slurmd.log
$node State=UNKNOWN
PartitionName=gpai Nodes=$host Default=YES MaxTime=INFINITE State=UP
EOF
slurmctld -i || fail "slurmctld did not start"
slurmd || fail "slurmd did not start"
for _ in $(seq 1 60); do
    sinfo -h -o %T 2>/dev/null | grep -q idle && break
    sleep 0.5
done
sinfo -h -o %T | grep -q idle || fail "the node did not come up"

# Waits for the jobs given (ids) to leave the queue, then checks each completed.
wait_jobs() {
    local id
    for _ in $(seq 1 240); do
        squeue -h -j "$(IFS=,; echo "$*")" 2>/dev/null | grep -q . || break
        sleep 0.5
    done
    for id in "$@"; do
        scontrol show job "$id" | grep -q "JobState=COMPLETED" \
            || fail "job $id did not complete: $(scontrol show job "$id" | grep -o 'JobState=[A-Z_]*')"
    done
}

grid=(safety_regulation --grid "theta_g=0:5/4:1/8" --grid "theta_d=theta_g:5/2:1/8")
"$gpai" sweep "${grid[@]}" --out "$D/whole.csv"

# 1. The array job and its merge.
told=$("$gpai" sweep "${grid[@]}" --out "$D/run/fig.csv" --slurm 4)
echo "$told" | grep -q "sh $D/run/fig.submit.sh" || fail "unexpected --slurm message: $told"
submitted=$(sh "$D/run/fig.submit.sh")
array=$(echo "$submitted" | sed -E 's/.*array job ([0-9]+).*/\1/')
merge=$(echo "$submitted" | sed -E 's/.*merge as job ([0-9]+).*/\1/')
wait_jobs "$array" "$merge"
cmp "$D/whole.csv" "$D/run/fig.csv" || fail "the merged Slurm sweep differs from the unsharded sweep"

# 2. A shard lost and resubmitted alone writes the same rows.
cp "$D/run/fig.part-2-of-4.csv" "$D/shard2.csv"
rm "$D/run/fig.part-2-of-4.csv" "$D/run/fig.part-2-of-4.csv.manifest.json"
again=$(cd "$D/run" && sbatch --parsable --array=2 fig.sbatch)
wait_jobs "${again%%;*}"
cmp "$D/shard2.csv" "$D/run/fig.part-2-of-4.csv" || fail "a resubmitted shard wrote other rows"

# 3. merge refuses a missing, a torn and a foreign part.
parts=("$D"/run/fig.part-{1,2,3,4}-of-4.csv)
out=$("$gpai" merge "$D/m.csv" "${parts[@]:0:3}" 2>&1) && fail "a merge without shard 4 succeeded"
echo "$out" | grep -q "shard 4/4" || fail "the missing shard is not named: $out"
cp "${parts[2]}" "$D/torn.csv"
head -c 100 "$D/torn.csv" > "${parts[2]}"
out=$("$gpai" merge "$D/m.csv" "${parts[@]}" 2>&1) && fail "a merge with a torn part succeeded"
echo "$out" | grep -q "fig.part-3-of-4.csv" || fail "the torn part is not named: $out"
cp "$D/torn.csv" "${parts[2]}"
"$gpai" sweep safety_regulation delta=1/4 --grid "theta_g=0:5/4:1/8" --grid "theta_d=theta_g:5/2:1/8" \
    --shard 4/4 --out "$D/foreign.csv"
cp "$D/foreign.csv" "${parts[3]}"
cp "$D/foreign.csv.manifest.json" "${parts[3]}.manifest.json"
out=$("$gpai" merge "$D/m.csv" "${parts[@]}" 2>&1) && fail "a merge with a foreign part succeeded"
echo "$out" | grep -q "another sweep" || fail "the foreign part is not named: $out"

# 4. The Kubernetes Indexed Job's commands, one per completion index, then its merge.
mkdir -p "$D/k8s/bin"
ln -s "$gpai" "$D/k8s/bin/gpai"
"$gpai" sweep "${grid[@]}" --out "$D/k8s/fig.csv" --kubernetes 3 >/dev/null
script() { python3 -c 'import json, sys
lines = open(sys.argv[1]).read().split("\n")
print(json.loads(lines[lines.index("          args:") + 1].strip()[2:]))' "$1"; }
for index in 0 1 2; do
    (cd "$D/k8s" && PATH="$D/k8s/bin:$PATH" JOB_COMPLETION_INDEX=$index bash -c "$(script "$D/k8s/fig.k8s.yaml")")
done
(cd "$D/k8s" && PATH="$D/k8s/bin:$PATH" bash -c "$(script "$D/k8s/fig.k8s-merge.yaml")") >/dev/null
cmp "$D/whole.csv" "$D/k8s/fig.csv" || fail "the merged Kubernetes sweep differs from the unsharded sweep"

stop
trap - EXIT
rm -rf "$D"
echo "slurm test passed in $(( $(date +%s) - started )) s: array job + merge equal the unsharded sweep, a resubmitted shard wrote the same rows, merge refused a missing, torn and foreign part, the Kubernetes Indexed Job's commands merged to the same bytes"
