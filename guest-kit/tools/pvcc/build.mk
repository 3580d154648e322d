# pvcc: the pre-virtualization compiler wrapper and its rewriter, pvpatch
# (host tools; Zydis, and pvscan's classifier)
PVPATCH      := $(B)/guest-kit/tools/pvpatch
PVCC         := $(B)/guest-kit/tools/pvcc
PVPATCH_SRCS := guest-kit/tools/pvcc/pvpatch.c guest-kit/tools/pvcc/asm-line.c \
  guest-kit/tools/pvcc/rewrite.c guest-kit/tools/pvscan/classify.c
PVPATCH_HDRS := guest-kit/tools/pvcc/asm-line.h guest-kit/tools/pvcc/rewrite.h \
  guest-kit/tools/pvscan/classify.h guest-kit/include/sierra-guest/pvrt.h

$(PVPATCH): $(PVPATCH_SRCS) $(PVPATCH_HDRS)
	@mkdir -p $(@D)
	@echo "  HOSTCC  $@"
	$(Q)$(HOSTCC) $(HOST_CFLAGS) -Iguest-kit/include -o $@ $(PVPATCH_SRCS) -lZydis -lZycore

$(PVCC): guest-kit/tools/pvcc/pvcc $(PVPATCH)
	@mkdir -p $(@D)
	$(Q)install -m 755 $< $@

# the rewriter's unit test (host, cmocka + Zydis)
PVPATCH_TEST := $(B)/tests/unit/test-pvpatch
UNIT_TESTS   += $(PVPATCH_TEST)

$(PVPATCH_TEST): tests/unit/test-pvpatch.c $(filter-out %/pvpatch.c,$(PVPATCH_SRCS)) $(PVPATCH_HDRS)
	@mkdir -p $(@D)
	@echo "  HOSTLD  $@"
	$(Q)$(HOSTCC) $(HOST_CFLAGS) -Iguest-kit/include -Iguest-kit/tools/pvcc -o $@ tests/unit/test-pvpatch.c \
	  $(filter-out %/pvpatch.c,$(PVPATCH_SRCS)) -lcmocka -lZydis -lZycore
