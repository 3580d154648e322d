# The hypervisor: freestanding C and small assembly stubs, linked at
# 0xffff82d040000000 (inside the Xen-reserved hole) and loaded at 2 MiB.
#
# Why -fpie and not -mcmodel=kernel: the kernel code model needs every symbol in
# the top 2 GiB of the address space, but the hypervisor lives in the hole at
# 0xffff8...; -fpie with the small model uses RIP-relative addressing, which
# works at any address as long as the image is under 2 GiB (Xen does the same).
#
# Link: pass 1 without symbols, then `nm` -> a sorted symbol table for
# backtraces, then pass 2 with it. The table sits after .text, so text addresses
# cannot move between the passes; the build checks that they did not.
# The Multiboot image build/hypervisor/sierra is the flat binary of pass 2
# (QEMU -kernel cannot load ELF64; the Multiboot headers carry load addresses).

HV_B       := $(B)/hypervisor
HV_IMAGE   := $(HV_B)/sierra
HV_SYMS    := $(HV_B)/sierra-syms
HV_GCC_INC := $(shell $(CC) -print-file-name=include)

HV_CFLAGS := -std=gnu11 -O2 -g -Wall -Wextra -Werror -nostdinc -isystem $(HV_GCC_INC) \
  -ffreestanding -fno-builtin -mno-red-zone -fpie -mgeneral-regs-only \
  -fno-stack-protector -fno-omit-frame-pointer -fno-asynchronous-unwind-tables \
  -fcf-protection=none -fno-common -include hypervisor/include/hv/visibility.h \
  -Ihypervisor/include -Iabi/include -I$(HV_B)/gen \
  -MMD -MP
HV_ASFLAGS := $(filter-out -std=gnu11,$(HV_CFLAGS)) -D__ASSEMBLY__

HV_SRCS := $(wildcard hypervisor/arch/x86/*.c hypervisor/arch/x86/*.S \
                      hypervisor/arch/x86/boot/*.S hypervisor/arch/x86/boot/*.c \
                      hypervisor/arch/x86/pv/*.c hypervisor/arch/x86/pv/*.S \
                      hypervisor/common/*.c hypervisor/drivers/*.c)
HV_OBJS := $(patsubst %,$(HV_B)/%.o,$(HV_SRCS))
HV_LDS  := hypervisor/arch/x86/sierra.lds

$(HV_B)/gen/asm-offsets.h: hypervisor/arch/x86/asm-offsets.c
	@mkdir -p $(@D)
	$(Q)$(CC) $(filter-out -MMD -MP,$(HV_CFLAGS)) -S -o $@.s $<
	$(Q)sed -n 's/.*->\([A-Za-z0-9_]*\) \$$\{0,1\}\([0-9-]*\).*/#define \1 \2/p' $@.s > $@.tmp
	$(Q)mv $@.tmp $@

$(HV_B)/%.c.o: %.c
	@mkdir -p $(@D)
	$(Q)$(CC) $(HV_CFLAGS) -c -o $@ $<

$(HV_B)/%.S.o: %.S $(HV_B)/gen/asm-offsets.h
	@mkdir -p $(@D)
	$(Q)$(CC) $(HV_ASFLAGS) -c -o $@ $<

HV_LDFLAGS := -nostdlib -static -no-pie -z max-page-size=0x1000 -z noexecstack \
  --no-warn-rwx-segments -T $(HV_LDS)

# Text symbols -> assembly table: .quad address, name offset; then the names.
define hv_symbols
	$(Q)nm -n --defined-only $(1) | awk '$$2 ~ /^[tTwW]$$/ { print $$1, $$3 }' > $(2).txt
	$(Q)tools/gensyms.sh $(2).txt > $(2).S
	$(Q)$(CC) $(HV_ASFLAGS) -c -o $(2).o $(2).S
endef

$(HV_SYMS): $(HV_OBJS) $(HV_LDS) tools/gensyms.sh
	$(Q)printf '.section .rodata.symbols,"a"\n.globl symbols_count\nsymbols_count: .quad 0\n.globl symbols_table\nsymbols_table:\n.globl symbols_names\nsymbols_names:\n' > $(HV_B)/syms0.S
	$(Q)$(CC) $(HV_ASFLAGS) -c -o $(HV_B)/syms0.o $(HV_B)/syms0.S
	$(Q)$(LD) $(HV_LDFLAGS) -o $@.1 $(HV_OBJS) $(HV_B)/syms0.o
	$(call hv_symbols,$@.1,$(HV_B)/syms1)
	$(Q)$(LD) $(HV_LDFLAGS) -o $@ $(HV_OBJS) $(HV_B)/syms1.o
	$(Q)nm -n --defined-only $@ | awk '$$2 ~ /^[tTwW]$$/ { print $$1, $$3 }' > $(HV_B)/syms2.txt
	$(Q)cmp -s $(HV_B)/syms1.txt $(HV_B)/syms2.txt || { echo "text moved between link passes" >&2; exit 1; }
	$(Q)test -z "$$(objdump -h $@ | awk '$$2 ~ /^\.(got|plt|rela|dynamic)/')" || { echo "unexpected GOT/PLT/relocations in $@" >&2; exit 1; }

$(HV_IMAGE): $(HV_SYMS)
	$(Q)objcopy -O binary $< $@
	@echo "  IMAGE   $@ ($$(stat -c %s $@) bytes)"

-include $(HV_OBJS:.o=.d)
