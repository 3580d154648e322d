#!/usr/bin/env bash
# The PV CPUID policy's feature masks (hypervisor/include/asm/pv/cpuid-policy.h)
# are the features Xen's reference featureset (/usr/include/xen/arch-x86/
# cpufeatureset.h, from libxen-dev) makes available to all guests by default:
# attribute 'A'. Each mask is recomputed from the reference and compared; and
# the check is shown to catch a mask with one bit flipped.
. "$(dirname "$0")/../lib/tap.sh"

ref=/usr/include/xen/arch-x86/cpufeatureset.h
ours=$TOP/hypervisor/include/asm/pv/cpuid-policy.h
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# compare HEADER: one "ok"/"differs" line per mask, status 1 if any differs
compare() {
  python3 - "$ref" "$1" <<'PY'
import re, sys
ref, ours = sys.argv[1], sys.argv[2]
want = {}
for line in open(ref):
    m = re.match(r'XEN_CPUFEATURE\(\w+,\s*(\d+)\*32\+\s*(\d+)\)\s*/\*(\S*)', line)
    if m and 'A' in m.group(3):
        w = int(m.group(1))
        want[w] = want.get(w, 0) | 1 << int(m.group(2))
bad = n = 0
for line in open(ours):
    m = re.match(r'#define PV_CPUID_W(\d+)_\w+\s+(0x[0-9a-f]+)u', line)
    if not m:
        continue
    w, got = int(m.group(1)), int(m.group(2), 16)
    n += 1
    if got != want.get(w, 0):
        bad += 1
        print("word %d: ours %#010x, reference %#010x" % (w, got, want.get(w, 0)))
print("%d masks" % n)
sys.exit(1 if bad or n < 10 else 0)
PY
}

out=$(compare "$ours")
tap_result $? "every mask in cpuid-policy.h is the reference's 'A' set ($(tail -1 <<< "$out"))" "$out"
sed 's/^#define PV_CPUID_W5_L7_EBX      0xfdaf0b29u/#define PV_CPUID_W5_L7_EBX      0xfdaf0b28u/' "$ours" > "$work/flipped.h"
! cmp -s "$ours" "$work/flipped.h"
tap_result $? "the mutation (FSGSBASE dropped from word 5) changed the header"
out=$(compare "$work/flipped.h")
[ $? -ne 0 ] && grep -q '^word 5: ours 0xfdaf0b28' <<< "$out"
tap_result $? "a flipped bit is caught, naming the word" "$out"
finish
