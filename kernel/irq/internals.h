/* What the files of kernel/irq/ share and nobody else needs. */
#ifndef _KERNEL_IRQ_INTERNALS_H
#define _KERNEL_IRQ_INTERNALS_H
#include <linux/irqdesc.h>

void irq_mask(struct irq_desc *desc);
void irq_unmask(struct irq_desc *desc);
/* Runs every action of the line once; counts the arrivals nobody claimed. */
irqreturn_t handle_irq_event(struct irq_desc *desc);
/* Runs a shared line's handlers without an arrival (irqpoll; chip.c). */
bool irq_poll_line(struct irq_desc *desc, bool disabled);
/* Counts an arrival; disables a line nobody handles (kernel/irq/spurious.c). */
irqreturn_t note_interrupt_slow(struct irq_desc *desc, irqreturn_t ret);
#define NOTE_INTERRUPT_WINDOW 100000 /* arrivals per window of the storm policy */

/**
 * note_interrupt() - Count one arrival of a line and what its handlers said.
 * @desc: the line
 * @ret:  the handlers' results, or-ed: IRQ_NONE if none of them claimed it
 *
 * A claimed arrival that does not end a window is one increment, inline;
 * anything else (unclaimed, a run of the poller, the window's last) goes to
 * note_interrupt_slow(), which has the whole policy.
 *
 * Context: hardirq, from handle_irq_event(), without desc->lock.
 * Return: @ret, or IRQ_HANDLED if another line's handler claimed it.
 */
static __always_inline irqreturn_t note_interrupt(struct irq_desc *desc, irqreturn_t ret)
{
	if (likely(ret != IRQ_NONE && !(desc->istate & IRQS_POLL_INPROGRESS) &&
		   desc->irq_count < NOTE_INTERRUPT_WINDOW - 1)) {
		desc->irq_count++;
		return ret;
	}
	return note_interrupt_slow(desc, ret);
}
/* Threaded handlers (kernel/irq/thread.c). */
void irq_wake_thread(struct irq_desc *desc, struct irqaction *action);
int irq_start_thread(struct irqaction *action);
void irq_stop_thread(struct irqaction *action);
irqreturn_t irq_default_primary_handler(int irq, void *dev_id);

/* An arrival for a line nobody set up (arch/x86/irq.c counts it as spurious). */
void arch_unexpected_irq(unsigned int irq);

/* /proc/irq/N/NAME (kernel/irq/proc.c). */
void register_handler_proc(unsigned int irq, struct irqaction *action);
void unregister_handler_proc(struct irqaction *action);

#endif
