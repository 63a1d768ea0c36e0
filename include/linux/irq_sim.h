/* Simulated interrupt lines IRQ 32-39 (tests/kernel/irq_sim.c): software plays the device,
 * for the self-tests and the demonstration modules (modules/bug_*.c). Test machinery:
 * set up by its own initcall, never by the kernel's own IRQ code. */
#ifndef _LINUX_IRQ_SIM_H
#define _LINUX_IRQ_SIM_H
#include <asm/irq_vectors.h>
#include <linux/types.h>

#define IRQ_SIM_BASE 32 /* 8 simulated lines: IRQ 32-39, the last of NR_IRQS */
#define IRQ_SIM_LINES 8

/* The device raises the line now. Call with interrupts enabled, as a device
 * could only interrupt then. */
void irq_sim_fire(unsigned int irq);
/* Whether the IRQ layer has the line masked at the controller right now. */
bool irq_sim_masked(unsigned int irq);
/* How many arrivals the IRQ layer acknowledged at the controller. */
unsigned int irq_sim_acks(unsigned int irq);

#endif
