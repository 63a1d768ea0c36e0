/*
 * The table of interrupt lines: one struct irq_desc per IRQ number. Lines
 * below IRQ_DYNAMIC_BASE are wired (ISA, IO-APIC pins); the rest are handed
 * out at run time to interrupts that have no pin: MSI vectors, and lines that
 * software raises (the self-tests' simulated lines claim theirs by number).
 */
#include <linux/errno.h>
#include <linux/irqdesc.h>
#include <linux/kernel.h>
#include <linux/string.h>

struct irq_desc irq_desc[NR_IRQS];
static u64 dynamic_irqs_used; /* bit n: IRQ_DYNAMIC_BASE + n is allocated */
static DEFINE_SPINLOCK(dynamic_irqs_lock);

BUILD_BUG_ON(NR_IRQS - IRQ_DYNAMIC_BASE > 64);

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

/* A fresh line: no counts from its previous user. */
static void reset_desc(unsigned int irq)
{
	struct irq_desc *desc = irq_to_desc(irq);

	memset(desc->kstat_irqs, 0, sizeof(desc->kstat_irqs));
	desc->irqs_unhandled = desc->spurious = 0;
	desc->max_ns = 0;
}

/* Takes dynamic IRQ @irq if it is free; dynamic_irqs_lock held. */
static bool take_dynamic_irq(unsigned int irq)
{
	u64 bit = 1ull << (irq - IRQ_DYNAMIC_BASE);

	if (dynamic_irqs_used & bit)
		return false;
	dynamic_irqs_used |= bit;
	return true;
}

/**
 * irq_alloc_desc() - Take an unused IRQ number for an interrupt without a pin.
 *
 * The number keeps its vector (0x20 + irq); the caller binds it to its
 * controller with irq_set_chip() and later gives it back with irq_free_desc().
 *
 * Context: any context.
 * Return: the IRQ number, or -ENOSPC if all IRQ_DYNAMIC_BASE..NR_IRQS-1 are taken.
 */
int irq_alloc_desc(void)
{
	unsigned long flags;
	int irq = -ENOSPC;

	spin_lock_irqsave(&dynamic_irqs_lock, flags);
	for (unsigned int n = IRQ_DYNAMIC_BASE; n < NR_IRQS; n++) {
		if (take_dynamic_irq(n)) {
			irq = n;
			break;
		}
	}
	spin_unlock_irqrestore(&dynamic_irqs_lock, flags);
	if (irq >= 0)
		reset_desc(irq);
	return irq;
}

/**
 * irq_alloc_desc_at() - Take the IRQ number @at, for an interrupt without a pin.
 * @at: the number wanted, IRQ_DYNAMIC_BASE..NR_IRQS-1
 *
 * For lines whose numbers are known in advance (the self-tests' simulated
 * lines, which the documents and modules name); otherwise as irq_alloc_desc().
 *
 * Context: any context.
 * Return: @at, -EINVAL if it is not a number handed out at run time, or
 * -EEXIST if it is taken.
 */
int irq_alloc_desc_at(unsigned int at)
{
	unsigned long flags;
	bool taken;

	if (at < IRQ_DYNAMIC_BASE || at >= NR_IRQS)
		return -EINVAL;
	spin_lock_irqsave(&dynamic_irqs_lock, flags);
	taken = take_dynamic_irq(at);
	spin_unlock_irqrestore(&dynamic_irqs_lock, flags);
	if (!taken)
		return -EEXIST;
	reset_desc(at);
	return at;
}

/**
 * irq_free_desc() - Give back an IRQ number from irq_alloc_desc().
 * @irq: the number; it must have no handler left (free_irq() first)
 *
 * The line loses its controller, so a late arrival on its vector is counted
 * as spurious instead of reaching a chip that no longer knows it.
 *
 * Context: any context.
 */
void irq_free_desc(unsigned int irq)
{
	struct irq_desc *desc = irq_to_desc(irq);
	unsigned long flags;

	if (WARN(irq < IRQ_DYNAMIC_BASE || !desc, "irq_free_desc: IRQ %u was not allocated\n", irq))
		return;
	spin_lock_irqsave(&desc->lock, flags);
	WARN(desc->action, "irq_free_desc: IRQ %u still has a handler\n", irq);
	desc->irq_data.chip = NULL;
	desc->irq_data.chip_data = NULL;
	spin_unlock_irqrestore(&desc->lock, flags);
	spin_lock_irqsave(&dynamic_irqs_lock, flags);
	dynamic_irqs_used &= ~(1ull << (irq - IRQ_DYNAMIC_BASE));
	spin_unlock_irqrestore(&dynamic_irqs_lock, flags);
}
