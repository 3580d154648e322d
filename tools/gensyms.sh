#!/bin/sh
# Turn "ADDRESS NAME" lines (sorted by address) into the hypervisor's symbol
# table: symbols_count, symbols_table[] = {address, offset of name}, symbols_names.
set -e
n=$(wc -l < "$1")
echo '.section .rodata.symbols,"a"'
echo '.balign 8'
echo ".globl symbols_count"
echo "symbols_count: .quad $n"
echo ".globl symbols_table"
echo "symbols_table:"
awk '{ printf ".quad 0x%s, sym_%d - symbols_names\n", $1, NR }' "$1"
echo ".globl symbols_names"
echo "symbols_names:"
awk '{ printf "sym_%d: .asciz \"%s\"\n", NR, $2 }' "$1"
