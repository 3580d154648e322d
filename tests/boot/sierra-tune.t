#!/usr/bin/env bash
# Scheduling and memory parameters from dom0, as xl's commands set them:
# create applies a definition's cputune (weight from <shares>, cap from
# period/quota) and vcpupin, and fails, leaving nothing, for a cpuset with no
# CPU of this host; sched-credit reads and changes weight and cap
# (a cap over 100% per vCPU refused); vcpu-list shows each vCPU's CPU,
# state, CPU time and affinity; vcpu-pin refuses a CPU the host does not
# have and accepts CPU 0; mem-set raises a domain's limit (list -l shows it)
# and refuses one below what it holds. Exit statuses as documented: 0, 1, 2.
. "$(dirname "$0")/../lib/tap.sh"

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
sed 's|<name>hello</name>|<name>tuned</name>|; s|</os>|</os><on_poweroff>preserve</on_poweroff><vcpu>2</vcpu><cputune><shares>512</shares><period>100000</period><quota>50000</quota><vcpupin vcpu="1" cpuset="0"/></cputune>|' \
  "$TOP/build/dom0-tools/etc/hello.xml" > "$work/tuned.xml"
sed 's|<name>hello</name>|<name>pinned</name>|; s|</os>|</os><vcpu cpuset="3">1</vcpu>|' \
  "$TOP/build/dom0-tools/etc/hello.xml" > "$work/pinned.xml"
cat > "$work/cmds" <<'CMDS'
create /etc/sierra/pinned.xml
create /etc/sierra/tuned.xml
sched-credit
sched-credit -d tuned -w 1024 -c 150
sched-credit -d tuned
sched-credit -d tuned -c 300
sched-credit -w 5
vcpu-list
vcpu-pin tuned 0 1
vcpu-pin tuned all 0
vcpu-pin tuned 7 0
mem-set tuned 32M
list -l
mem-set tuned 4M
mem-set tuned lots
CMDS
dom0_shell sierra-tune "$work/cmds" -t 120 -- \
  /etc/sierra/tuned.xml="$work/tuned.xml" /etc/sierra/pinned.xml="$work/pinned.xml" /boot/hello="$TOP/build/guest-kit/examples/hello"
expect_line '^sierra: create pinned: Invalid argument$' "a cpuset naming only a CPU the host lacks: the create fails"
expect_line '^\(sierra\) d1: destroyed, 4096 frames freed, frame audit: 0 errors$' "and the half-built domain is destroyed, every frame back"
expect_line "^created domain 'tuned' \(id 1, 16 MiB, 2 vCPUs\)$" "create: a 2-vCPU domain with cputune"
expect_line '^Domain-0 +0 +256 +0$' "sched-credit: dom0 has the default weight, no cap"
expect_line '^tuned +1 +512 +50$' "create applied <shares> 512 and quota/period 50%"
expect_line '^tuned +1 +1024 +150$' "sched-credit -w 1024 -c 150 (2 vCPUs: up to 200%)"
expect_line '^sierra: sched-credit tuned: the cap is more than 100% per vCPU$' "a cap of 300% for 2 vCPUs: refused"
expect_line '^sierra: sched-credit: -w and -c need -d DOMAIN$' "-w without a domain: usage error"
expect_line '^Domain-0 +0 +0 +0 +r-- +[0-9]+\.[0-9]  all / all$' "vcpu-list: dom0's vCPU running on CPU 0"
expect_line '^tuned +1 +0 +0 +[-b]-- +[0-9]+\.[0-9]  all / all$' "vcpu-list: the domU's vCPU 0 is on CPU 0 (blocked, or done)"
expect_line '^tuned +1 +1 +- +--p +0\.0  all / all$' "vCPU 1, never brought up: offline, no CPU"
expect_line '^sierra: vcpu-pin tuned 0 1: no CPU of this host in that set$' "vcpu-pin to CPU 1 of a 1-CPU host: refused"
expect_line "^sierra: vcpu-pin tuned: no vCPU '7' \(it has 2\)$" "vcpu-pin of a vCPU it does not have"
expect_line '^tuned +1 +16 +2 +[-rbpsc]{6} +[0-9.]+ +32 +(0|0x[0-9a-f]+)$' "mem-set 32M: list -l shows the 32 MiB limit"
expect_line '^sierra: mem-set tuned: 4M is below the 16 MiB it holds' "mem-set below what it holds: refused, says why"
expect_line "^sierra: mem-set: 'lots' is not a memory size$" "mem-set of a non-size: usage error"
expect_line '^dom0: /sbin/sierra exited with status 2$' "the shell's status is its last failure's (a usage error: 2)"
finish
