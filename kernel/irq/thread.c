/*
 * Threaded interrupt handlers: the hard handler (hardirq context) does the
 * minimum and returns IRQ_WAKE_THREAD; the action's kthread "irq/N-NAME" then
 * runs thread_fn in process context, where it may sleep. With IRQF_ONESHOT
 * the line stays masked from the hard handler until thread_fn is done, so a
 * level-triggered device cannot interrupt again before it has been served.
 */
#include <linux/errno.h>
#include <linux/interrupt.h>
#include <linux/irqdesc.h>
#include <linux/kernel.h>
#include <linux/kthread.h>
#include <linux/sprintf.h>
#include "internals.h"

#define IRQTF_RUNTHREAD 0
#define IRQ_THREAD_PRIO 5 /* ahead of ordinary tasks, like Linux's SCHED_FIFO irq threads */

/**
 * irq_default_primary_handler() - The hard handler of a threaded-only IRQ: wake the thread.
 * @irq:    the IRQ number
 * @dev_id: the handler's dev_id
 *
 * Context: hardirq context; does not sleep.
 * Return: IRQ_WAKE_THREAD.
 */
irqreturn_t irq_default_primary_handler(int irq, void *dev_id)
{
	(void)irq;
	(void)dev_id;
	return IRQ_WAKE_THREAD;
}

/**
 * irq_wake_thread() - Wake an action's handler thread, once per pending interrupt.
 * @desc:   the line
 * @action: the handler whose hard part returned IRQ_WAKE_THREAD
 *
 * A ONESHOT action's bit keeps the line masked until its thread is done.
 *
 * Context: hardirq context, from handle_irq_event(); does not sleep.
 */
void irq_wake_thread(struct irq_desc *desc, struct irqaction *action)
{
	if (__atomic_fetch_or(&action->thread_flags, 1ul << IRQTF_RUNTHREAD, __ATOMIC_SEQ_CST) &
	    (1ul << IRQTF_RUNTHREAD))
		return; /* it has not run since the last wake-up: once is enough */
	__atomic_or_fetch(&desc->threads_oneshot, action->thread_mask, __ATOMIC_SEQ_CST);
	atomic_inc(&desc->threads_active);
	wake_up_process(action->thread);
}

/* Sleeps until the hard handler asks for us; false when told to stop. */
static bool wait_for_interrupt(struct irqaction *action)
{
	for (;;) {
		set_current_state(TASK_INTERRUPTIBLE);
		if (kthread_should_stop()) {
			__set_current_state(TASK_RUNNING);
			return false;
		}
		if (__atomic_fetch_and(&action->thread_flags, ~(1ul << IRQTF_RUNTHREAD),
				       __ATOMIC_SEQ_CST) & (1ul << IRQTF_RUNTHREAD)) {
			__set_current_state(TASK_RUNNING);
			return true;
		}
		schedule();
	}
}

/* thread_fn is done: the last ONESHOT thread unmasks the line. */
static void finalize_oneshot(struct irq_desc *desc, struct irqaction *action)
{
	unsigned long flags;

	spin_lock_irqsave(&desc->lock, flags);
	desc->threads_oneshot &= ~action->thread_mask;
	if (!desc->threads_oneshot && !desc->depth && (desc->istate & IRQS_MASKED) &&
	    !(desc->istate & IRQS_INPROGRESS))
		irq_unmask(desc);
	spin_unlock_irqrestore(&desc->lock, flags);
}

static int irq_thread(void *data)
{
	struct irqaction *action = data;
	struct irq_desc *desc = irq_to_desc(action->irq);

	while (wait_for_interrupt(action)) {
		action->thread_fn(action->irq, action->dev_id);
		finalize_oneshot(desc, action);
		if (atomic_dec_and_test(&desc->threads_active))
			wake_up(&desc->wait_for_threads);
	}
	return 0;
}

/**
 * irq_stop_thread() - Stop an action's handler thread and drop our reference.
 * @action: an action that is no longer on its line (or never was)
 *
 * Context: process context; sleeps until the thread has exited.
 */
void irq_stop_thread(struct irqaction *action)
{
	if (!action->thread)
		return;
	kthread_stop(action->thread);
	put_task_struct(action->thread);
	action->thread = NULL;
}

/**
 * irq_start_thread() - Create and start the kthread "irq/N-NAME" for an action.
 * @action: the handler with a thread_fn
 *
 * The thread runs at priority 5, ahead of ordinary tasks.
 *
 * Context: process context; may sleep (creates a kthread).
 * Return: 0, or the error of kthread_create().
 */
int irq_start_thread(struct irqaction *action)
{
	struct task_struct *t;

	snprintf(action->thread_name, sizeof(action->thread_name), "irq/%u-%s", action->irq,
		 action->name);
	t = kthread_create(irq_thread, action, "%s", action->thread_name);
	if (IS_ERR(t))
		return PTR_ERR(t);
	sched_set_prio(t, IRQ_THREAD_PRIO);
	/* Ours until free_irq: a thread killed by an oops in its handler is not
	 * freed under our feet (irq_stop_thread still stops it cleanly). */
	get_task_struct(t);
	action->thread = t;
	wake_up_process(t);
	return 0;
}
