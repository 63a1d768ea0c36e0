/*
 * The flow of one interrupt through a line (step 4 of docs/interrupts.md):
 * mask and acknowledge it at the controller, run its handlers unless they are
 * already running or the line is disabled, run them again if it fired
 * meanwhile, unmask. This is what makes a line's handlers never re-entrant,
 * on one CPU or several.
 */
#include <linux/irqdesc.h>
#include <linux/kernel.h>
#include <linux/smp.h>
#include "internals.h"

/**
 * irq_mask() - Mask a line at its interrupt controller and remember it is masked.
 * @desc: the line
 *
 * Context: any context, with @desc->lock held; does not sleep.
 */
void irq_mask(struct irq_desc *desc)
{
	desc->irq_data.chip->irq_mask(&desc->irq_data);
	desc->istate |= IRQS_MASKED;
}

/**
 * irq_unmask() - Unmask a line at its interrupt controller.
 * @desc: the line
 *
 * Context: any context, with @desc->lock held; does not sleep.
 */
void irq_unmask(struct irq_desc *desc)
{
	desc->istate &= ~IRQS_MASKED;
	desc->irq_data.chip->irq_unmask(&desc->irq_data);
}

static void mask_ack(struct irq_desc *desc)
{
	struct irq_chip *chip = desc->irq_data.chip;

	if (chip->irq_mask_ack) {
		chip->irq_mask_ack(&desc->irq_data);
	} else {
		chip->irq_mask(&desc->irq_data);
		chip->irq_eoi(&desc->irq_data);
	}
	desc->istate |= IRQS_MASKED;
}

/* Hardirq context, interrupts off. */
static void handle_irq_desc(struct irq_desc *desc)
{
	struct irq_chip *chip = desc->irq_data.chip;

	if (chip->irq_is_spurious && chip->irq_is_spurious(&desc->irq_data)) {
		desc->spurious++;
		return;
	}
	spin_lock(&desc->lock);
	desc->kstat_irqs[smp_processor_id()]++;
	mask_ack(desc);
	/* Running elsewhere (or below us, on this CPU), or disabled: remember it. */
	if ((desc->istate & IRQS_INPROGRESS) || desc->depth || !desc->action) {
		desc->istate |= IRQS_PENDING;
		spin_unlock(&desc->lock);
		return;
	}
	desc->istate |= IRQS_INPROGRESS;
	do {
		desc->istate &= ~IRQS_PENDING;
		spin_unlock(&desc->lock);
		handle_irq_event(desc);
		spin_lock(&desc->lock);
	} while ((desc->istate & IRQS_PENDING) && !desc->depth);
	desc->istate &= ~IRQS_INPROGRESS;
	/* A ONESHOT thread that has work keeps the line masked until it is done. */
	if (!desc->depth && !desc->threads_oneshot)
		irq_unmask(desc);
	spin_unlock(&desc->lock);
}

/**
 * generic_handle_irq() - Run the flow of one interrupt on line @irq.
 * @irq: the line that fired
 *
 * Masks and acknowledges the line, runs its handlers unless they are
 * already running (on any CPU) or the line is disabled, in which case the
 * arrival is marked pending, runs them again if it fired meanwhile, and
 * unmasks the line (unless a ONESHOT thread still has work). An IRQ number
 * without a controller goes to arch_unexpected_irq().
 *
 * Context: hardirq context, interrupts off, from do_IRQ(); does not sleep.
 */
void generic_handle_irq(unsigned int irq)
{
	struct irq_desc *desc = irq_to_desc(irq);

	if (!desc || !desc->irq_data.chip) {
		arch_unexpected_irq(irq);
		return;
	}
	handle_irq_desc(desc);
}
