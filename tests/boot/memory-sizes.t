#!/usr/bin/env bash
# Memory layouts at both ends: 4 GiB (QEMU splits RAM around the PCI hole, so
# part of it is above 4 GiB and must be direct-mapped too) and 128 MiB; then
# mem= limiting what the hypervisor uses.
. "$(dirname "$0")/../lib/tap.sh"

ram_within() {  # MiB DESCRIPTION: the log's RAM total is within 1 MiB of MiB
  local kib
  kib=$(sed -n 's/^(sierra) RAM: \([0-9]*\) KiB usable.*$/\1/p' "$LOG")
  [ -n "$kib" ] && [ $(($1 * 1024 - kib)) -ge 0 ] && [ $(($1 * 1024 - kib)) -le 1024 ]
  tap_result $? "$2 (${kib:-?} KiB)"
}

boot mem-4g -m 4096 -a 'selftest=heap'
expect_status 0 "$STATUS" "4 GiB: boots and exits cleanly"
expect_line '^\(sierra\)   0000000100000000 - 0000000140000000  RAM$' "4 GiB: RAM above 4 GiB in the map"
ram_within 4096 "4 GiB: usable RAM within 1 MiB"
expect_line '^\(sierra\) paging: direct map 5120 MiB' "4 GiB: direct map covers RAM above 4 GiB"
expect_line '^\(sierra\) selftest heap: ok$' "4 GiB: heap self-test passes"

boot mem-128m -m 128 -a 'selftest=heap'
expect_status 0 "$STATUS" "128 MiB: boots and exits cleanly"
ram_within 128 "128 MiB: usable RAM within 1 MiB"
expect_line '^\(sierra\) selftest heap: ok$' "128 MiB: heap self-test passes"

boot mem-limit -m 512 -a 'mem=64M'
expect_status 0 "$STATUS" "mem=64M: boots and exits cleanly"
ram_within 64 "mem=64M: RAM use limited to 64 MiB"
expect_line 'KiB usable \(limited by mem=\)$' "mem=64M: the limit is reported"
finish
