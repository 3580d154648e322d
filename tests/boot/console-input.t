#!/usr/bin/env bash
# Console input to a domU: `sierra create -c` attaches to guest-kit's
# console-echo; what is typed on the serial line reaches dom0's console,
# `sierra console` puts it into the domU's console ring and notifies its
# event channel, and the guest echoes the line back through its ring and the
# relay. ^] then leaves the console with the domain still running (list
# shows it); a second `console` shows the log so far and takes more input:
# "quit" powers the guest off and the relay destroys it (on_poweroff).
. "$(dirname "$0")/../lib/tap.sh"

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cat > "$work/echo.xml" <<'XML'
<domain type='xen'>
  <name>echo</name>
  <memory unit='MiB'>16</memory>
  <os><type>linux</type><kernel>/boot/console-echo</kernel></os>
</domain>
XML
printf '%s\n' 'create -c /etc/sierra/echo.xml' 'list' 'console echo' 'list' > "$work/cmds"
dom0_shell console-input "$work/cmds" -t 120 -w '^console-echo: type a line' -i 'hello there\r' \
  -w '^echo: hello there$' -i '\x1d\r' \
  -w '^sierra> console echo$' -i 'quit\r' -- \
  /etc/sierra/echo.xml="$work/echo.xml" /boot/console-echo="$TOP/build/guest-kit/examples/console-echo"
expect_line '^console-echo: type a line; quit ends$' "the guest's prompt, through its ring and the relay"
expect_line '^echo +1 +16 +1 +-[rb]---- ' "^] left the console; the domain still runs (blocked waiting for input, or about to)"
expect_line '^echo: hello there$' "the typed line reached the guest, which echoed it (shown by console again)"
[ "$(grep -c '^console-echo: type a line' "$LOG")" -eq 2 ]
tap_result $? "console again: what it wrote before is shown first"
expect_line '^echo: quit$' "a second console: input again"
expect_line '^sierra: echo powered off: destroyed \(on_poweroff\)$' "quit: it powers off and is destroyed"
expect_line '^\(sierra\) d1: destroyed, 4096 frames freed, frame audit: 0 errors$' "every frame back"
finish
