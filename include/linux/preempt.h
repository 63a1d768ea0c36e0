/*
 * preempt_count: one per-CPU word that says which context this CPU is in.
 * The layout is Linux's (see docs/preempt-count.md):
 *
 *   bits  0-7   PREEMPT  preempt_disable() depth (spinlocks included)
 *   bits  8-15  SOFTIRQ  bit 8: serving a softirq; +2 per local_bh_disable()
 *   bits 16-19  HARDIRQ  hardirq nesting depth (irq_enter/irq_exit)
 *   bits 20-23  NMI      NMI nesting depth
 */
#ifndef _LINUX_PREEMPT_H
#define _LINUX_PREEMPT_H
#include <linux/compiler.h>
#include <linux/percpu.h>

#define PREEMPT_BITS 8
#define SOFTIRQ_BITS 8
#define HARDIRQ_BITS 4
#define NMI_BITS 4

#define PREEMPT_SHIFT 0
#define SOFTIRQ_SHIFT (PREEMPT_SHIFT + PREEMPT_BITS)
#define HARDIRQ_SHIFT (SOFTIRQ_SHIFT + SOFTIRQ_BITS)
#define NMI_SHIFT (HARDIRQ_SHIFT + HARDIRQ_BITS)

#define __IRQ_MASK(x) ((1UL << (x)) - 1)
#define PREEMPT_MASK (__IRQ_MASK(PREEMPT_BITS) << PREEMPT_SHIFT)
#define SOFTIRQ_MASK (__IRQ_MASK(SOFTIRQ_BITS) << SOFTIRQ_SHIFT)
#define HARDIRQ_MASK (__IRQ_MASK(HARDIRQ_BITS) << HARDIRQ_SHIFT)
#define NMI_MASK (__IRQ_MASK(NMI_BITS) << NMI_SHIFT)

#define PREEMPT_OFFSET (1UL << PREEMPT_SHIFT)
#define SOFTIRQ_OFFSET (1UL << SOFTIRQ_SHIFT)
#define HARDIRQ_OFFSET (1UL << HARDIRQ_SHIFT)
#define NMI_OFFSET (1UL << NMI_SHIFT)
#define SOFTIRQ_DISABLE_OFFSET (2 * SOFTIRQ_OFFSET)

DECLARE_PER_CPU(int, __preempt_count);

/**
 * preempt_count() - This CPU's preempt_count: preemption, softirq, hardirq and NMI nesting.
 *
 * Zero means process context, preemptible. The masks and in_*() predicates
 * above read its fields.
 *
 * Context: any context; does not sleep.
 * Return: the count.
 */
static __always_inline int preempt_count(void) { return this_cpu_read(__preempt_count); }
/**
 * preempt_count_set() - Overwrite this CPU's preempt_count.
 * @pc: the new count
 *
 * For repairing a leak after it has been reported, and for the oops path.
 *
 * Context: any context; does not sleep.
 */
static __always_inline void preempt_count_set(int pc) { this_cpu_write(__preempt_count, pc); }
#define preempt_count_add(val) this_cpu_add(__preempt_count, val)
#define preempt_count_sub(val) this_cpu_sub(__preempt_count, val)
#define preempt_count_inc() preempt_count_add(1)
#define preempt_count_dec() preempt_count_sub(1)

#define hardirq_count() (preempt_count() & HARDIRQ_MASK)
#define softirq_count() (preempt_count() & SOFTIRQ_MASK)
#define irq_count() (preempt_count() & (HARDIRQ_MASK | SOFTIRQ_MASK | NMI_MASK))

/* In any interrupt context: hardirq, NMI, serving a softirq, or with BHs disabled. */
#define in_interrupt() (irq_count())
#define in_nmi() (preempt_count() & NMI_MASK)
#define in_hardirq() (hardirq_count())
#define in_irq() in_hardirq()
/* Serving a softirq, or bottom halves disabled (what Linux calls in_softirq()). */
#define in_softirq() (softirq_count())
/* Actually running a softirq handler right now. */
#define in_serving_softirq() (softirq_count() & SOFTIRQ_OFFSET)
/* Running on behalf of a task: no hardirq, no NMI, not serving a softirq. */
#define in_task() (!(preempt_count() & (NMI_MASK | HARDIRQ_MASK | SOFTIRQ_OFFSET)))
/* Anywhere sleeping is forbidden because of the count (irqs-off is checked separately). */
#define in_atomic() (preempt_count() != 0)

#define preempt_disable()              \
	do {                           \
		preempt_count_inc();   \
		barrier();             \
	} while (0)

#define preempt_enable_no_resched()    \
	do {                           \
		barrier();             \
		preempt_count_dec();   \
	} while (0)

/* Preemption point: switch now if a more important task is waiting. */
void preempt_schedule(void);
#define preempt_enable()                                                        \
	do {                                                                    \
		barrier();                                                      \
		if (unlikely(this_cpu_dec_and_test(__preempt_count)) && should_resched()) \
			preempt_schedule();                                     \
	} while (0)

/* current->need_resched, without pulling in linux/sched.h here. */
bool should_resched(void);

#endif
