/* Simulated interrupt lines IRQ 32-47 (tests/kernel/irq_sim.c): software plays the device. */
#ifndef _LINUX_IRQ_SIM_H
#define _LINUX_IRQ_SIM_H
#include <asm/irq_vectors.h>
#include <linux/types.h>

/* The numbers tests/kernel/irq_sim.c claims at boot (irq_alloc_desc_at()):
 * fixed, so that documents, modules and a student at the shell can name them. */
#define IRQ_SIM_BASE 32
#define IRQ_SIM_LINES 16

/* The device raises the line now. Call with interrupts enabled, as a device
 * could only interrupt then. */
void irq_sim_fire(unsigned int irq);
/* Whether the IRQ layer has the line masked at the controller right now. */
bool irq_sim_masked(unsigned int irq);
/* How many arrivals the IRQ layer acknowledged at the controller. */
unsigned int irq_sim_acks(unsigned int irq);

#endif
