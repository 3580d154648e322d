# Host unit tests (cmocka, TAP): the hypervisor's logic files compiled for the
# host from the same sources. The C-library names the hypervisor implements
# itself are renamed (memset -> hv_memset, ...) so its own string and printf
# code is what runs and is tested, not the host libc's.

UT_B     := $(B)/tests/unit
UT_HV    := frame buddy bootmem cmdline printk console-log vsnprintf string pv-elf pv-layout evtchn evtchn-fifo grant-check \
            credit
UT_PV    := page-types descriptor-check ptwr-insn
UT_NAMES := memset memcpy memmove memcmp memchr strlen strcmp strncmp vsnprintf snprintf
UT_CFLAGS := $(HOST_CFLAGS) -fno-builtin $(foreach n,$(UT_NAMES),-D$(n)=hv_$(n)) \
  -Ihypervisor/include -Iabi/include -Itests/unit -MMD -MP
UT_LIB   := $(UT_B)/libhv-host.a
# (test-pvscan, test-pvpatch and test-units have their own rules, in their tools' build.mk)
UT_TESTS := $(patsubst tests/unit/%.c,$(UT_B)/%,$(filter-out tests/unit/test-pvscan.c tests/unit/test-pvpatch.c tests/unit/test-units.c,$(wildcard tests/unit/test-*.c)))
UNIT_TESTS += $(UT_TESTS)

$(UT_B)/hv/%.o: hypervisor/common/%.c
	@mkdir -p $(@D)
	$(Q)$(HOSTCC) $(UT_CFLAGS) -c -o $@ $<

$(UT_B)/pv/%.o: hypervisor/arch/x86/pv/%.c
	@mkdir -p $(@D)
	$(Q)$(HOSTCC) $(UT_CFLAGS) -c -o $@ $<

$(UT_B)/%.o: tests/unit/%.c
	@mkdir -p $(@D)
	$(Q)$(HOSTCC) $(UT_CFLAGS) -c -o $@ $<

$(UT_LIB): $(patsubst %,$(UT_B)/hv/%.o,$(UT_HV)) $(patsubst %,$(UT_B)/pv/%.o,$(UT_PV)) \
           $(UT_B)/console-capture.o
	$(Q)rm -f $@ && ar rcs $@ $^

$(UT_B)/test-%: $(UT_B)/test-%.o $(UT_LIB)
	@echo "  HOSTLD  $@"
	$(Q)$(HOSTCC) -o $@ $< $(UT_LIB) -lcmocka

unit-tests: $(UT_TESTS)

-include $(wildcard $(UT_B)/*.d $(UT_B)/hv/*.d $(UT_B)/pv/*.d)
