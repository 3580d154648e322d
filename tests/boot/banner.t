#!/usr/bin/env bash
# Boot on 2 CPUs and 512 MiB: the banner, the CPU count read from the MADT, the
# RAM total (within 1 MiB of -m), the free-frame count, and a clean exit
# through isa-debug-exit once boot is complete.
. "$(dirname "$0")/../lib/tap.sh"

boot banner -s 2 -m 512
expect_status 0 "$STATUS" "boot ends with exit code 0"
expect_line '^\(sierra\) Sierra hypervisor [0-9.]+ - Xen PV ABI 4\.17 \(interface 0x40e00\)$' "banner"
expect_line '^\(sierra\) ACPI: .*, 2 CPUs, 1 I/O APIC' "MADT lists 2 CPUs and 1 I/O APIC"
kib=$(sed -n 's/^(sierra) RAM: \([0-9]*\) KiB usable$/\1/p' "$LOG")
[ -n "$kib" ] && [ $((512 * 1024 - kib)) -ge 0 ] && [ $((512 * 1024 - kib)) -le 1024 ]
tap_result $? "usable RAM ${kib:-?} KiB is within 1 MiB of 512 MiB"
expect_line '^\(sierra\) memory: [0-9]{6} free frames \(50[0-9] MiB\)' "free frames counted"
expect_line '^\(sierra\) boot complete, [0-9]+ ms after machine reset$' "boot completes"
expect_line 'exiting QEMU through isa-debug-exit, code 0$' "clean exit"
expect_no_line 'Fatal|FAILED|unknown option' "no fatal error, failure or warning"
finish
