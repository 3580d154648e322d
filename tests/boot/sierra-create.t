#!/usr/bin/env bash
# sierra create inside dom0: the domain builder runs in user space over
# privcmd (memory_op, MMAPBATCH_V2, event channels, mmuext_op on the domU's
# behalf, domctl). The demo definition's guest-kit hello runs, its console
# ring shown by create -c (sierra console), and powers off;
# list shows it; destroy frees every frame; 20 create/destroy rounds leak
# nothing (free memory equal before and after, a clean frame audit each
# time); a definition whose kernel is not a kernel fails and leaves nothing.
. "$(dirname "$0")/../lib/tap.sh"

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
sed 's|<name>hello</name>|<name>not-a-kernel</name>|; s|<kernel>.*</kernel>|<kernel>/etc/motd</kernel>|' \
  "$TOP/build/dom0-tools/etc/hello.xml" > "$work/bad-kernel.xml"
# preserved when it powers off, so that list shows it and destroy is by hand
sed 's|</os>|</os><on_poweroff>preserve</on_poweroff>|' "$TOP/build/dom0-tools/etc/hello.xml" > "$work/hello.xml"
{
  echo info
  echo create -c /etc/sierra/hello.xml
  echo list
  echo destroy hello
  for i in $(seq 2 20); do echo create /etc/sierra/hello.xml; echo shutdown -w hello; echo destroy hello; done
  echo create /etc/sierra/bad-kernel.xml
  echo list
  echo info
} > "$work/cmds"
dom0_shell sierra-create "$work/cmds" -t 240 -- \
  /etc/motd="$TOP/dom0-tools/rootfs/etc/motd" /etc/sierra/hello.xml="$work/hello.xml" \
  /boot/hello="$TOP/build/guest-kit/examples/hello" /etc/sierra/bad-kernel.xml="$work/bad-kernel.xml"
expect_line "^created domain 'hello' \(id [0-9]+, 16 MiB, 1 vCPU\)$" "create: the domain is built and started"
expect_line '^hello from a guest-kit guest$' "create -c: the domU's console, from its ring"
expect_line '^magic xen-3\.0-x86_64p, 4096 pages, flags 0$' "its start_info: 4096 pages (16 MiB), not dom0"
expect_no_line '^\(d[0-9]+\)' "nothing of the domU's went through console_io"
expect_line '^hello +1 +16 +1 +---s-- ' "list: hello, 16 MiB, shut down"
[ "$(grep -c "^created domain 'hello'" "$LOG")" -eq 20 ]
tap_result $? "20 rounds of create" "$(grep -c "^created domain 'hello'" "$LOG") created"
[ "$(grep -cE '^\(sierra\) d[0-9]+: destroyed, 4096 frames freed, frame audit: 0 errors$' "$LOG")" -eq 20 ]
tap_result $? "20 destroys, each with a clean frame audit"
expect_line "^sierra: create not-a-kernel: Exec format error$" "a kernel that is not one: the create fails, says why"
expect_no_line '^not-a-kernel ' "and leaves no domain behind"
[ "$(grep '^free_memory' "$LOG" | sort -u | wc -l)" -eq 1 ] && [ "$(grep -c '^free_memory' "$LOG")" -eq 2 ]
tap_result $? "free memory before and after: the same" "$(grep '^free_memory' "$LOG")"
expect_no_line 'leaked|memory was not all given back' "nothing leaked"
finish
