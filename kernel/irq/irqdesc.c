/* The table of interrupt lines: one struct irq_desc per IRQ number. */
#include <linux/irqdesc.h>
#include <linux/kernel.h>

static struct irq_desc irq_desc[NR_IRQS];

struct irq_desc *irq_to_desc(unsigned int irq)
{
	return irq < NR_IRQS ? &irq_desc[irq] : NULL;
}

void irq_set_chip(unsigned int irq, struct irq_chip *chip, void *chip_data)
{
	struct irq_desc *desc = irq_to_desc(irq);

	BUG_ON(!desc);
	desc->irq_data.irq = irq;
	desc->irq_data.chip = chip;
	desc->irq_data.chip_data = chip_data;
	desc->depth = 1; /* no handler yet: disabled */
	desc->istate = IRQS_MASKED;
	spin_lock_init(&desc->lock);
	desc->lock.name = "irq_desc.lock";
	init_waitqueue_head(&desc->wait_for_threads);
	chip->irq_mask(&desc->irq_data);
}

unsigned int kstat_irqs(unsigned int irq)
{
	struct irq_desc *desc = irq_to_desc(irq);
	unsigned int sum = 0;

	for (int cpu = 0; cpu < NR_CPUS; cpu++)
		sum += desc->kstat_irqs[cpu];
	return sum;
}
