# QEMU boot scenarios: each tests/boot/*.t boots the image (or the ISO) through
# tests/lib/qemu-run and prints TAP.
BOOT_TESTS := $(wildcard tests/boot/*.t)
CHECK_DEPS += $(HV_IMAGE) $(B)/sierra.iso $(GK_GUESTS)

boot-tests: $(HV_IMAGE) $(B)/sierra.iso
	prove -j2 --exec '' $(BOOT_TESTS)
