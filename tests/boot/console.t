#!/usr/bin/env bash
# The console as `make run` uses it: command-line options (unknown ones warned
# about, not fatal), Multiboot modules recorded, and the debug keys read from
# the serial line: 'h' help, 'm' memory summary, 'a' frame-table audit, 'q'
# power off through ACPI (no isa-debug-exit device).
. "$(dirname "$0")/../lib/tap.sh"

mods=$LOGDIR/modules
mkdir -p "$mods"
printf 'kernel' > "$mods/kernel"
printf 'initrd-data' > "$mods/initrd"
boot console -n -a 'console=com1 loglvl=info frobnicate=3' \
  -r "$mods/kernel root=/dev/xvda1 quiet,$mods/initrd" -w 'debug keys active' -i 'hmaq'
expect_status 0 "$STATUS" "powered off through ACPI after 'q'"
expect_line "^\(sierra\) command line: unknown option 'frobnicate', ignored$" "unknown option warned about"
expect_line "^\(sierra\) module 0: 0x[0-9a-f]+-0x[0-9a-f]+ '$mods/kernel root=/dev/xvda1 quiet'$" "dom0 kernel module and its arguments recorded"
expect_line "^\(sierra\) module 1: 0x[0-9a-f]+-0x[0-9a-f]+ '$mods/initrd'$" "second module recorded"
s=$(sed -n "s/^(sierra) module 1: 0x\([0-9a-f]*\)-0x\([0-9a-f]*\) .*/\1 \2/p" "$LOG")
[ -n "$s" ] && [ $((0x${s#* } - 0x${s% *})) -eq 11 ]
tap_result $? "module size matches the file (11 bytes)"
expect_line "^\(sierra\)   'm'  memory summary$" "'h' lists the keys"
[ "$(grep -c '^(sierra) memory: [0-9]* free frames' "$LOG")" -eq 2 ]
tap_result $? "'m' prints the memory summary again"
expect_line '^\(sierra\) frame audit: [0-9]+ frames, [0-9]+ free, .*, 0 errors$' "'a' audits the frame table"
expect_line '^\(sierra\) powering off \(ACPI S5\)$' "'q' powers off"
finish
