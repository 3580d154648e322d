/*
 * Guest I/O port access. A PV kernel runs in ring 3, so every IN/OUT it
 * issues faults (#GP); the hypervisor emulates it when the guest may do it:
 * its virtual IOPL (physdev set_iopl) covers the current guest ring (1 for the
 * kernel, 3 for user), or its I/O bitmap (physdev set_iobitmap, TSS format:
 * a clear bit allows the port) does. A permitted access to a port the
 * hypervisor keeps for itself (its UART, the PIC, the PIT) reads as all
 * ones and writes are dropped, as on Xen; so does every access of a domain
 * that is not the control domain (none has I/O port permissions: a domU's
 * IOPL lets its instructions run, not reach the hardware). PCI config ports
 * are mediated (pci-cfg.c).
 */
#ifndef ASM_PV_IOPORT_H
#define ASM_PV_IOPORT_H

#include <asm/regs.h>
#include <hv/types.h>

void ioports_init(void);                        /* the hypervisor's ports */
bool ioport_owned_by_hypervisor(u16 port, unsigned int bytes);
bool pv_emulate_io(struct cpu_regs *regs);      /* true: emulated (or refused by #GP) */

struct domain;
bool pci_cfg_port(u16 port, unsigned int bytes);   /* touches 0xcf8-0xcff */
/* d's access to a PCI config port: the value read (all ones for nothing) */
u32 pci_cfg_access(struct domain *d, u16 port, unsigned int bytes, bool in, u32 val);

#endif
