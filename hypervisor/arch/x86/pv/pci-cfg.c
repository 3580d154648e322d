/*
 * PCI configuration mechanism #1 (ports 0xcf8-0xcff) for the control
 * domain, as Xen mediates it: the address a guest writes to 0xcf8 (a 32-bit
 * write) is kept per domain instead of reaching the port, and an access to
 * the data ports 0xcfc-0xcff makes the whole address+data access on the
 * hardware at once, so no other domain's (or a future hypervisor driver's)
 * 0xcf8 write can come between them. Without the enable bit, data reads are
 * all ones and writes are dropped. Other domains have no PCI config space
 * (reads all ones), and accesses to 0xcf8 of other sizes reach no port.
 */
#include <asm/pv/ioport.h>
#include <asm/x86.h>
#include <hv/domain.h>

#define PCI_CF8             0xcf8
#define PCI_CFC             0xcfc
#define CF8_ENABLE          (1u << 31)

bool pci_cfg_port(u16 port, unsigned int bytes)
{
    u32 last = (u32)port + bytes - 1;

    return port <= PCI_CFC + 3 && last >= PCI_CF8;
}

u32 pci_cfg_access(struct domain *d, u16 port, unsigned int bytes, bool in, u32 val)
{
    if ( !d->privileged )
        return ~0u;
    if ( port == PCI_CF8 && bytes == 4 )
    {
        if ( !in )
            d->pci_cf8 = val;
        return d->pci_cf8;
    }
    if ( port < PCI_CFC || (port & 3) + bytes > 4 || !(d->pci_cf8 & CF8_ENABLE) )
        return ~0u;
    outl(PCI_CF8, d->pci_cf8);
    if ( in )
        return port_read(port, bytes);
    port_write(port, bytes, val);
    return 0;
}
