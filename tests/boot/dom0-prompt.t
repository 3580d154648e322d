#!/usr/bin/env bash
# The dom0 prompt, as `make run` gives it: Sierra, dom0's kernel and
# `sierra shell` on the console. What is typed on the serial line reaches
# dom0 (CONSOLEIO_read, VIRQ_CONSOLE), the line discipline echoes and edits
# it (a backspace here), each command runs, and "quit" powers off. Ctrl-A
# three times gives the input to the hypervisor's debug keys and back.
# Each line is typed once the output before it is out (typed earlier, the
# echo could come before the prompt, or after the hypervisor's Ctrl-A
# message, and the line under test would not read as typed).
. "$(dirname "$0")/../lib/tap.sh"

boot dom0-prompt -m 512 -a 'dom0_mem=128M' -t 90 -w '^sierra> ' -i 'lisx\x7ft\r' \
  -w 'Domain-0 +0 +128 ' -i 'domname 0\r' \
  -w 'Domain-0$' -i '\x01\x01\x01m\x01\x01\x01validate /etc/sierra/hello.xml\rquit\r' \
  -r "$TOP/build/dom0-tools/sierra-dom0 init=/sbin/sierra -- shell,$TOP/build/dom0-tools/initramfs.cpio"
expect_status 0 "$STATUS" "quit at the prompt powers the machine off (status 0)"
expect_line '^sierra> lisx'$'\b'' '$'\b''t$' "typed characters are echoed, the backspace erases one"
# (typed ahead, the next command's echo may come before an output: no ^ below)
expect_line 'Domain-0 +0 +128 +1 ' "'list' (after the correction) ran"
expect_line 'Domain-0$' "'domname 0' ran"
expect_line '\(sierra\) \*\*\* console input to Sierra: debug keys' "Ctrl-A three times: input to the hypervisor"
expect_line '^\(sierra\) memory: [0-9]+ free frames' "the debug key 'm' answered"
expect_line '^\(sierra\) \*\*\* console input to dom0' "three more: back to dom0"
expect_line "/etc/sierra/hello.xml: domain 'hello' is valid" "a command typed after switching back ran"
expect_line 'dom0: /sbin/sierra exited with status 0$' "the shell ended at 'quit'"
finish
