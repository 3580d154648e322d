#!/usr/bin/env bash
# Differential test: every guest-kit test guest (and the examples hello,
# evtchn-timer and usermode) runs
# as dom0 on Xen 4.17 (tools/xen-ref: Debian's Xen in QEMU TCG) and on
# Sierra, with the same dom0 memory. What the guest prints must be
# identical line for line; on a difference both sides are shown. The guest
# must also pass on its own terms (its last line says "0 failed" when it is a
# test), and Sierra must end with a clean frame audit.
. "$(dirname "$0")/../lib/tap.sh"

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

for guest in "$TOP"/build/guest-kit/tests/* "$TOP"/build/guest-kit/examples/{hello,evtchn-timer,usermode}; do
  name=$(basename "$guest")
  # options both hypervisors take for this guest (same names on Xen and Sierra)
  case $name in
    smp) hv_args=dom0_max_vcpus=2 ;;
    *) hv_args= ;;
  esac
  mkdir -p "$LOGDIR"
  "$TOP/tools/xen-ref" run "$LOGDIR/xen-$name.log" "$guest" ${hv_args:+-x "$hv_args"}
  xen_status=$?
  grep -v '^(XEN)\|^qemu-run:' "$LOGDIR/xen-$name.log" > "$work/$name.xen"

  boot "sierra-$name" -m 1024 -a "dom0_mem=256M $hv_args" -r "$guest" -t 120
  grep -v '^(sierra)\|^qemu-run:' "$LOG" > "$work/$name.sierra"

  [ -s "$work/$name.xen" ] && [ $xen_status -eq 0 ]
  tap_result $? "$name: runs to the end on Xen 4.17 (status $xen_status)" \
    "nothing from the guest; see $LOGDIR/xen-$name.log"
  diff -u "$work/$name.xen" "$work/$name.sierra" > "$work/$name.diff"
  tap_result $? "$name: identical output on Xen and on Sierra" \
    "$(sed 's/^/#   /' "$work/$name.diff" | sed '1s/^#   //')"
  if grep -q ' failed$' "$work/$name.xen"; then
    grep -q ' 0 failed$' "$work/$name.xen"
    tap_result $? "$name: passes on Xen" "$(grep -m3 '^not ok' "$work/$name.xen")"
  fi
  expect_status 0 "$STATUS" "$name: Sierra powers off cleanly after the guest"
  expect_line '^\(sierra\) d0: destroyed, [0-9]+ frames freed, frame audit: 0 errors$' \
    "$name: every frame back, frame audit clean"
done
finish
