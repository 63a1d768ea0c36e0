/*
 * Interrupt controllers as the IRQ layer sees them: an irq_chip is a set of
 * operations on one line (mask, unmask, acknowledge, end-of-interrupt), so the
 * same flow (kernel/irq/chip.c) drives the 8259 PIC, the IO-APIC and the
 * simulated lines of tests/kernel/irq_sim.c.
 */
#ifndef _LINUX_IRQ_H
#define _LINUX_IRQ_H
#include <asm/irq_vectors.h>
#include <linux/cpumask.h>
#include <linux/irqreturn.h>
#include <linux/types.h>

struct seq_file;

struct irq_data {
	unsigned int irq;
	struct irq_chip *chip;
	void *chip_data;
};

/* The IRQ layer calls irq_mask, irq_unmask and irq_mask_ack with the line's
 * desc->lock held (at boot, irq_set_chip() masks before anyone can race), so
 * a chip may keep a line's masked state without a lock of its own. */
struct irq_chip {
	const char *name;
	void (*irq_mask)(struct irq_data *data);
	void (*irq_unmask)(struct irq_data *data);
	/* Mask the line and tell the controller the interrupt was taken (before
	 * handling). Optional: without it, the flow masks, then calls irq_eoi. */
	void (*irq_mask_ack)(struct irq_data *data);
	/* End of interrupt at the controller (the IO-APIC: the local APIC's EOI). */
	void (*irq_eoi)(struct irq_data *data);
	/* True if the controller raised an interrupt no device asked for. The chip has
	 * already done whatever end-of-interrupt a spurious one needs. Optional. */
	bool (*irq_is_spurious)(struct irq_data *data);
	/* Deliver the line to a CPU of dest from now on: 0 or -EINVAL. Optional. */
	int (*irq_set_affinity)(struct irq_data *data, const struct cpumask *dest);
	/* The controller column of the interrupt listing, if more than the
	 * name is worth showing (the IO-APIC: pin and trigger). Optional. */
	void (*irq_print_chip)(struct irq_data *data, struct seq_file *m);
	/* Raise the line again, for an interrupt that arrived while it was disabled.
	 * Optional: controllers that latch the request themselves do not need it. */
	void (*irq_retrigger)(struct irq_data *data);
};

struct irq_desc;

/* Binds a line to its controller; the line starts masked with no handler. */
void irq_set_chip(unsigned int irq, struct irq_chip *chip, void *chip_data);
/* IRQ numbers for interrupts without a pin (MSI, software lines): kernel/irq/irqdesc.c. */
int irq_alloc_desc(void);
int irq_alloc_desc_at(unsigned int at);
void irq_free_desc(unsigned int irq);
/* Runs the flow for one arrival of irq; called by the arch code in hardirq context. */
void generic_handle_irq(unsigned int irq);

#endif
