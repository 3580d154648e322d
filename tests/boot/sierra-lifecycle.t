#!/usr/bin/env bash
# What happens when a domU shuts down, as xl does it: the relay in the
# sierra shell applies the definition's on_poweroff / on_reboot / on_crash.
# hello with the defaults is destroyed when it powers off (every frame back
# at once); a domain with on_poweroff=restart is created again from its
# kept definition; one that crashes with on_crash=preserve stays, shown
# crashed, and its console log still has what it wrote. The console relay
# keeps each domain's output in its log, which `console` shows.
. "$(dirname "$0")/../lib/tap.sh"

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
sed 's|<name>hello</name>|<name>again</name>|; s|</os>|</os><on_poweroff>restart</on_poweroff>|' \
  "$TOP/build/dom0-tools/etc/hello.xml" > "$work/again.xml"
cat > "$work/crasher.xml" <<'XML'
<domain type='xen'>
  <name>crasher</name>
  <memory unit='MiB'>16</memory>
  <os><type>linux</type><kernel>/boot/grant-pair</kernel></os>
  <on_crash>preserve</on_crash>
</domain>
XML
printf '%s\n' 'create -c /etc/sierra/hello.xml' 'list' 'create /etc/sierra/again.xml' \
  'shutdown -w again' 'list' 'destroy again' 'create /etc/sierra/crasher.xml' 'list' \
  'console crasher' 'list' 'destroy crasher' > "$work/cmds"
dom0_shell sierra-lifecycle "$work/cmds" -t 120 -- \
  /etc/sierra/hello.xml="$TOP/build/dom0-tools/etc/hello.xml" /etc/sierra/again.xml="$work/again.xml" \
  /etc/sierra/crasher.xml="$work/crasher.xml" /boot/hello="$TOP/build/guest-kit/examples/hello" \
  /boot/grant-pair="$TOP/build/guest-kit/examples/grant-pair"
expect_line '^hello from a guest-kit guest$' "hello's console, through the relay"
expect_line '^sierra: hello powered off: destroyed \(on_poweroff\)$' "on_poweroff's default: destroyed"
expect_line '^\(sierra\) d1: destroyed, 4096 frames freed, frame audit: 0 errors$' \
  "every frame back at once (the relay let go of the ring first)"
expect_no_line '^hello +1 ' "list: hello is gone"
expect_line '^sierra: again powered off: restarting \(on_poweroff\)$' "on_poweroff=restart: restarting"
[ "$(grep -c "^created domain 'again'" "$LOG")" -ge 2 ]
tap_result $? "created again from its kept definition" "$(grep -c "^created domain 'again'" "$LOG") creates"
expect_line '^sierra: crasher crashed: preserved \(on_crash\)$' "on_crash=preserve"
expect_line '^crasher +[0-9]+ +16 +1 +----c- ' "list: crasher kept, crashed"
expect_line '^grant-pair: usage: role=offer\|map peer=DOMID$' "console of a crashed domain: its log"
expect_line '^\(sierra\) d[0-9]+: destroyed, 4096 frames freed, frame audit: 0 errors$' "destroy by hand afterwards"
finish
