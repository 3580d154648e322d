#!/usr/bin/env bash
# guest-kit's grant-pair example: two domUs that dom0 creates share a page
# through a grant and an event channel. The offering side grants domain 2 a
# page and waits for its event; the mapping side finds the grant, reads the
# message, writes its reply, unmaps and notifies; the offering side reads
# the reply and ends the grant (possible only once it is unmapped). Both
# consoles come through their rings; destroy gives every frame back.
. "$(dirname "$0")/../lib/tap.sh"

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
for side in offer:2 map:1; do
  role=${side%:*} peer=${side#*:}
  cat > "$work/$role.xml" <<XML
<domain type='xen'>
  <name>$role</name>
  <memory unit='MiB'>16</memory>
  <os><type>linux</type><kernel>/boot/grant-pair</kernel><cmdline>role=$role peer=$peer</cmdline></os>
  <on_poweroff>preserve</on_poweroff>
</domain>
XML
done
printf '%s\n' 'create /etc/sierra/offer.xml' 'create -c /etc/sierra/map.xml' 'console offer' \
  'list' 'destroy offer' 'destroy map' > "$work/cmds"
dom0_shell grant-pair "$work/cmds" -t 120 -- \
  /etc/sierra/offer.xml="$work/offer.xml" /etc/sierra/map.xml="$work/map.xml" /boot/grant-pair="$TOP/build/guest-kit/examples/grant-pair"
expect_line "^created domain 'offer' \(id 1," "the offering domain is domain 1"
expect_line "^created domain 'map' \(id 2," "the mapping domain is domain 2"
expect_line '^grant-pair: mapped ref [0-9]+ of domain 1: a page granted to domain 2$' \
  "domain 2 maps the grant and reads domain 1's message"
expect_line '^grant-pair: replied and notified domain 1$' "it replies and sends the event"
expect_line '^grant-pair: offered ref [0-9]+ and an event channel to domain 2$' "domain 1 offered them"
expect_line '^grant-pair: domain 2 answered: thanks from the mapping side$' \
  "domain 1 gets the event and reads the reply in its own page"
expect_line '^grant-pair: grant ended: 0$' "and ends the grant, unmapped by then"
expect_line '^offer +1 +16 +1 +---s-- ' "both shut down cleanly (power off)"
expect_line '^map +2 +16 +1 +---s-- ' "..."
[ "$(grep -cE '^\(sierra\) d[12]: destroyed, [0-9]+ frames freed, frame audit: 0 errors$' "$LOG")" -eq 2 ]
tap_result $? "destroy: every frame of both back, clean audits"
finish
