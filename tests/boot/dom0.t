#!/usr/bin/env bash
# dom0 from a Multiboot module: the hello guest is built the way Xen builds
# dom0, runs in ring 3, prints through console_io and powers the machine off;
# its frames all come back. A module that is not a PV kernel is refused with
# a message and the machine stops with the "no dom0" code.
. "$(dirname "$0")/../lib/tap.sh"

hello=$TOP/build/guest-kit/examples/hello
boot dom0-hello -m 512 -a 'dom0_mem=64M' -r "$hello args for the kernel"
expect_status 0 "$STATUS" "dom0 powers off: QEMU exits with 0"
expect_line "^\(sierra\) dom0: kernel 'sierra-guest-kit' xen-3.0, loader generic" "ELF notes read"
expect_line '^\(sierra\) dom0: 16384 pages, mapped 0xffffffff80000000-0xffffffff80[0-9a-f]{6}, ' \
  "dom0_mem=64M gives 16384 pages, mapped from VIRT_BASE"
expect_line '^hello from a guest-kit guest$' "the guest prints"
expect_line '^magic xen-3.0-x86_64p, 16384 pages, flags 0x3$' "start_info as Xen fills it"
expect_line '^\(sierra\) d0: shut down \(poweroff\)$' "SCHEDOP_shutdown poweroff"
expect_line '^\(sierra\) d0: destroyed, 16384 frames freed, frame audit: 0 errors$' \
  "all frames freed, audit clean"

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
head -c 4096 /dev/urandom > "$work/junk"
boot dom0-junk -r "$work/junk"
expect_status 2 "$STATUS" "a module that is not a kernel: exit code 2 (no dom0)"
expect_line '^\(sierra\) dom0: the kernel is not a 64-bit PV kernel \(-8\)$' "refused as not a PV kernel"


# the 32-bit PAE build of hello: an ELF32 with the kit's notes, refused by
# Sierra until it runs 32-bit PV guests
hello32=$TOP/build/guest-kit/examples/hello-32
readelf -h "$hello32" 2>/dev/null | grep -q 'Class:.*ELF32' &&
  readelf -n "$hello32" | grep -A1 'type: (0x00000003)' | grep -q '00 00 00 c0'
tap_result $? "hello-32 is an ELF32 PV kernel with VIRT_BASE 0xc0000000"
boot dom0-32bit -r "$hello32"
expect_status 2 "$STATUS" "a 32-bit PV kernel: exit code 2 (no dom0)"
expect_line '^\(sierra\) dom0: the kernel is not a 64-bit PV kernel \(-8\)$' "refused with a message"
finish
