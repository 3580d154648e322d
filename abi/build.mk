# The published ABI: headers must stand alone, and the guest ABI must match
# Xen 4.17's public headers (abi/check/conformance.c), both for x86_64 and
# for i386 guests. Both checks are part of `make`, so drift fails the build.

ABI_B       := $(B)/abi
ABI_HEADERS := $(wildcard abi/include/sierra/*.h)
ABI_ARCHES  := x86_64 i386
abi_mflag    = $(if $(filter i386,$(1)),-m32,-m64)
ABI_CFLAGS  := -std=gnu11 -Wall -Wextra -Werror -Iabi/include

ABI_CHECKS  := $(foreach a,$(ABI_ARCHES),$(ABI_B)/conformance-$(a).o $(ABI_B)/headers-$(a).stamp)

$(ABI_B)/conformance-%.o: abi/check/conformance.c $(ABI_HEADERS)
	@mkdir -p $(@D)
	@echo "  ABI     conformance with Xen 4.17 ($*)"
	$(Q)$(CC) $(call abi_mflag,$*) $(ABI_CFLAGS) -c -o $@ $<

# every header compiles on its own (nothing it needs comes from elsewhere)
$(ABI_B)/headers-%.stamp: $(ABI_HEADERS)
	@mkdir -p $(@D)
	@echo "  ABI     headers stand alone ($*)"
	$(Q)for h in $(ABI_HEADERS); do \
	  echo "#include <$${h#abi/include/}>" | \
	    $(CC) $(call abi_mflag,$*) $(ABI_CFLAGS) -x c -fsyntax-only - || exit 1; \
	done
	$(Q)touch $@

abi-checks: $(ABI_CHECKS)
.PHONY: abi-checks
ABI_TESTS   := $(wildcard tests/abi/*.t)
