# /init for Debian's Linux as dom0 (tests/boot/linux-dom0.t), and its
# initramfs: linux-init plus the dom0 test programs (tests/dom0), /dev/console
# for Linux to give /init, and the files syscalls expects.
LXT_B     := $(B)/tests/linux
LXT_INIT  := $(LXT_B)/init
LXT_CPIO  := $(LXT_B)/initramfs.cpio
CHECK_DEPS += $(LXT_CPIO)

$(LXT_INIT): tests/linux/init.c
	@mkdir -p $(@D)
	@echo "  MUSLCC  $@"
	$(Q)musl-gcc -static -O2 -Wall -Wextra -Werror -o $@ $<

$(LXT_CPIO): tools/mkinitramfs $(LXT_INIT) $(D0T_PROGS) dom0-tools/rootfs/etc/motd
	$(Q)tools/mkinitramfs $@ /init=$(LXT_INIT) /dev/console=c:5:1 /tmp=dir \
	  /bin/syscalls=$(D0T_B)/syscalls /bin/procs=$(D0T_B)/procs /etc/motd=dom0-tools/rootfs/etc/motd
