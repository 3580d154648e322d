#!/usr/bin/env bash
# sierra dumpxml in dom0: create keeps the definition, dumpxml gives it back
# as XML with the live values (id, the limit mem-set gave, the weight
# sched-credit gave), the output is a definition that validates (checked on
# the host with the kernel path moved to the host's copy) and says the same
# as the original apart from what was changed; Domain-0 has no definition;
# after destroy the definition is gone. (The domU has shut down by the time
# of dumpxml, so no hypervisor line comes in the middle of the XML.)
. "$(dirname "$0")/../lib/tap.sh"

S=$TOP/build/dom0-tools/sierra
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cat > "$work/tuned.xml" <<'XML'
<domain type='xen'>
  <name>tuned</name>
  <uuid>4dea22b3-1d52-d8f3-2516-782e98ab3fa0</uuid>
  <title>A &amp; B</title>
  <memory unit='MiB'>16</memory>
  <vcpu cpuset='0'>2</vcpu>
  <cputune><vcpupin vcpu='1' cpuset='0'/><period>100000</period><quota>50000</quota></cputune>
  <os><type>linux</type><kernel>/boot/hello</kernel><cmdline>quiet x=&lt;1&gt;</cmdline></os>
  <on_poweroff>preserve</on_poweroff>
  <on_crash>preserve</on_crash>
  <devices><console type='pty'><target type='xen' port='0'/></console></devices>
</domain>
XML
printf '%s\n' 'create /etc/sierra/tuned.xml' 'shutdown -w tuned' 'sched-credit -d tuned -w 700' 'mem-set tuned 48M' \
  'dumpxml tuned' 'dumpxml Domain-0' 'destroy tuned' 'dumpxml tuned' > "$work/cmds"
dom0_shell sierra-dumpxml "$work/cmds" -t 120 -- \
  /etc/sierra/tuned.xml="$work/tuned.xml" /boot/hello="$TOP/build/guest-kit/examples/hello"
expect_line "^created domain 'tuned' \(id 1, 16 MiB, 2 vCPUs\)$" "create"
expect_line "^<domain type='xen' id='1'>$" "dumpxml: the live id"
expect_line "^  <memory unit='KiB'>49152</memory>$" "the limit mem-set gave (48 MiB)"
expect_line "^    <shares>700</shares>$" "the weight sched-credit gave"
expect_line "^  <title>A &amp; B</title>$" "text escaped again"
expect_line "^sierra: dumpxml Domain-0: no definition \(it was not made by sierra create\)$" \
  "Domain-0 has no definition"
expect_line "^sierra: no domain 'tuned'$" "after destroy: gone"

# (the hypervisor's own lines may come in between: the domU shuts down meanwhile)
sed -n "/^<domain type='xen' id='1'>\$/,/^<\/domain>\$/p" "$LOG" | grep -v '^(sierra)' |
  sed "s|<kernel>/boot/hello</kernel>|<kernel>$TOP/build/guest-kit/examples/hello</kernel>|" > "$work/dumped.xml"
sed "s|<kernel>/boot/hello</kernel>|<kernel>$TOP/build/guest-kit/examples/hello</kernel>|" "$work/tuned.xml" \
  > "$work/orig.xml"
"$S" validate "$work/dumped.xml" > "$work/v.out" 2>&1
tap_result $? "the output validates on the host" "$(cat "$work/v.out")"
"$S" --json validate "$work/dumped.xml" | sed 's/"file": "[^"]*", //' > "$work/dumped.json"
"$S" --json validate "$work/orig.xml" | sed 's/"file": "[^"]*", //' |
  sed 's/"memory_kib": 16384/"memory_kib": 49152/; s/"weight": 256/"weight": 700/' > "$work/orig.json"
diff -u "$work/orig.json" "$work/dumped.json" > "$work/json.diff"
tap_result $? "it says what the original says, but for the memory limit and the weight" \
  "$(sed 's/^/#   /' "$work/json.diff")"
grep -q '"cmdline": "quiet x=<1>"' "$work/dumped.json"
tap_result $? "the command line survives the escaping" "$(cat "$work/dumped.json")"
finish
