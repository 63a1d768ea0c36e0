/*
 * Kernel timers (kernel/time/timer.c): run a function once, in softirq
 * context (TIMER_SOFTIRQ), at or after a given jiffies value.
 *
 *   timer_setup(&t, fn, 0); mod_timer(&t, jiffies + HZ);   any context
 *   del_timer(&t)        any context; 1 if it was pending
 *   del_timer_sync(&t)   process context: also waits for a running fn to finish
 */
#ifndef _LINUX_TIMER_H
#define _LINUX_TIMER_H
#include <linux/kernel.h>
#include <linux/list.h>
#include <janus/callsite.h>

struct timer_list {
	struct list_head entry;
	unsigned long expires;
	void (*function)(struct timer_list *);
	u32 flags;
	const struct callsite *site; /* who armed it last (janus/callsite.h) */
};

#define __TIMER_INITIALIZER(_function, _flags) \
	{ .entry = { NULL, NULL }, .function = (_function), .flags = (_flags) }
#define DEFINE_TIMER(_name, _function) \
	struct timer_list _name = __TIMER_INITIALIZER(_function, 0)

void timer_setup(struct timer_list *timer, void (*func)(struct timer_list *), unsigned int flags);
#define timer_setup_on_stack(timer, func, flags) timer_setup(timer, func, flags)
#define destroy_timer_on_stack(timer) do { } while (0)

/* The struct that contains a timer, from the timer (for callbacks). */
#define from_timer(var, callback_timer, timer_fieldname) \
	container_of(callback_timer, __typeof__(*var), timer_fieldname)

/**
 * timer_pending() - Whether a timer is armed and has not run yet.
 * @timer: the timer
 *
 * Context: any context; does not sleep. The answer may be stale at once
 * unless the caller excludes the timer's CPU.
 * Return: true if it is on the wheel.
 */
static inline bool timer_pending(const struct timer_list *timer)
{
	return timer->entry.next != NULL;
}

void add_timer_at(struct timer_list *timer, const struct callsite *site);
/* (Re)arms the timer for `expires`; 1 if it was pending before. */
int mod_timer_at(struct timer_list *timer, unsigned long expires, const struct callsite *site);
/* Linux's calls; the macros also record the caller's file and line, which an
 * unload that left the timer pending names (kernel/module/leftovers.c). */
#define add_timer(timer) add_timer_at(timer, CALLSITE("add_timer"))
#define mod_timer(timer, expires) mod_timer_at(timer, expires, CALLSITE("mod_timer"))
int del_timer(struct timer_list *timer);
int del_timer_sync(struct timer_list *timer);

void init_timers(void);
/* A CPU's timer wheel, before that CPU first ticks. */
void init_timers_cpu(int cpu);
/* The tick's share: raise TIMER_SOFTIRQ when a timer is due (hardirq context). */
void run_local_timers(void);

#endif
