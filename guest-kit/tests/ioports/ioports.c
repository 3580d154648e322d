/*
 * ioports: I/O from a ring-3 kernel. Without I/O privilege an IN faults
 * (#GP); with a virtual IOPL of 1 the kernel reads the CMOS clock through the
 * hypervisor; the hypervisor's own UART reads as all ones; an I/O bitmap can
 * allow single ports without any IOPL. PCI config mechanism #1 (mediated:
 * the address is kept per domain, each data access made whole) reads the
 * host bridge. CLI/STI: #GP without IOPL, stepped over (no-ops) with it, as
 * Xen does.
 */
#include <sierra-guest/hypercall.h>
#include <sierra-guest/kit.h>
#include <sierra-guest/traps.h>

static volatile unsigned long faults, last_vector;

static void on_trap(struct kit_trap_frame *f)
{
    faults++;
    last_vector = f->vector;
    f->rip += 2;            /* every IN/OUT below is two bytes, cli + nop too */
}

static unsigned char inb_dx(unsigned short port)
{
    unsigned char v = 0;

    asm volatile("inb %%dx, %%al\n nop" : "+a"(v) : "d"(port));
    return v;
}

static void outb_dx(unsigned short port, unsigned char v)
{
    asm volatile("outb %%al, %%dx\n nop" :: "a"(v), "d"(port));
}

static unsigned int inl_dx(unsigned short port)
{
    unsigned int v;

    asm volatile("inl %1, %0" : "=a"(v) : "d"(port));
    return v;
}

static void outl_dx(unsigned short port, unsigned int v)
{
    asm volatile("outl %0, %1" :: "a"(v), "d"(port));
}

/* a 32-bit register of bus 0 device 0 function 0 through mechanism #1 */
static unsigned int pci_cfg_read(unsigned int dev, unsigned int reg)
{
    outl_dx(0xcf8, 0x80000000u | dev << 11 | reg);
    return inl_dx(0xcfc);
}

static long set_iopl(unsigned int iopl)
{
    struct pv_physdev_set_iopl op = { .iopl = iopl };

    return hyp_physdev_op(PV_PHYSDEVOP_set_iopl, &op);
}

static int bcd_seconds(unsigned char v)
{
    return (v & 0xf) < 10 && (v >> 4) < 6;
}

int main(void)
{
    static unsigned char bitmap[16];            /* ports 0-127 */
    struct pv_physdev_set_iobitmap bm = { .nr_ports = 128 };
    unsigned char v;
    long rc;

    printf("ioports: start\n");
    kit_trap_handler = on_trap;
    kit_install_traps(0);
    rc = set_iopl(0);
    check(rc == 0, "set_iopl 0 -> %ld", rc);
    inb_dx(0x71);
    check(faults == 1 && last_vector == 13, "IN with IOPL 0: #GP (%lu faults)", (unsigned long)faults);
    rc = set_iopl(1);
    check(rc == 0, "set_iopl 1 -> %ld", rc);
    outb_dx(0x70, 0x00);
    v = inb_dx(0x71);
    check(faults == 1 && bcd_seconds(v), "CMOS seconds through emulated IN/OUT look like BCD");
    v = inb_dx(0x3fd);
    check(faults == 1 && v == 0xff, "the hypervisor's UART reads as %#x", v);
    check(pci_cfg_read(0, 0) == 0x12378086 && pci_cfg_read(0, 8) >> 8 == 0x060000,
          "PCI config of 00:00.0 through 0xcf8/0xcfc: the host bridge (%#x)", pci_cfg_read(0, 0));
    check(inl_dx(0xcf8) == 0x80000008u, "0xcf8 reads back the address written (%#x)", inl_dx(0xcf8));
    outl_dx(0xcf8, 0x80000000u);
    v = inb_dx(0xcfe);
    check(v == 0x37 && faults == 1, "a byte of 0xcfc-0xcff alone: 0xcfe is the device ID's low byte (%#x)", v);
    rc = set_iopl(4);
    check(rc == -22, "set_iopl 4 -> %ld", rc);
    set_iopl(0);
    for ( unsigned int i = 0; i < sizeof(bitmap); i++ )
        bitmap[i] = 0xff;
    bitmap[0x70 / 8] &= (unsigned char)~(3u << (0x70 % 8));   /* allow 0x70, 0x71 */
    pv_set_handle(bm.bitmap, bitmap);
    rc = hyp_physdev_op(PV_PHYSDEVOP_set_iobitmap, &bm);
    check(rc == 0, "set_iobitmap for 0x70-0x71 -> %ld", rc);
    outb_dx(0x70, 0x00);
    v = inb_dx(0x71);
    check(faults == 1 && bcd_seconds(v), "the bitmap allows the CMOS ports without IOPL");
    inb_dx(0x60);
    check(faults == 2, "but not port 0x60: #GP");
    asm volatile("cli\n nop" ::: "memory");
    check(faults == 3 && last_vector == 13, "cli with IOPL 0 (a bitmap does not count): #GP");
    set_iopl(1);
    asm volatile("cli\n nop\n sti\n nop" ::: "memory");
    check(faults == 3, "cli and sti with IOPL 1: stepped over (%lu faults)", (unsigned long)faults);
    set_iopl(0);
    printf("ioports: %d failed\n", checks_failed());
    return checks_failed() ? 1 : 0;
}
