#!/usr/bin/env bash
# Exceptions: selftest=traps takes a #UD, a #PF and a #GP inside accesses the
# exception table covers and must recover from each; selftest=fatal-pf reads
# the unmapped guard page under the boot stack with no fixup and must print
# the fatal report (vector, error code, registers, CR2 decoded, symbolized
# backtrace) and stop the machine with the fatal exit code.
. "$(dirname "$0")/../lib/tap.sh"

boot traps -a 'selftest=traps'
expect_status 0 "$STATUS" "recoverable faults: the boot goes on and exits cleanly"
for v in UD PF GP; do
  expect_line "^\(sierra\) selftest traps: #$v at 0xffff82d0402[0-9a-f]{5} recovered through the exception table$" "#$v recovered through the exception table"
done
expect_line '^\(sierra\) selftest traps: ok$' "traps self-test verdict"
expect_line '^\(sierra\) selftests: all passed$' "all self-tests passed"

boot fatal-pf -a 'selftest=fatal-pf'
expect_status 127 "$STATUS" "uncovered #PF stops the machine with the fatal exit code"
expect_line '^\(sierra\) \*\*\* Fatal exception 14 \(#PF page fault\), error code 0$' "vector and error code"
expect_line '^\(sierra\) RIP: \[0xffff82d0402[0-9a-f]{5}\] selftest_fatal_pagefault\+0x[0-9a-f]+/0x[0-9a-f]+$' "RIP symbolized"
expect_line '^\(sierra\) RAX [0-9a-f]{16} RBX [0-9a-f]{16}' "general registers"
expect_line '^\(sierra\) CR0 [0-9a-f]{16} CR3 [0-9a-f]{16} CR4 [0-9a-f]{16} CR2 ffff82d0402[0-9a-f]{5}$' "control registers"
expect_line '^\(sierra\) CR2 0x[0-9a-f]+: not-present page on read access, supervisor mode$' "CR2 and error code decoded"
expect_line '^\(sierra\)   \[0x[0-9a-f]+\] run_selftests\+0x' "backtrace: run_selftests"
expect_line '^\(sierra\)   \[0x[0-9a-f]+\] start_sierra\+0x' "backtrace: start_sierra"
expect_line 'fatal exception in the hypervisor: machine stopped$' "machine stopped"
expect_no_line 'boot complete' "boot did not go on after the fatal fault"
finish
