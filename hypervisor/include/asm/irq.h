/* Hardware interrupt dispatch (irq.c). */
#ifndef ASM_IRQ_H
#define ASM_IRQ_H

void do_interrupt(unsigned int vector);
void arch_wait_for_interrupt(void);     /* idle until an interrupt has been handled */

#endif
