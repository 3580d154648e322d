# TAP helpers for the shell tests: source this, call ok/check/expect..., then
# finish. A failing check prints what was expected and, at the end, the tail of
# the serial log, so prove's output says what went wrong.
TAP_N=0 TAP_FAILED=0 LOG=
TOP=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
QEMU_RUN=$TOP/tests/lib/qemu-run
LOGDIR=$TOP/build/tests/logs

tap_result() {  # STATUS(0 = pass) DESCRIPTION [DIAGNOSTIC]
  TAP_N=$((TAP_N + 1))
  if [ "$1" -eq 0 ]; then
    echo "ok $TAP_N - $2"
  else
    TAP_FAILED=$((TAP_FAILED + 1))
    echo "not ok $TAP_N - $2"
    [ -n "${3:-}" ] && echo "# $3"
  fi
}

# expect_status WANT GOT DESCRIPTION
expect_status() {
  [ "$2" -eq "$1" ]; tap_result $? "$3" "expected status $1, got $2"
}

# expect_line REGEX DESCRIPTION: some line of $LOG matches (extended regex)
expect_line() {
  grep -Eq -- "$1" "$LOG"; tap_result $? "$2" "no line of $LOG matches: $1"
}

# expect_no_line REGEX DESCRIPTION
expect_no_line() {
  ! grep -Eq -- "$1" "$LOG"; tap_result $? "$2" "unexpected line in $LOG: $(grep -Em1 -- "$1" "$LOG")"
}

# boot NAME QEMU-RUN-ARGS...: run QEMU, log to build/tests/logs/NAME.log, set $STATUS
boot() {
  local name=$1; shift
  LOG=$LOGDIR/$name.log
  "$QEMU_RUN" "$@" "$LOG"
  STATUS=$?
}

# dom0_shell NAME CMDS [qemu-run options] -- [PATH=FILE...]: boot Sierra with
# the control domain running `sierra shell CMDS` (512 MiB machine, 128 MiB
# dom0) from an initramfs holding /sbin/sierra, the script and the files
# given; LOG and STATUS as boot sets them
dom0_shell() {
  local name=$1 cmds=$2 opts=() cpio
  shift 2
  while [ $# -gt 0 ] && [ "$1" != -- ]; do opts+=("$1"); shift; done
  [ $# -gt 0 ] && shift
  cpio=$(mktemp --suffix=.cpio)
  "$TOP/tools/mkinitramfs" "$cpio" /sbin/sierra="$TOP/build/dom0-tools/sierra" /etc/test.cmds="$cmds" "$@"
  boot "$name" -m 512 -a 'dom0_mem=128M' "${opts[@]}" \
    -r "$TOP/build/dom0-tools/sierra-dom0 init=/sbin/sierra -- shell /etc/test.cmds,$cpio"
  rm -f "$cpio"
}

finish() {
  echo "1..$TAP_N"
  if [ $TAP_FAILED -ne 0 ] && [ -n "$LOG" ] && [ -f "$LOG" ]; then
    echo "# last log: $LOG"
    tail -n 40 "$LOG" | sed 's/^/#   /'
  fi
  [ $TAP_FAILED -eq 0 ]
}
