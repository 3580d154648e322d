# dom0-tools: the `sierra` CLI, static with musl (DESIGN.md), so the same
# binary runs in the control domain and on a Linux host; libxml2 is built from
# Debian's source with musl-gcc and cached (tools/musl-libxml2).
D0_B         := $(B)/dom0-tools
MUSL_LIBXML2 := $(B)/musl/libxml2/lib/libxml2.a
SIERRA_CLI   := $(D0_B)/sierra
D0_XML_SRCS  := dom0-tools/lib/domain-config.c dom0-tools/lib/domain-xml.c dom0-tools/lib/schema-rules.c \
  dom0-tools/lib/units.c
D0_XML_HDRS  := dom0-tools/lib/domain-config.h dom0-tools/lib/domain-xml.h dom0-tools/lib/schema-rules.h \
  dom0-tools/lib/units.h
SIERRA_SRCS  := $(wildcard dom0-tools/sierra/*.c) $(D0_XML_SRCS)
D0_CFLAGS    := -std=gnu11 -O2 -g -Wall -Wextra -Werror -D_GNU_SOURCE
D0_SCHEMA_O  := $(D0_B)/domain-rng.o

$(MUSL_LIBXML2): tools/musl-libxml2
	$(Q)tools/musl-libxml2 $(B)

# the RelaxNG schema, built into the binary (_binary_domain_rng_start/_end)
$(D0_SCHEMA_O): dom0-tools/schema/domain.rng
	@mkdir -p $(@D)
	$(Q)cd $(<D) && $(LD) -r -b binary -z noexecstack -o $(abspath $@) $(<F)

# the domain builder and the code it shares with the hypervisor, for user
# space: the hypervisor's own string functions under hv_ names (as the unit
# tests build them), so they do not meet musl's
D0_BUILDER_SRCS := dom0-tools/lib/pv-build.c dom0-tools/lib/pv-build-ops.c hypervisor/common/pv-elf.c \
  hypervisor/common/pv-layout.c hypervisor/common/string.c
D0_BUILDER_OBJS := $(patsubst %.c,$(D0_B)/builder/%.o,$(D0_BUILDER_SRCS))
D0_HV_NAMES     := memset memcpy memmove memcmp memchr strlen strcmp strncmp

$(D0_B)/builder/%.o: %.c
	@mkdir -p $(@D)
	$(Q)musl-gcc $(D0_CFLAGS) -fno-builtin $(foreach n,$(D0_HV_NAMES),-D$(n)=hv_$(n)) \
	  -Ihypervisor/include -Iabi/include -MMD -MP -c -o $@ $<

$(SIERRA_CLI): $(SIERRA_SRCS) $(D0_XML_HDRS) $(wildcard dom0-tools/sierra/*.h) $(D0_SCHEMA_O) $(MUSL_LIBXML2) \
               $(D0_BUILDER_OBJS)
	@mkdir -p $(@D)
	@echo "  MUSLCC  $@"
	$(Q)musl-gcc -static $(D0_CFLAGS) -Iabi/include -Ihypervisor/include/hv/.. -I$(B)/musl/libxml2/include/libxml2 \
	  -o $@ $(SIERRA_SRCS) $(D0_SCHEMA_O) $(D0_BUILDER_OBJS) $(MUSL_LIBXML2) -lm

-include $(D0_BUILDER_OBJS:.o=.d)

# host unit test of the unit parser
UNITS_TEST := $(B)/tests/unit/test-units
UNIT_TESTS += $(UNITS_TEST)

$(UNITS_TEST): tests/unit/test-units.c dom0-tools/lib/units.c dom0-tools/lib/units.h
	@mkdir -p $(@D)
	@echo "  HOSTLD  $@"
	$(Q)$(HOSTCC) $(HOST_CFLAGS) -o $@ tests/unit/test-units.c dom0-tools/lib/units.c -lcmocka

# the control domain's kernel: a guest-kit PV kernel running static Linux
# programs (dom0-tools/kernel, docs/dom0-kernel.md)
D0K_SRCS   := $(wildcard dom0-tools/kernel/*.c dom0-tools/kernel/*.S)
D0K_OBJS   := $(patsubst dom0-tools/kernel/%,$(D0_B)/kernel/%.o,$(D0K_SRCS))
D0_KERNEL  := $(D0_B)/sierra-dom0

$(D0_B)/kernel/%.c.o: dom0-tools/kernel/%.c
	@mkdir -p $(@D)
	$(Q)$(CC) $(GK_CFLAGS) -c -o $@ $<

$(D0_B)/kernel/%.S.o: dom0-tools/kernel/%.S
	@mkdir -p $(@D)
	$(Q)$(CC) $(GK_CFLAGS) -D__ASSEMBLY__ -c -o $@ $<

$(D0_KERNEL): $(GK_START) $(D0K_OBJS) $(GK_LIB) guest-kit/lib/kit.lds
	@echo "  KERNEL  $@"
	$(Q)$(LD) -nostdlib -z max-page-size=4096 -z noexecstack -T guest-kit/lib/kit.lds -o $@ \
	  $(GK_START) $(D0K_OBJS) $(GK_LIB)

-include $(D0K_OBJS:.o=.d)

# dom0's initramfs: the sierra tool, its demo definition (the kernel at
# /boot/hello) and the guest-kit hello kernel it names
D0_INITRAMFS := $(D0_B)/initramfs.cpio

$(D0_B)/etc/hello.xml: dom0-tools/examples/hello.xml
	@mkdir -p $(@D)
	$(Q)sed 's|<kernel>.*</kernel>|<kernel>/boot/hello</kernel>|' $< > $@

# the same guest kept after it powers off (on_poweroff preserve), to look at
$(D0_B)/etc/kept.xml: $(D0_B)/etc/hello.xml
	$(Q)sed 's|<name>hello</name>|<name>kept</name>|; s|</os>|</os>\n  <on_poweroff>preserve</on_poweroff>|' $< > $@

$(D0_INITRAMFS): tools/mkinitramfs $(SIERRA_CLI) $(D0_B)/etc/hello.xml $(D0_B)/etc/kept.xml $(GK_B)/examples/hello dom0-tools/rootfs/etc/motd
	@echo "  CPIO    $@"
	$(Q)tools/mkinitramfs $@ /sbin/sierra=$(SIERRA_CLI) /etc/sierra/hello.xml=$(D0_B)/etc/hello.xml \
	  /etc/sierra/kept.xml=$(D0_B)/etc/kept.xml /etc/sierra/bad.xml=tests/tools/xml/bad/memory-zero.xml \
	  /boot/hello=$(GK_B)/examples/hello /etc/motd=dom0-tools/rootfs/etc/motd
