# The pvcc test kernel (tests/pvcc/kernel): the same sources built twice,
#   build/tests/pvcc/kernel-bare   with gcc, for a PC (QEMU -kernel)
#   build/tests/pvcc/kernel-pv     with pvcc, linked with the kit and its
#                                  pre-virtualization runtime: a PV kernel
PVK_B      := $(B)/tests/pvcc
PVK_CFLAGS := -std=gnu11 -O2 -g -Wall -Wextra -Werror -ffreestanding -nostdinc \
  -isystem $(HV_GCC_INC) -fno-pie -mcmodel=kernel -mno-red-zone -mgeneral-regs-only \
  -fno-stack-protector -fno-builtin -fcf-protection=none -fno-asynchronous-unwind-tables
PVK_SRCS   := tests/pvcc/kernel/kernel.c tests/pvcc/kernel/traps.S tests/pvcc/kernel/regs.S
PVK_BARE_OBJS := $(patsubst tests/pvcc/kernel/%,$(PVK_B)/bare/%.o,$(PVK_SRCS))
PVK_PV_OBJS   := $(patsubst tests/pvcc/kernel/%,$(PVK_B)/pv/%.o,$(PVK_SRCS))
PVK_KERNELS   := $(PVK_B)/kernel-bare $(PVK_B)/kernel-pv
CHECK_DEPS += $(PVK_KERNELS) $(PVSCAN) $(PVCC)

$(PVK_B)/bare/%.o: tests/pvcc/kernel/%
	@mkdir -p $(@D)
	$(Q)$(CC) $(PVK_CFLAGS) -c -o $@ $<

$(PVK_B)/pv/%.o: tests/pvcc/kernel/% $(PVCC)
	@mkdir -p $(@D)
	@echo "  PVCC    $@"
	$(Q)PVCC_CC=$(CC) $(PVCC) $(PVK_CFLAGS) -c -o $@ $<

$(PVK_B)/kernel-bare.elf: $(PVK_B)/bare/boot-bare.S.o $(PVK_BARE_OBJS) tests/pvcc/kernel/bare.lds
	$(Q)$(LD) -nostdlib -z max-page-size=4096 -z noexecstack -T tests/pvcc/kernel/bare.lds -o $@ \
	  $(filter %.o,$^)

$(PVK_B)/kernel-bare: $(PVK_B)/kernel-bare.elf
	@echo "  KERNEL  $@"
	$(Q)objcopy -O binary $< $@

$(PVK_B)/kernel-pv: $(GK_START) $(PVK_PV_OBJS) $(GK_PVRT) $(GK_LIB) guest-kit/lib/kit.lds
	@echo "  GUEST   $@"
	$(Q)$(LD) -nostdlib -z max-page-size=4096 -z noexecstack -T guest-kit/lib/kit.lds -o $@ \
	  $(GK_START) $(PVK_PV_OBJS) --start-group $(GK_PVRT) $(GK_LIB) --end-group
