/*
 * Time per context (kernel/sched/cputime.c, docs/cputime.md): every CPU's time
 * split as Linux's /proc/stat splits it. Hardirq and softirq time are exact
 * (the clock is read at every entry and exit); the rest is sampled by the
 * tick and goes to user, nice, system or idle, minus the interrupt time the
 * tick period held, so the columns add up to the time that passed.
 */
#ifndef _LINUX_KERNEL_STAT_H
#define _LINUX_KERNEL_STAT_H
#include <linux/jump_label.h>
#include <linux/percpu.h>
#include <linux/preempt.h>
#include <linux/sched/clock.h>
#include <linux/threads.h>
#include <linux/types.h>

#define USER_HZ 100 /* /proc/stat's unit: 1/100 s, as on Linux */

enum cpu_usage_stat {
	CPUTIME_USER,
	CPUTIME_NICE,
	CPUTIME_SYSTEM,
	CPUTIME_SOFTIRQ,
	CPUTIME_IRQ,
	CPUTIME_IDLE,
	CPUTIME_IOWAIT,
	NR_STATS,
};

struct kernel_cpustat {
	u64 cpustat[NR_STATS]; /* nanoseconds */
};

struct task_struct;
struct seq_file;

/**
 * kcpustat_cpu_fetch() - A copy of @cpu's times, each field read whole.
 * @dst: where the copy goes
 * @cpu: the CPU
 *
 * Context: any context.
 */
void kcpustat_cpu_fetch(struct kernel_cpustat *dst, int cpu);

/**
 * irqtime_account_irq() - Charge the time since the last mark to the context being left.
 * @offset: what the caller just added to preempt_count (HARDIRQ_OFFSET or
 *          SOFTIRQ_OFFSET when entering), or 0 when about to leave
 *
 * Called at every hardirq and softirq entry and exit: time spent in a
 * hardirq goes to CPUTIME_IRQ, in a softirq to CPUTIME_SOFTIRQ, exactly.
 * Context: hardirq or softirq entry/exit, interrupts off.
 */
void irqtime_account_irq(unsigned int offset);

/* On unless irqtime=off: then the interrupt path does not read the clock. */
DECLARE_STATIC_KEY_TRUE(sched_clock_irqtime);
/* This CPU's get_cycles() at its last interrupt entry or exit: where the next charge starts. */
DECLARE_PER_CPU(cycles_t, irqtime_mark);

/**
 * irqtime_account() - irqtime_account_irq(), unless irqtime=off turned exact interrupt time off.
 * @offset: as for irqtime_account_irq()
 *
 * A patched branch: with irqtime=off the interrupt path does not read the clock.
 *
 * Context: hardirq or softirq entry/exit, interrupts off.
 */
static __always_inline void irqtime_account(unsigned int offset)
{
	if (static_branch_likely(&sched_clock_irqtime))
		irqtime_account_irq(offset);
}

/**
 * irqtime_hardirq_enter() - irq_enter()'s half of the interrupt time accounting.
 *
 * Called with HARDIRQ_OFFSET just added. Entering from task time, the usual
 * case, there is nothing to charge (the tick samples task time): only the
 * mark moves (get_cycles()), inline. From a softirq or another hardirq, that
 * context gets its share first (irqtime_account_irq(), out of line).
 *
 * Context: hardirq entry (irq_enter()), interrupts off.
 */
static __always_inline void irqtime_hardirq_enter(void)
{
	if (!static_branch_likely(&sched_clock_irqtime))
		return;
	if ((preempt_count() - HARDIRQ_OFFSET) & (HARDIRQ_MASK | SOFTIRQ_OFFSET))
		irqtime_account_irq(HARDIRQ_OFFSET);
	else
		*this_cpu_ptr(&irqtime_mark) = get_cycles();
}

/**
 * account_process_tick() - Charge one tick to @p and this CPU, less the interrupt time it held.
 * @p:         the task the tick interrupted (current)
 * @user_tick: it was running in user mode
 *
 * Context: the tick (hardirq context).
 */
void account_process_tick(struct task_struct *p, bool user_tick);

/**
 * nsec_to_clock_t() - Nanoseconds in USER_HZ ticks (/proc/stat's unit).
 * @ns: the time
 *
 * Context: any context.
 * Return: @ns / (10^9 / USER_HZ).
 */
u64 nsec_to_clock_t(u64 ns);

/**
 * show_stat() - The /proc/stat listing: the cpu lines, then ctxt and the running tasks.
 * @m: where it goes
 *
 * Context: process context.
 * Return: 0.
 */
int show_stat(struct seq_file *m);

#endif
