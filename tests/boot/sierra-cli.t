#!/usr/bin/env bash
# The sierra tool's hypervisor commands, run inside dom0 on Sierra by
# `sierra shell` from a script: info, list (xl's columns), domid/domname,
# the refusals for bad names and for acting on dom0 itself; and on the
# Linux host, where there is no privcmd, a clear failure (status 1).
. "$(dirname "$0")/../lib/tap.sh"

S=$TOP/build/dom0-tools/sierra
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

"$S" list > /dev/null 2> "$work/err"
[ $? -eq 1 ] && grep -q '^sierra: /dev/xen/privcmd: No such file or directory (hypervisor commands run in the control domain)$' "$work/err"
tap_result $? "on a host without privcmd: status 1 and why" "$(cat "$work/err")"

cat > "$work/cmds" <<'CMDS'
# a script for sierra shell
info
list
list -l
domid Domain-0
domname 0
domid nosuch
pause 0
destroy 0
validate /etc/sierra/hello.xml
dmesg
dmesg -c
dmesg
dmesg -x
CMDS
dom0_shell sierra-cli "$work/cmds" -t 90 -- \
  /etc/sierra/hello.xml="$TOP/build/dom0-tools/etc/hello.xml" /boot/hello="$TOP/build/guest-kit/examples/hello"
expect_line '^nr_cpus +: 1$' "info: CPUs"
expect_line '^total_memory +: [0-9]+$' "info: memory in MiB"
expect_line '^xen_version +: 4\.17\.0-sierra$' "info: the hypervisor version (Xen ABI 4.17)"
expect_line '^virt_caps +: pv$' "info: PV, no HVM or IOMMU in QEMU TCG"
expect_line '^Name +ID +Mem VCPUs +State +Time\(s\)$' "list: xl's header"
expect_line '^Domain-0 +0 +128 +1 +r----- +[0-9]+\.[0-9]$' "list: dom0 with 128 MiB, 1 vCPU, running"
expect_line '^Domain-0 +0 +128 +1 +r----- +[0-9.]+ +- +0x30$' "list -l: no memory limit, privileged and running"
expect_line '^sierra> domid Domain-0$' "the shell echoes each command of a script"
grep -A1 '^sierra> domid Domain-0$' "$LOG" | tail -1 | grep -qx 0
tap_result $? "domid Domain-0: 0"
grep -A1 '^sierra> domname 0$' "$LOG" | tail -1 | grep -qx 'Domain-0'
tap_result $? "domname 0: Domain-0"
expect_line "^sierra: no domain 'nosuch'$" "an unknown name: a message"
expect_line '^sierra: pause 0: Invalid argument$' "dom0 cannot pause itself"
expect_line '^sierra: destroy 0: Operation not permitted$' "dom0 cannot be destroyed"
expect_line "^/etc/sierra/hello.xml: domain 'hello' is valid" "validate in the same session"
sed -n '/^sierra> dmesg$/,/^sierra> dmesg -c$/p' "$LOG" | grep -q '^(sierra) boot complete, [0-9]* ms after machine reset'
tap_result $? "dmesg: the hypervisor's log, read back through sysctl readconsole"
sed -n '/^sierra> dmesg$/,/^sierra> dmesg -c$/p' "$LOG" | grep -q '^(sierra) dom0: kernel '
tap_result $? "dmesg: the dom0 builder's lines are in it"
grep -A1 '^sierra> dmesg -c$' "$LOG" | sed -n 2p | grep -q '^(sierra) Sierra hypervisor '
tap_result $? "dmesg -c: the log from its start, then cleared"
grep -A1 '^sierra> dmesg$' "$LOG" | tail -1 | grep -qx 'sierra> dmesg -x'
tap_result $? "dmesg after -c: nothing"
expect_line '^usage: sierra dmesg \[-c\]$' "dmesg with a bad option: its usage"
expect_line '^dom0: /sbin/sierra exited with status 2$' "the script's status: the last failure's (2, usage)"
finish
