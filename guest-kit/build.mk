# The guest kit: a freestanding runtime library for 64-bit PV guests and the
# example and test guests built on it. Each guest is a PV kernel image that
# boots as dom0 on Xen 4.17 and on Sierra:
#   build/guest-kit/examples/NAME, build/guest-kit/tests/NAME
# The kit's printf is the hypervisor's vsnprintf, compiled in (one copy of it).

GK_B      := $(B)/guest-kit
GK_CFLAGS := -std=gnu11 -O2 -g -Wall -Wextra -Werror -ffreestanding -nostdinc \
  -isystem $(HV_GCC_INC) -fno-pie -mcmodel=kernel -mno-red-zone -mgeneral-regs-only \
  -fno-stack-protector -fno-builtin -fcf-protection=none -fno-asynchronous-unwind-tables \
  -Iguest-kit/include -Iabi/include -Ihypervisor/include \
  -DKIT_VIRT_BASE=0xffffffff80000000 -MMD -MP
GK_LIB_SRCS := guest-kit/lib/runtime.c guest-kit/lib/traps.c guest-kit/lib/events.c \
  guest-kit/lib/mm.c guest-kit/lib/grant.c guest-kit/lib/smp.c guest-kit/lib/x86_64/entry.S hypervisor/common/vsnprintf.c hypervisor/common/string.c
GK_LIB    := $(GK_B)/libkit.a
GK_START  := $(GK_B)/lib/x86_64/start.o
# every directory under examples/, tests/ and control/ is one guest (control/
# guests use Sierra's own control ABI, so they are not compared with Xen)
GK_GUEST_DIRS := $(sort $(dir $(wildcard guest-kit/examples/*/*.c guest-kit/tests/*/*.c \
                                          guest-kit/control/*/*.c)))
GK_GUESTS := $(patsubst guest-kit/%/,$(GK_B)/%,$(GK_GUEST_DIRS))

$(GK_B)/%.o: %.c
	@mkdir -p $(@D)
	$(Q)$(CC) $(GK_CFLAGS) -c -o $@ $<

$(GK_B)/%.o: %.S
	@mkdir -p $(@D)
	$(Q)$(CC) $(GK_CFLAGS) -D__ASSEMBLY__ -c -o $@ $<

$(GK_B)/lib/x86_64/start.o: guest-kit/lib/x86_64/start.S
	@mkdir -p $(@D)
	$(Q)$(CC) $(GK_CFLAGS) -D__ASSEMBLY__ -c -o $@ $<

$(GK_LIB): $(patsubst %.S,$(GK_B)/%.o,$(patsubst %.c,$(GK_B)/%.o,$(GK_LIB_SRCS)))
	$(Q)rm -f $@ && ar rcs $@ $^

# The pre-virtualization runtime: what pvcc-rewritten kernels call (pvrt.h)
GK_PVRT_SRCS := $(wildcard guest-kit/lib/pvrt/*.c) guest-kit/lib/pvrt/entry.S
GK_PVRT   := $(GK_B)/libpvrt.a

$(GK_PVRT): $(patsubst %.S,$(GK_B)/%.o,$(patsubst %.c,$(GK_B)/%.o,$(GK_PVRT_SRCS)))
	$(Q)rm -f $@ && ar rcs $@ $^

# (functions, so the % inside them is not taken for the pattern rule's stem)
gk_objs = $(patsubst %.c,$(GK_B)/%.o,$(wildcard guest-kit/$(1)/*.c))
gk_dir = $(patsubst $(GK_B)/%,%,$(1))

# control/ guests also get the tools' domain builder and the code it shares
# with the hypervisor (ELF notes, layout)
GK_BUILDER_SRCS := dom0-tools/lib/pv-build.c dom0-tools/lib/pv-build-ops.c hypervisor/common/pv-elf.c \
  hypervisor/common/pv-layout.c
GK_BUILDER_OBJS := $(patsubst %.c,$(GK_B)/%.o,$(GK_BUILDER_SRCS))
$(filter $(GK_B)/control/%,$(GK_GUESTS)): $(GK_BUILDER_OBJS)

$(GK_B)/examples/% $(GK_B)/tests/% $(GK_B)/control/%: $(GK_START) $(GK_LIB) guest-kit/lib/kit.lds \
                                    $$(call gk_objs,$$(call gk_dir,$$@))
	@mkdir -p $(@D)
	@echo "  GUEST   $@"
	$(Q)$(LD) -nostdlib -z max-page-size=4096 -z noexecstack -T guest-kit/lib/kit.lds -o $@ \
	  $(GK_START) $(filter %.o,$(filter-out $(GK_START),$^)) $(GK_LIB)

# The 32-bit PAE port (kernel in ring 1): the runtime and hello, built and
# linked with -m32. Sierra does not run 32-bit PV guests yet and Debian's Xen
# is built without them, so they are built and checked, not booted.
GK32_B      := $(GK_B)/32
GK32_CFLAGS := $(filter-out -mcmodel=kernel -DKIT_VIRT_BASE=%,$(GK_CFLAGS)) -m32 \
  -DKIT_VIRT_BASE=0xc0000000
GK32_LIB_SRCS := guest-kit/lib/runtime.c hypervisor/common/vsnprintf.c hypervisor/common/string.c
GK32_GUEST  := $(GK_B)/examples/hello-32
GK_GUESTS   += $(GK32_GUEST)

$(GK32_B)/%.o: %.c
	@mkdir -p $(@D)
	$(Q)$(CC) $(GK32_CFLAGS) -c -o $@ $<

$(GK32_B)/%.o: %.S
	@mkdir -p $(@D)
	$(Q)$(CC) $(GK32_CFLAGS) -D__ASSEMBLY__ -c -o $@ $<

$(GK32_GUEST): $(GK32_B)/guest-kit/lib/x86_32/start.o $(patsubst %.c,$(GK32_B)/%.o,$(GK32_LIB_SRCS)) \
               $(GK32_B)/guest-kit/examples/hello/hello.o guest-kit/lib/kit32.lds
	@mkdir -p $(@D)
	@echo "  GUEST   $@"
	$(Q)$(LD) -m elf_i386 -nostdlib -z max-page-size=4096 -z noexecstack \
	  -T guest-kit/lib/kit32.lds -o $@ $(filter %.o,$^) $(shell $(CC) -m32 -print-libgcc-file-name)

guest-kit: $(GK_GUESTS)
.PHONY: guest-kit

-include $(shell find $(GK_B) -name '*.d' 2>/dev/null)
