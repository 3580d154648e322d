#!/usr/bin/env bash
# pvcc end to end. (1) pvpatch on assembly: every sensitive form rewritten
# and none left for pvscan to find; what it cannot rewrite (a macro, a
# memory-sourced segment load, lar) fails with FILE:LINE and the source line
# the file names, unless waived. (2) pvcc as CC on C and on .S. (3) The test
# kernel written for bare metal (tests/pvcc/kernel): pvscan finds its
# sensitive instructions in the gcc build and none in the pvcc build; on a PC
# (QEMU), as a PV dom0 on Xen 4.17 and on Sierra it prints the same lines.
. "$(dirname "$0")/../lib/tap.sh"

PVPATCH=$TOP/build/guest-kit/tools/pvpatch
PVCC=$TOP/build/guest-kit/tools/pvcc
PVSCAN=$TOP/build/guest-kit/tools/pvscan
PVK=$TOP/build/tests/pvcc
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

sensitive() { "$PVSCAN" --json "$1" | python3 -c 'import json,sys; print(json.load(sys.stdin)["sensitive"])'; }

# ---- (1) pvpatch on a file with one of each form ----
cat > "$work/forms.s" <<'ASM'
        .text
        .globl f
f:      cli
1:      sti; hlt
        pushfq
        popfq
        mov %rax, %cr3
        mov %cr2, %r11
        mov %ax, %ss
        lidt 8(%rsp)
        lgdt gdt_ptr(%rip)
        invlpg (%rdi)
        ltr %ax
        rep outsb
        inb $0x60, %al
        outl %eax, %dx
        wrmsr
        rdmsr
        cpuid
        swapgs
        lretq
        iretq
        sysretq
        sti
2:      hlt
        .data
gdt_ptr: .quad 0, 0
ASM
"$PVPATCH" --report -o "$work/forms.pv.s" "$work/forms.s" 2> "$work/report"
tap_result $? "pvpatch rewrites every form" "$(cat "$work/report")"
grep -q "forms.s:4: sti; hlt -> .*pushq \$0x3; call __pvrt_emulate" "$work/report"
tap_result $? "sti; hlt on one line becomes one atomic enable-and-wait" "$(grep ':4:' "$work/report")"
grep -q "forms.s: 24 rewritten, 0 kept, 0 waived, 0 refused" "$work/report"
tap_result $? "the report counts 24 rewritten" "$(tail -1 "$work/report")"
grep -Eq '^1: +lea -128\(%rsp\),%rsp; pushq \$0x3; call [^;]*; lea 136\(%rsp\),%rsp$' "$work/forms.pv.s" &&
  grep -Eq '^2: +lea -128\(%rsp\),%rsp; pushq \$0x4; call' "$work/forms.pv.s"
tap_result $? "labels stay on their instruction; a label between sti and hlt keeps them apart" \
  "$(grep -E '^[12]:' "$work/forms.pv.s")"
[ "$(wc -l < "$work/forms.pv.s")" -eq "$(wc -l < "$work/forms.s")" ]
tap_result $? "line numbers are kept (one output line per input line)"
as --64 -o "$work/before.o" "$work/forms.s" && as --64 -o "$work/after.o" "$work/forms.pv.s"
tap_result $? "both versions assemble"
[ "$(sensitive "$work/before.o")" -eq 24 ] && [ "$(sensitive "$work/after.o")" -eq 0 ]
tap_result $? "pvscan: 24 sensitive instructions before, 0 after" \
  "before $(sensitive "$work/before.o"), after $(sensitive "$work/after.o")"

# ---- what cannot be rewritten ----
cat > "$work/bad.s" <<'ASM'
        .text
        .macro STOP
        hlt
        .endm
        STOP
        mov (%rax), %ds
# 40 "driver.S"
        lar %ax, %ax
        mwait   # pvcc:waive
ASM
"$PVPATCH" -o "$work/bad.pv.s" "$work/bad.s" 2> "$work/err"
status=$?
expect_status 1 $status "unrewritable instructions: exit status 1"
grep -q "^$work/bad.s:5: cannot rewrite \`STOP': the statement does not spell" "$work/err"
tap_result $? "a macro invocation is refused with file:line" "$(cat "$work/err")"
grep -q "^$work/bad.s:6: cannot rewrite \`mov': segment load from memory" "$work/err"
tap_result $? "a segment load from memory is refused with the reason"
grep -q "^$work/bad.s:8: (driver.S:40) cannot rewrite \`lar': no runtime equivalent" "$work/err"
tap_result $? "the source line named by a line marker is reported (driver.S:40)"
! grep -q "mwait" "$work/err"
tap_result $? "a 'pvcc:waive' comment waives its line"
"$PVPATCH" --waive hlt --waive mov --waive lar -o "$work/bad.pv.s" "$work/bad.s" 2> "$work/err"
tap_result $? "--waive MNEMONIC lets the rest through" "$(cat "$work/err")"

# ---- (2) pvcc as the compiler ----
cat > "$work/c.c" <<'C'
void stop(void) { asm volatile("cli; hlt"); }
unsigned long cr0(void) { unsigned long v; asm volatile("mov %%cr0, %0" : "=r"(v)); return v; }
C
PVCC_CC=gcc "$PVCC" -O2 -g -c -o "$work/c.o" "$work/c.c" 2> "$work/err"
tap_result $? "pvcc compiles C" "$(cat "$work/err")"
[ "$(sensitive "$work/c.o")" -eq 0 ] && nm "$work/c.o" | grep -q "U __pvrt_emulate"
tap_result $? "its object calls the runtime and has no sensitive instruction left"
printf '        .text\n        lsl %%eax, %%eax\n' > "$work/s.S"
PVCC_CC=gcc "$PVCC" -c -o "$work/s.o" "$work/s.S" 2> "$work/err"
status=$?
[ $status -ne 0 ] && grep -q "s.S:2) cannot rewrite \`lsl'" "$work/err" && [ ! -e "$work/s.o" ]
tap_result $? "pvcc on a .S: an unrewritable instruction fails the compile, naming s.S:2" "$(cat "$work/err")"
PVCC_CC=gcc PVCC_WAIVE=lsl "$PVCC" -c -o "$work/s.o" "$work/s.S"
tap_result $? "PVCC_WAIVE=lsl lets it through"

# ---- (3) the test kernel ----
before=0 after=0
for o in kernel.c traps.S regs.S; do
  before=$((before + $(sensitive "$PVK/bare/$o.o"))) after=$((after + $(sensitive "$PVK/pv/$o.o")))
done
[ "$before" -ge 50 ] && [ "$after" -eq 0 ]
tap_result $? "pvscan on the test kernel: $before sensitive instructions with gcc, $after with pvcc"

"$QEMU_RUN" -k "$PVK/kernel-bare" -t 60 "$work/bare.log"
expect_status 0 $? "bare metal: the kernel runs on a PC and exits with 0"
grep '^pvk:' "$work/bare.log" > "$work/bare.out"
[ "$(wc -l < "$work/bare.out")" -eq 15 ] && grep -q '^pvk: done' "$work/bare.out"
tap_result $? "bare metal: 15 lines, to 'done'" "$(cat "$work/bare.log")"
for line in "own page tables loaded, cr3 reads back: yes" "page fault at ffffffffc0001000, error 2" \
            "10 timer interrupts" "invlpg changed 0 registers or flags" "IF after cli 0, after sti 1, after popf of IF=0 0; popf sets CF 1"; do
  grep -q "$line" "$work/bare.out"; tap_result $? "bare metal: $line"
done

"$TOP/tools/xen-ref" run "$work/xen.log" "$PVK/kernel-pv" -t 90
expect_status 0 $? "Xen 4.17: the pvcc-built kernel runs as dom0 and powers off"
grep '^pvk:' "$work/xen.log" > "$work/xen.out"
diff -u "$work/bare.out" "$work/xen.out" > "$work/diff"
tap_result $? "Xen 4.17 prints what bare metal prints" "$(cat "$work/diff")"

"$QEMU_RUN" -m 512 -a 'dom0_mem=128M' -r "$PVK/kernel-pv" -t 90 "$work/sierra.log"
expect_status 0 $? "Sierra: the pvcc-built kernel runs as dom0 and powers off"
grep '^pvk:' "$work/sierra.log" > "$work/sierra.out"
diff -u "$work/bare.out" "$work/sierra.out" > "$work/diff"
tap_result $? "Sierra prints what bare metal prints" "$(cat "$work/diff")"
grep -q 'frame audit: 0 errors' "$work/sierra.log"
tap_result $? "Sierra: the domain's frames all accounted for after it ends"
finish
