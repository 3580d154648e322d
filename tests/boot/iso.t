#!/usr/bin/env bash
# The GRUB ISO (make iso) boots from CD through Multiboot 2 to the same
# banner; without isa-debug-exit the 'q' debug key powers off through ACPI S5
# and QEMU exits with status 0.
. "$(dirname "$0")/../lib/tap.sh"

boot iso -c "$TOP/build/sierra.iso" -n -w 'debug keys active' -i 'q' -t 120
expect_status 0 "$STATUS" "powered off through ACPI after 'q'"
expect_line '^\(sierra\) Sierra hypervisor [0-9.]+ - Xen PV ABI 4\.17 \(interface 0x40e00\)$' "banner"
expect_line "^\(sierra\) loader: Multiboot 2 / GRUB [^,]*, command line: 'console=com1'$" "loaded by GRUB through Multiboot 2"
expect_line '^\(sierra\) ACPI: .*, 1 CPU, ' "ACPI tables found"
expect_line '^\(sierra\) powering off \(ACPI S5\)$' "ACPI power off"
finish
