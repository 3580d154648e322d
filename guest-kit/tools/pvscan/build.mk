# pvscan: the sensitive-instruction scanner (host tool; Zydis, libelf, libdw)
PVSCAN      := $(B)/guest-kit/tools/pvscan
PVSCAN_SRCS := guest-kit/tools/pvscan/pvscan.c guest-kit/tools/pvscan/classify.c
PVSCAN_LIBS := -lZydis -lZycore -ldw -lelf

$(PVSCAN): $(PVSCAN_SRCS) guest-kit/tools/pvscan/classify.h
	@mkdir -p $(@D)
	@echo "  HOSTCC  $@"
	$(Q)$(HOSTCC) $(HOST_CFLAGS) -o $@ $(PVSCAN_SRCS) $(PVSCAN_LIBS)

# its classifier's unit test (host, cmocka + Zydis)
PVSCAN_TEST := $(B)/tests/unit/test-pvscan
UNIT_TESTS  += $(PVSCAN_TEST)

$(PVSCAN_TEST): tests/unit/test-pvscan.c guest-kit/tools/pvscan/classify.c guest-kit/tools/pvscan/classify.h
	@mkdir -p $(@D)
	@echo "  HOSTLD  $@"
	$(Q)$(HOSTCC) $(HOST_CFLAGS) -o $@ tests/unit/test-pvscan.c guest-kit/tools/pvscan/classify.c \
	  -lcmocka -lZydis -lZycore
