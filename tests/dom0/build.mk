# Test programs for the control-domain kernel: static musl binaries that run
# unchanged on the Linux host and as dom0's /init (tests/boot/dom0-kernel.t)
D0T_B      := $(B)/tests/dom0
D0T_PROGS  := $(D0T_B)/syscalls $(D0T_B)/segv $(D0T_B)/privcmd $(D0T_B)/procs $(D0T_B)/evtchn $(D0T_B)/sigint $(D0T_B)/procbench
D0T_CPIO   := $(D0T_B)/initramfs.cpio
CHECK_DEPS += $(D0T_PROGS) $(D0T_CPIO) $(D0_KERNEL) $(D0_INITRAMFS)

# the same tests built with glibc's static libc, where that is cheap
D0T_GLIBC  := $(D0T_B)/syscalls-glibc $(D0T_B)/procs-glibc
CHECK_DEPS += $(D0T_GLIBC)

$(D0T_B)/%-glibc: tests/dom0/%.c tests/dom0/check.h
	@mkdir -p $(@D)
	@echo "  GCC     $@ (static glibc)"
	$(Q)$(HOSTCC) -static -O2 -Wall -Wextra -Werror -o $@ $<

$(D0T_B)/%: tests/dom0/%.c tests/dom0/check.h
	@mkdir -p $(@D)
	@echo "  MUSLCC  $@"
	$(Q)musl-gcc -static -O2 -Wall -Wextra -Werror -o $@ $<

$(D0T_CPIO): tools/mkinitramfs $(D0T_PROGS) $(D0T_GLIBC) dom0-tools/rootfs/etc/motd
	$(Q)tools/mkinitramfs $@ /init=$(D0T_B)/syscalls /bin/segv=$(D0T_B)/segv /bin/privcmd=$(D0T_B)/privcmd /bin/procs=$(D0T_B)/procs /bin/evtchn=$(D0T_B)/evtchn /bin/sigint=$(D0T_B)/sigint /bin/procbench=$(D0T_B)/procbench \
	  /bin/syscalls-glibc=$(D0T_B)/syscalls-glibc /bin/procs-glibc=$(D0T_B)/procs-glibc \
	  /etc/motd=dom0-tools/rootfs/etc/motd
