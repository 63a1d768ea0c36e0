/* The table of interrupt lines: one struct irq_desc per IRQ number. */
#include <linux/irqdesc.h>
#include <linux/kernel.h>

static struct irq_desc irq_desc[NR_IRQS];

/**
 * irq_to_desc() - The descriptor of interrupt line @irq.
 * @irq: the IRQ number
 *
 * Context: any context; does not sleep.
 * Return: the descriptor, or NULL if @irq >= NR_IRQS.
 */
struct irq_desc *irq_to_desc(unsigned int irq)
{
	return irq < NR_IRQS ? &irq_desc[irq] : NULL;
}

/**
 * irq_set_chip() - Attach a line to its interrupt controller, masked and disabled.
 * @irq:       the IRQ number (BUG() if out of range)
 * @chip:      the controller's operations
 * @chip_data: the controller's data for this line
 *
 * The line comes alive when the first handler is requested.
 *
 * Context: boot, while the controller is set up; does not sleep.
 */
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

/**
 * kstat_irqs() - How many interrupts line @irq has had, summed over all CPUs.
 * @irq: the IRQ number (must be < NR_IRQS)
 *
 * Context: any context; does not sleep.
 * Return: the count since boot.
 */
unsigned int kstat_irqs(unsigned int irq)
{
	struct irq_desc *desc = irq_to_desc(irq);
	unsigned int sum = 0;

	for (int cpu = 0; cpu < NR_CPUS; cpu++)
		sum += desc->kstat_irqs[cpu];
	return sum;
}
