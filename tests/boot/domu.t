#!/usr/bin/env bash
# domUs built from dom0 (guest-kit/control/domu, with the tools' builder in
# dom0-tools/lib): the guest-kit hello kernel, given to dom0 as its module,
# is built into a new domain 20 times, runs next to dom0 (its console ring
# relayed by dom0 as "[d1] " lines), powers off, and is destroyed with every
# page back. Failed builds leave nothing; a domain destroyed while dom0 maps
# one of its frames keeps that frame until it is unmapped.
# Then an unprivileged domU (guest-kit/control/unpriv) attacks: the control
# interface, acting for dom0, foreign mappings, and mapping every machine
# frame, I/O memory, and devices through I/O ports with IOPL 1. Every
# attempt must be refused; it powers off only if all were.
. "$(dirname "$0")/../lib/tap.sh"

boot domu -m 1024 -a 'dom0_mem=256M' -t 180 \
  -r "$TOP/build/guest-kit/control/domu,$TOP/build/guest-kit/examples/hello"
expect_status 0 "$STATUS" "dom0 powers off when done: QEMU exits with 0"
expect_line '^domu: 0 failed$' "every builder check passes"
expect_no_line '^not ok' "no builder check fails"
[ "$(grep -c '^\[d1\] hello from a guest-kit guest$' "$LOG")" -eq 20 ]
tap_result $? "20 domUs ran and printed through their console rings, relayed by dom0" \
  "$(grep -c '^\[d1\] hello' "$LOG") hello lines"
expect_no_line '^\(d1\)' "no domU line went through console_io (Xen refuses it to domUs)"
expect_line '^\[d1\] magic xen-3.0-x86_64p, 2048 pages, flags 0$' \
  "the domU's start_info: 2048 pages, no dom0 flags"
[ "$(grep -c '^(sierra) d1: shut down (poweroff)$' "$LOG")" -eq 20 ]
tap_result $? "each domU shut down with poweroff"
expect_line '^\(sierra\) d1: 1 frames still mapped by other domains: freed when unmapped$' \
  "a frame still mapped by dom0 outlives its domain"
expect_no_line 'frame audit: [1-9]' "every destroy leaves a clean frame audit"
expect_no_line 'leaked' "no frame leaked"

boot domu-unpriv -m 1024 -a 'dom0_mem=256M' -t 180 \
  -r "$TOP/build/guest-kit/control/domu rounds=1,$TOP/build/guest-kit/control/unpriv"
expect_status 0 "$STATUS" "unpriv run: QEMU exits with 0"
expect_line '^\[d1\] unpriv: 0 failed$' "the domU had every attempt refused"
expect_no_line '^\[d1\] not ok' "no attempt of the domU succeeded"
expect_line '^\[d1\] ok [0-9]+ - mapping each of [0-9]+ machine frames: [0-9]+ of ours mapped, 0 others$' \
  "of all the machine's frames it maps only its own"
expect_line '^\[d1\] ok [0-9]+ - domctl getdomaininfo -> -1$' "no control interface for a domU"
expect_line '^\[d1\] ok [0-9]+ - mapping I/O frame 0xf0 -> -1$' "no I/O memory for a domU"
expect_line '^\[d1\] ok [0-9]+ - CMOS register A reads all ones$' \
  "with IOPL 1 its port accesses reach no device (and its keyboard-controller reset none)"
expect_line '^domu: 0 failed$' "dom0 saw it power off and got every page back"
finish
