/*
 * What the no-sleep checks have seen (kernel/sched/might_sleep.c and friends):
 * every report is counted here, so tests assert on counts, not on log text.
 * And the per-CPU record of which handler runs, for the reports' wording.
 */
#ifndef _JANUS_NOSLEEP_H
#define _JANUS_NOSLEEP_H
#include <linux/percpu.h>
#include <linux/types.h>

struct nosleep_stats {
	unsigned long sleep_in_atomic;         /* might_sleep() in atomic context */
	unsigned long scheduling_while_atomic; /* schedule() in atomic context */
	unsigned long uaccess_in_interrupt;    /* user memory from interrupt context */
	unsigned long trylock_in_interrupt;    /* mutex_trylock() from interrupt context */
	unsigned long preempt_leaks;           /* a handler/callback/kthread left the count changed */
	unsigned long irqs_enabled_leaks;      /* a hardirq handler returned with interrupts on */
	unsigned long slow_irq_handlers;       /* a handler ran longer than irq_warn_us */
};

extern struct nosleep_stats nosleep_stats;

/**
 * nosleep_reports() - All the sleep-in-atomic kinds of report so far, together.
 *
 * Context: any context; does not sleep.
 * Return: the count since boot.
 */
static inline unsigned long nosleep_reports(void)
{
	return nosleep_stats.sleep_in_atomic + nosleep_stats.scheduling_while_atomic +
	       nosleep_stats.uaccess_in_interrupt + nosleep_stats.trylock_in_interrupt;
}

/* Which handler this CPU is running, so reports can say it in words. */
struct atomic_context {
	int irq;              /* the line whose handler runs, or -1 */
	const char *irq_name; /* its handler's name (or the system vector's) */
	int softirq;          /* the softirq vector being served, or -1 */
	void *timer_fn;       /* the timer callback running, or NULL */
};

DECLARE_PER_CPU(struct atomic_context, atomic_ctx);

/* For the report of "scheduling while atomic" (kernel/sched/core.c). */
void report_scheduling_while_atomic(void);
/* For the mutex_trylock-from-interrupt WARN (kernel/locking/mutex.c). */
void report_trylock_in_interrupt(const char *lock_name);
/* A leaked preempt_count: report it and repair it. */
void report_preempt_leak(const char *kind, const char *name, void *fn, int before, int after);
extern unsigned int irq_warn_us;
void nosleep_ratelimit_reset(void);

#endif
