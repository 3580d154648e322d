#!/usr/bin/env bash
# A PV kernel nobody here wrote: Debian 12's Linux 6.1 (tools/linux-ref),
# unmodified, boots as dom0 on Sierra from the Multiboot module, unpacks its
# initramfs and runs tests/linux/init, which runs a test program and powers
# the machine off through reboot(2). tests/dom0/syscalls (131 checks of system
# calls and errno values) and tests/dom0/procs (fork, exec, wait, signals)
# must print the same lines as on the Linux host and as the same kernel on
# Xen 4.17; no page-table request of Linux's may be refused (loglvl=debug
# logs each one), and every frame must come back when dom0 is destroyed.
# Then the same with two vCPUs (Linux brings its second one up itself, with
# VCPUOP_initialise; both share the one physical CPU), and with no dom0_mem
# (Sierra's default dom0 of 128 MiB: a P2M of 64 pages and 67 frames).
# Linux runs its boot-time crypto self-tests too: they once found that the
# hypervisor did not flush stale TLB entries when retyping a frame
# (guest-kit/tests/stale-tlb). Xen runs with smap=0 (QEMU TCG,
# ../shared/reference/pv-abi-notes.md).
. "$(dirname "$0")/../lib/tap.sh"

V=$("$TOP/tools/linux-ref" path) || { tap_result 1 "Debian's Linux is available (tools/linux-ref)"; finish; }
T=$TOP/build/tests/dom0
CPIO=$TOP/build/tests/linux/initramfs.cpio
ARGS="console=hvc0 loglevel=4"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/root/etc" "$work/root/tmp"
cp "$TOP/dom0-tools/rootfs/etc/motd" "$work/root/etc/"
"$T/syscalls" "$work/root" | grep -E '^(not )?ok ' > "$work/syscalls.host"
"$T/procs" | grep -E '^(not )?ok ' > "$work/procs.host"

# on_sierra LABEL PROG HYPERVISOR-ARGS PAGES P2M-FRAMES: Linux as dom0 runs
# /bin/PROG; its lines must be the host's, nothing refused, every frame back
on_sierra() {
  local label=$1 prog=$2 hv=$3 pages=$4 p2m=$5 root=
  [ "$prog" = syscalls ] && root=/
  boot "linux-$label" -m 1024 -a "$hv loglvl=debug" -t 180 -r "$V $ARGS -- /bin/$prog $root,$CPIO"
  expect_status 0 "$STATUS" "$label: Linux runs $prog, powers off through reboot(2): QEMU exits with 0"
  expect_line "^\(sierra\) dom0: $pages pages, .* P2M 0x8000000000 \($p2m frames of its own\)$" \
    "$label: $pages pages, the P2M where Linux's INIT_P2M note asks ($p2m frames)"
  expect_line "^linux-init: /bin/$prog exited with status 0$" "$label: its checks all pass under Linux"
  grep -E '^(not )?ok ' "$LOG" | diff "$work/$prog.host" - > "$work/diff" &&
    [ "$(wc -l < "$work/$prog.host")" -ge 40 ]
  tap_result $? "$label: every line as on the Linux host ($(wc -l < "$work/$prog.host") checks)" \
    "$(head -20 "$work/diff")"
  expect_no_line 'refused' "$label: no page-table request of Linux's was refused"
  expect_line "^\(sierra\) d0: destroyed, $pages frames freed, frame audit: 0 errors$" \
    "$label: every frame back, frame audit clean"
}

for prog in syscalls procs; do
  on_sierra "$prog" "$prog" dom0_mem=512M 131072 259
  expect_line "^\(sierra\) dom0: kernel 'linux' xen-3.0" "$prog: dom0 is Linux, from its ELF notes"
  root=; [ $prog = syscalls ] && root=/
  "$TOP/tools/xen-ref" run "$work/xen-$prog.log" "$V $ARGS -- /bin/$prog $root,$CPIO" \
    -x "dom0_mem=512M smap=0" -t 240
  grep -aE '^(not )?ok ' "$work/xen-$prog.log" | diff "$work/$prog.host" - > "$work/diff" &&
    grep -q "^linux-init: /bin/$prog exited with status 0$" "$work/xen-$prog.log"
  tap_result $? "$prog: the same kernel on Xen 4.17 prints the same lines" "$(head -20 "$work/diff")"
done
on_sierra two-vcpus syscalls 'dom0_mem=512M dom0_max_vcpus=2' 131072 259
expect_line '^\(sierra\) d0: vCPU 1 up at 0x' "two-vcpus: Linux brought its second vCPU up"
on_sierra default-size procs '' 32768 67
finish
