#!/usr/bin/env bash
# sierra validate on a Linux host: the shipped examples and libvirt-style
# definitions (tests/tools/xml/good) are valid; each file in
# tests/tools/xml/bad fails with exit status 2 and exactly the message its
# .expect file gives (FILE:LINE: error: element 'NAME': ...); names must be
# unique across files; --lenient turns unknown elements into warnings;
# --json is JSON; the binary is static.
. "$(dirname "$0")/../lib/tap.sh"

SIERRA=$TOP/build/dom0-tools/sierra
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cp -r "$TOP/tests/tools/xml/good" "$TOP/tests/tools/xml/bad" "$work/"
for d in good bad; do : > "$work/$d/vmlinuz"; : > "$work/$d/initrd.img"; done

file "$SIERRA" | grep -q 'statically linked'
tap_result $? "build/dom0-tools/sierra is a static binary" "$(file "$SIERRA")"

"$SIERRA" validate "$TOP"/dom0-tools/examples/*.xml > "$work/out" 2>&1
tap_result $? "the shipped examples are valid" "$(cat "$work/out")"

for f in "$work"/good/*.xml; do
  env -i "$SIERRA" validate "$f" > "$work/out" 2> "$work/err"
  tap_result $? "valid: $(basename "$f")" "$(cat "$work/err")"
done
grep -q "element 'disk': <disk> devices are not supported yet, ignored" "$work/err" 2>/dev/null ||
  "$SIERRA" validate "$work/good/libvirt-pv-devices.xml" 2> "$work/err" > /dev/null
for dev in disk interface input graphics memballoon; do
  grep -q "warning: element '$dev': <$dev> devices are not supported yet, ignored" "$work/err"
  tap_result $? "libvirt-pv-devices.xml: <$dev> reported as not supported yet"
done

for f in "$work"/bad/*.xml; do
  want=$(sed "s|^FILE|$f|" "${f%.xml}.expect")
  "$SIERRA" validate "$f" > /dev/null 2> "$work/err"
  status=$?
  [ $status -eq 2 ] && grep -qF -- "$want" "$work/err"
  tap_result $? "invalid: $(basename "$f" .xml) (status $status)" "want: $want; got: $(cat "$work/err")"
done

cp "$work/good/libvirt-pv-minimal.xml" "$work/good/copy.xml"
"$SIERRA" validate "$work/good/libvirt-pv-minimal.xml" "$work/good/copy.xml" > /dev/null 2> "$work/err"
[ $? -eq 2 ] && grep -qF "$work/good/copy.xml:3: error: element 'name': the name 'fc8' is already used by $work/good/libvirt-pv-minimal.xml" "$work/err"
tap_result $? "a duplicate name across files: status 2, with the second file's line" "$(cat "$work/err")"

"$SIERRA" --lenient validate "$work/bad/unknown-device.xml" > /dev/null 2> "$work/err"
[ $? -eq 0 ] && grep -qF "$work/bad/unknown-device.xml:6: warning: element 'tpm': unknown element in <devices>, ignored (--lenient)" "$work/err"
tap_result $? "--lenient: an unknown element is a warning and the file is valid" "$(cat "$work/err")"

"$SIERRA" --json validate "$TOP/dom0-tools/examples/full.xml" > "$work/json"
python3 - "$work/json" <<'PY'
import json, sys
d = json.load(open(sys.argv[1]))[0]
assert d["name"] == "web-01" and d["memory_kib"] == 1048576 and d["current_memory_kib"] == 524288
assert d["vcpus"] == 4 and d["vcpus_current"] == 2 and d["weight"] == 512 and d["cap"] == 50
assert d["pci"] == ["0000:03:00.1"] and d["on_crash"] == "preserve" and d["os"] == "pv"
PY
tap_result $? "--json: the parsed definition (sizes in KiB, cap from period/quota)"
"$SIERRA" --json validate "$work/good/units.xml" | grep -q '"memory_kib": 16385, "current_memory_kib": 15625'
tap_result $? "units: 16777217 bytes round up to 16385 KiB, 16 MB is 15625 KiB"

"$SIERRA" validate > /dev/null 2>&1
expect_status 2 $? "validate without a file: usage error, status 2"
"$SIERRA" frobnicate > /dev/null 2> "$work/err"
[ $? -eq 2 ] && grep -q "unknown command 'frobnicate'" "$work/err"
tap_result $? "an unknown command: status 2 and a message"
"$SIERRA" validate /nonexistent.xml > /dev/null 2> "$work/err"
[ $? -eq 2 ] && grep -q "/nonexistent.xml" "$work/err"
tap_result $? "a missing file: status 2, named" "$(cat "$work/err")"
finish
