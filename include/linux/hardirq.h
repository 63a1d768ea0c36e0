/*
 * Entering and leaving hardirq context: the bracket around every interrupt;
 * and NMI context. Inline, because do_IRQ (arch/x86/irq.c) runs them on
 * every interrupt; the softirqs that irq_exit() may run are in
 * kernel/softirq.c.
 */
#ifndef _LINUX_HARDIRQ_H
#define _LINUX_HARDIRQ_H
#include <linux/kernel_stat.h>
#include <linux/percpu.h>
#include <linux/preempt.h>

DECLARE_PER_CPU(u32, softirq_pending);

/**
 * irq_exit_softirqs() - The end of irq_exit(): run this CPU's pending softirqs.
 *
 * On this CPU's softirq stack, with interrupts enabled, unless ksoftirqd
 * already has work (then it runs them).
 *
 * Context: irq_exit() only: the outermost hardirq is over, interrupts off,
 * softirqs pending.
 */
void irq_exit_softirqs(void);

/**
 * irq_enter() - Enter hardirq context: add HARDIRQ_OFFSET to preempt_count.
 *
 * From here in_hardirq() and in_interrupt() are true and might_sleep()
 * reports any sleep. The time until now goes to the context interrupted
 * (kernel/sched/cputime.c).
 *
 * Context: the interrupt entry (do_IRQ()), interrupts off.
 */
static __always_inline void irq_enter(void)
{
	preempt_count_add(HARDIRQ_OFFSET);
	irqtime_hardirq_enter();
}

/**
 * irq_exit() - Leave hardirq context, and run pending softirqs if this was the outermost interrupt.
 *
 * Softirqs run here, on this CPU's softirq stack, unless bottom halves are
 * disabled, another interrupt is below this one, or ksoftirqd already has
 * work (then it runs them).
 *
 * Context: the interrupt exit, interrupts off; does not sleep.
 */
static __always_inline void irq_exit(void)
{
	irqtime_account(0); /* this hardirq's time */
	preempt_count_sub(HARDIRQ_OFFSET);
	if (!in_interrupt() && this_cpu_read(softirq_pending))
		irq_exit_softirqs();
}

/* The bracket around an NMI (Linux's nmi_enter/nmi_exit): in_nmi() and
 * in_hardirq() are true inside, and nothing else is done on the way out. */
#define nmi_enter() preempt_count_add(NMI_OFFSET + HARDIRQ_OFFSET)
#define nmi_exit() preempt_count_sub(NMI_OFFSET + HARDIRQ_OFFSET)

#endif
