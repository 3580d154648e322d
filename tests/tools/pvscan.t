#!/usr/bin/env bash
# pvscan end to end: an object file with one function per class is scanned;
# every sensitive instruction is found with its symbol+offset and file:line
# (DWARF), counted in the right class, and none of the ordinary ones is; the
# JSON output parses and agrees; a non-ELF file is an error.
. "$(dirname "$0")/../lib/tap.sh"

PVSCAN=$TOP/build/guest-kit/tools/pvscan
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cat > "$work/k.S" <<'ASM'
        .text
        .globl f_if, f_cr, f_io, f_seg, f_plain
f_if:   cli
        sti
        pushfq
        popfq
        ret
f_cr:   mov %rax, %cr3
        mov %cr0, %rax
        wrmsr
        ret
f_io:   in $0x60, %al
        out %al, %dx
        hlt
        ret
f_seg:  mov %ax, %ds
        lretq
f_plain: mov %rax, %rbx
        add $1, %rax
        call f_plain
        ret
ASM
gcc -g -c -o "$work/k.o" "$work/k.S"

"$PVSCAN" "$work/k.o" > "$work/table" 2>&1
tap_result $? "pvscan reads an object file" "$(head -3 "$work/table")"
grep -Eq '^0x[0-9a-f]{16}  f_if\+0x0 +.*k\.S:3 +cli +interrupt-flag ' "$work/table"
tap_result $? "cli found at f_if+0x0, k.S:3, class interrupt-flag" "$(grep cli "$work/table")"
grep -Eq 'f_cr\+0x0 .*mov %rax, %cr3 +control-register +CR3: mmuext_op NEW_BASEPTR' "$work/table"
tap_result $? "mov to CR3: control-register, replacement NEW_BASEPTR"
grep -Eq 'f_io\+0x[0-9a-f]+ .*hlt +privileged-traps +sched_op\(SCHEDOP_block\)' "$work/table"
tap_result $? "hlt: privileged-traps, replacement SCHEDOP_block"
! grep -q 'f_plain' "$work/table"
tap_result $? "nothing reported in f_plain (ordinary code)"
for pair in interrupt-flag:4 control-register:2 msr:1 io:2 privileged-traps:1 segment:2; do
  grep -Eq "^  ${pair%:*} +${pair#*:}\$" "$work/table"
  tap_result $? "summary: ${pair%:*} ${pair#*:}" "$(grep "${pair%:*}" "$work/table" | tail -1)"
done
"$PVSCAN" --json "$work/k.o" > "$work/json"
python3 - "$work/json" <<'PY'
import json, sys
d = json.load(open(sys.argv[1]))
assert d["sensitive"] == 12 and len(d["findings"]) == 12, d["sensitive"]
assert d["by_class"]["interrupt-flag"] == 4
assert d["by_function"]["f_if"] == 4 and d["by_function"]["f_io"] == 3
assert all(f["source"].endswith(".S:" + f["source"].split(":")[-1]) for f in d["findings"])
PY
tap_result $? "--json parses and agrees (12 findings, by class and by function)"
echo "not an ELF file" > "$work/junk"
"$PVSCAN" "$work/junk" 2> "$work/err"
[ $? -eq 1 ] && grep -q 'not a readable ELF file' "$work/err"
tap_result $? "a non-ELF file: exit status 1 and a message"
finish
