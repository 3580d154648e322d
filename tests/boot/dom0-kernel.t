#!/usr/bin/env bash
# The control domain's kernel (dom0-tools/kernel) runs static Linux programs:
# tests/dom0/syscalls, a musl binary checking ~80 system calls and their
# errno values, and tests/dom0/procs (processes and signals) print the same
# lines on the Linux host, as dom0's /init on Sierra, and as dom0's /init on
# Xen 4.17. A program that faults is ended as
# SIGSEGV and its frames come back. The `sierra` tool itself - the same
# static binary as on the host - validates definitions inside dom0, and its
# exit status becomes the domain's end (poweroff for 0, crash otherwise).
. "$(dirname "$0")/../lib/tap.sh"

K=$TOP/build/dom0-tools/sierra-dom0
T=$TOP/build/tests/dom0
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/root/etc" "$work/root/tmp"
cp "$TOP/dom0-tools/rootfs/etc/motd" "$work/root/etc/"

"$T/syscalls" "$work/root" > "$work/host.out"
expect_status 0 $? "on the Linux host: every check passes"
grep -E '^(not )?ok ' "$work/host.out" > "$work/host.ok"
[ "$(wc -l < "$work/host.ok")" -ge 70 ]
tap_result $? "on the Linux host: $(wc -l < "$work/host.ok") checks"

boot dom0-syscalls -m 512 -a 'dom0_mem=128M' -t 90 -r "$K -- /,$T/initramfs.cpio"
expect_status 0 "$STATUS" "Sierra: dom0 powers off when /init exits with 0"
expect_line '^dom0: /init exited with status 0$' "Sierra: /init exited with 0"
grep -E '^(not )?ok ' "$LOG" | diff "$work/host.ok" - > "$work/diff"
tap_result $? "Sierra: every line as on the host" "$(head -20 "$work/diff")"
expect_line '^dom0: every frame the process used is back' "Sierra: the process's frames all came back"
expect_line '^dom0: system call 1000 is not implemented \(-ENOSYS\)$' "an unknown system call is logged by number"

"$TOP/tools/xen-ref" run "$work/xen.log" "$K -- /,$T/initramfs.cpio" -t 120
expect_status 0 $? "Xen 4.17: dom0 runs to its end"
grep -E '^(not )?ok ' "$work/xen.log" | diff "$work/host.ok" - > "$work/diff"
tap_result $? "Xen 4.17: every line as on the host" "$(head -20 "$work/diff")"
grep -q '^dom0: /init exited with status 0$' "$work/xen.log"
tap_result $? "Xen 4.17: /init exited with 0"

boot dom0-privcmd -m 512 -a 'dom0_mem=128M' -t 60 -r "$K init=/bin/privcmd,$T/initramfs.cpio"
expect_line '^privcmd: 0 of 7 failed$' "Sierra: /dev/xen/privcmd, its results and errno values"
grep -E '^(not )?ok ' "$LOG" > "$work/privcmd.sierra"
"$TOP/tools/xen-ref" run "$work/xen-privcmd.log" "$K init=/bin/privcmd,$T/initramfs.cpio" -t 90
grep -E '^(not )?ok ' "$work/xen-privcmd.log" | diff "$work/privcmd.sierra" - > "$work/diff" &&
  [ "$(wc -l < "$work/privcmd.sierra")" -eq 7 ]
tap_result $? "Xen 4.17: privcmd gives the same 7 lines" "$(cat "$work/diff")"

# processes and signals: the same 49 lines on the host, on Sierra, on Xen
"$T/procs" > "$work/procs.host"
expect_status 0 $? "procs on the Linux host: every check passes"
grep -E '^(not )?ok ' "$work/procs.host" > "$work/procs.ok"
boot dom0-procs -m 512 -a 'dom0_mem=128M' -t 90 -r "$K init=/bin/procs,$T/initramfs.cpio"
expect_status 0 "$STATUS" "Sierra: procs exits with 0"
grep -E '^(not )?ok ' "$LOG" | diff "$work/procs.ok" - > "$work/diff" && [ "$(wc -l < "$work/procs.ok")" -ge 49 ]
tap_result $? "Sierra: fork, vfork, exec, wait4, signals: every line as on the host" "$(head -20 "$work/diff")"
expect_line '^dom0: every frame the process used is back' "Sierra: every frame of every process came back"
"$TOP/tools/xen-ref" run "$work/xen-procs.log" "$K init=/bin/procs,$T/initramfs.cpio" -t 120
grep -E '^(not )?ok ' "$work/xen-procs.log" | diff "$work/procs.ok" - > "$work/diff"
tap_result $? "Xen 4.17: procs, every line as on the host" "$(head -20 "$work/diff")"

# the same two tests built against glibc's static libc: as on the host, on Sierra
for t in syscalls procs; do
  "$T/$t-glibc" "$work/root" | grep -E '^(not )?ok ' > "$work/$t-glibc.host"
  boot "dom0-$t-glibc" -m 512 -a 'dom0_mem=128M' -t 90 -r "$K init=/bin/$t-glibc -- /,$T/initramfs.cpio"
  grep -E '^(not )?ok ' "$LOG" | diff "$work/$t-glibc.host" - > "$work/diff" &&
    [ "$(wc -l < "$work/$t-glibc.host")" -ge 39 ] && [ "$STATUS" -eq 0 ]
  tap_result $? "glibc-static $t: every line as on the host, on Sierra" "$(head -20 "$work/diff")"
done

# /dev/xen/evtchn and IOCTL_PRIVCMD_MMAP: the same 35 lines on Sierra and Xen
boot dom0-evtchn -m 512 -a 'dom0_mem=128M' -t 60 -r "$K init=/bin/evtchn,$T/initramfs.cpio"
expect_line '^evtchn: 0 of 35 failed$' "Sierra: /dev/xen/evtchn and IOCTL_PRIVCMD_MMAP, every check"
grep -E '^(not )?ok ' "$LOG" > "$work/evtchn.sierra"
"$TOP/tools/xen-ref" run "$work/xen-evtchn.log" "$K init=/bin/evtchn,$T/initramfs.cpio" -t 90
grep -E '^(not )?ok ' "$work/xen-evtchn.log" | diff "$work/evtchn.sierra" - > "$work/diff"
tap_result $? "Xen 4.17: the same 35 lines" "$(cat "$work/diff")"

# ^C typed on the console: SIGINT to the foreground process group
boot dom0-sigint -m 512 -a 'dom0_mem=128M' -t 60 -w 'child ready' -i '\x03' \
  -r "$K init=/bin/sigint,$T/initramfs.cpio"
expect_line '^sigint: child ended by SIGINT$' "^C ends the foreground group's process"
expect_line '^sigint: init survives a SIGINT it does not handle$' "init ignores signals it does not handle"
expect_line "^sigint: init's handler caught SIGINT$" "a handler in init catches one"
expect_status 0 "$STATUS" "dom0 ends cleanly after ^C"

boot dom0-segv -m 512 -a 'dom0_mem=128M' -t 60 -r "$K init=/bin/segv,$T/initramfs.cpio"
expect_line '^dom0: pid 1: segmentation fault at 0x[0-9a-f]+ \(vector 14, error 0x6, address 0x10\)$' \
  "a user write to address 16: a segmentation fault, reported"
expect_line '^dom0: /bin/segv killed by signal 11$' "the process ends as SIGSEGV would end it"
expect_no_line 'still alive' "it did not go on"
expect_line '^dom0: every frame the process used is back' "its frames came back; the kernel carried on"
[ "$STATUS" -ne 0 ] && [ "$STATUS" -ne 124 ]
tap_result $? "dom0 ends crashed (status $STATUS), not hung"

boot dom0-sierra -m 512 -a 'dom0_mem=128M' -t 90 \
  -r "$K init=/sbin/sierra -- validate /etc/sierra/hello.xml,$TOP/build/dom0-tools/initramfs.cpio"
expect_status 0 "$STATUS" "sierra validate in dom0: powers off with 0"
expect_line "^/etc/sierra/hello.xml: domain 'hello' is valid \(PV, 16 MiB, 1 vCPU\)$" \
  "the static sierra binary validates the demo definition inside dom0"
boot dom0-sierra-bad -m 512 -a 'dom0_mem=128M' -t 90 \
  -r "$K init=/sbin/sierra -- validate /etc/sierra/bad.xml,$TOP/build/dom0-tools/initramfs.cpio"
expect_line "^/etc/sierra/bad.xml:3: error: element 'memory': the memory size is 0$" \
  "a bad definition: file, line and element, inside dom0 as on the host"
expect_line '^dom0: /sbin/sierra exited with status 2$' "its exit status 2 reaches the kernel"
finish
