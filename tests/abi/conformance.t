#!/usr/bin/env bash
# The ABI conformance check is real: it compiles for x86_64 and i386 (and
# reports how many checks that is), and it fails, naming the culprit, when one
# of Sierra's constants, offsets or sizes drifts from Xen's. Also: no file
# outside abi/check includes Xen's headers.
. "$(dirname "$0")/../lib/tap.sh"

CC=${CC:-gcc}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
src=$TOP/abi/check/conformance.c
cflags=(-std=gnu11 -Wall -Wextra -Werror)

for arch in x86_64 i386; do
  m=-m64; [ $arch = i386 ] && m=-m32
  "$CC" $m "${cflags[@]}" -I"$TOP/abi/include" -c -o "$work/c.o" "$src" 2> "$work/err"
  tap_result $? "conformance check compiles for $arch" "$(head -3 "$work/err")"
  pre=$("$CC" $m -std=gnu11 -I"$TOP/abi/include" -E -P "$src" | tr -s ' \n' ' ')
  echo "# $arch: $(grep -o '_Static_assert((long long)' <<< "$pre" | wc -l) constants," \
       "$(grep -o '_Static_assert(sizeof' <<< "$pre" | wc -l) structure/type sizes," \
       "$(grep -o '_Static_assert( *__builtin_offsetof' <<< "$pre" | wc -l) member offsets"
done

# mutate FILE SED-EXPR ARCH-FLAG EXPECTED-MESSAGE DESCRIPTION
mutate() {
  rm -rf "$work/inc" && cp -r "$TOP/abi/include" "$work/inc"
  sed -i "$2" "$work/inc/sierra/$1"
  if cmp -s "$work/inc/sierra/$1" "$TOP/abi/include/sierra/$1"; then
    tap_result 1 "$5" "the mutation '$2' changed nothing in $1"
    return
  fi
  ! "$CC" $3 "${cflags[@]}" -I"$work/inc" -c -o "$work/m.o" "$src" 2> "$work/err" &&
    grep -q -- "$4" "$work/err"
  tap_result $? "$5" "expected a failure mentioning: $4; got: $(grep -m1 error "$work/err")"
}

mutate start-info.h 's/    uint32_t flags;             \/\* PV_SIF_\* \*\//    uint64_t flags;/' -m64 \
  'struct pv_start_info.flags' "start_info.flags widened: caught"
mutate grant-table.h '/^    uint32_t flags;         \/\* PV_GNTMAP_\* \*\//{h;d};/^    pv_grant_ref_t ref;$/G' -m64 \
  'struct pv_gnttab_map_grant_ref.flags' "map_grant_ref members swapped: offset differs"
mutate hypercall.h 's/^#define PV_HYPERCALL_sched_op               29/#define PV_HYPERCALL_sched_op 30/' -m64 \
  'constant PV_HYPERCALL_sched_op differs' "a hypercall number changed"
mutate arch-x86.h 's/^    uint16_t error_code;$/    uint32_t error_code;/' -m32 \
  'struct pv_cpu_user_regs.error_code' "i386 register frame changed: caught by the -m32 build"
mutate errno.h 's/X(EFAULT,         14,/X(EFAULT,         15,/' -m64 \
  'constant PV_EFAULT differs' "an errno value changed"

# Only the conformance check includes Xen's headers.
found=$(cd "$TOP" && grep -rlE '^[[:space:]]*#[[:space:]]*include[[:space:]]*[<"](xen/|/usr/include/xen)' \
          abi hypervisor guest-kit dom0-tools tests --include='*.[chS]' 2>/dev/null |
        grep -v '^abi/check/conformance.c$')
[ -z "$found" ]
tap_result $? "no source outside abi/check includes Xen's headers" "found: $found"
finish
