/*
 * Timers on a timing wheel: 256 buckets, a timer in bucket (expires % 256).
 * Adding is O(1); each tick the TIMER softirq visits the buckets of the
 * jiffies that passed and runs the timers that are due there (a timer more
 * than 256 ticks away stays in its bucket for another round). Timers run in
 * softirq context, with the base unlocked, so they may re-arm themselves.
 */
#include <linux/init.h>
#include <linux/delay.h>
#include <linux/export.h>
#include <linux/interrupt.h>
#include <linux/jiffies.h>
#include <linux/kallsyms.h>
#include <linux/kernel.h>
#include <linux/sched.h>
#include <linux/sched/signal.h>
#include <linux/smp.h>
#include <linux/spinlock.h>
#include <linux/timer.h>
#include <linux/wait.h>
#include <janus/leftovers.h>
#include <janus/nosleep.h>

#define WHEEL_SIZE 256

struct timer_base {
	spinlock_t lock;
	unsigned long clk;              /* the next jiffy to visit */
	unsigned int pending;           /* timers on the wheel */
	struct timer_list *running;     /* the one whose function runs now */
	struct list_head wheel[WHEEL_SIZE];
};

DEFINE_PER_CPU(struct timer_base, timer_bases);

/**
 * timer_setup() - Initialise a timer with its callback; it is not armed.
 * @timer: the timer
 * @func:  the callback; it runs in softirq context (TIMER_SOFTIRQ), so it
 *         must not sleep, and gets @timer (from_timer() finds the container)
 * @flags: timer flags (0)
 *
 * Context: any context; does not sleep.
 */
void timer_setup(struct timer_list *timer, void (*func)(struct timer_list *), unsigned int flags)
{
	timer->entry.next = NULL;
	timer->function = func;
	timer->flags = flags;
}
EXPORT_SYMBOL(timer_setup);

/* Which base a timer is on (the CPU that armed it). */
static struct timer_base *timer_base(struct timer_list *timer)
{
	return &per_cpu(timer_bases, timer->flags & 0xff);
}

static void detach(struct timer_base *base, struct timer_list *timer)
{
	list_del(&timer->entry);
	timer->entry.next = NULL;
	base->pending--;
}

/**
 * mod_timer_at() - Arm @timer (or re-arm it) to run at @expires, on this CPU.
 * @timer:   an initialised timer, pending or not
 * @expires: the jiffies value to run at; a time already past runs at the next tick
 * @site:    the caller's file and line (the mod_timer() macro passes CALLSITE())
 *
 * Context: any context, the timer's own callback included (a timer may
 * re-arm itself); does not sleep.
 * Return: 1 if the timer was pending (and is now moved), 0 if it was not.
 */
int mod_timer_at(struct timer_list *timer, unsigned long expires, const struct callsite *site)
{
	int was_pending = del_timer(timer);
	struct timer_base *base;
	unsigned long flags;

	/* Armed on this CPU from now on. */
	timer->flags = (timer->flags & ~0xffu) | smp_processor_id();
	base = timer_base(timer);
	spin_lock_irqsave(&base->lock, flags);
	timer->expires = expires;
	timer->site = site;
	/* Already due: the next visit must see it. */
	if (time_before(expires, base->clk))
		expires = base->clk;
	list_add_tail(&timer->entry, &base->wheel[expires % WHEEL_SIZE]);
	base->pending++;
	spin_unlock_irqrestore(&base->lock, flags);
	return was_pending;
}
EXPORT_SYMBOL(mod_timer_at);

/**
 * add_timer_at() - Arm a timer that is not pending, at its ->expires.
 * @timer: an initialised timer with ->expires set; BUG() if it is pending
 * @site:  the caller's file and line (the add_timer() macro passes CALLSITE())
 *
 * Context: any context; does not sleep.
 */
void add_timer_at(struct timer_list *timer, const struct callsite *site)
{
	BUG_ON(timer_pending(timer));
	mod_timer_at(timer, timer->expires, site);
}
EXPORT_SYMBOL(add_timer_at);

/**
 * del_timer() - Disarm a timer; does not wait for a callback that is running.
 * @timer: the timer
 *
 * Context: any context; does not sleep. The callback may still be running
 * on another CPU when this returns: use del_timer_sync() before freeing.
 * Return: 1 if the timer was pending, 0 if not.
 */
int del_timer(struct timer_list *timer)
{
	struct timer_base *base = timer_base(timer);
	unsigned long flags;
	int was_pending;

	spin_lock_irqsave(&base->lock, flags);
	was_pending = timer_pending(timer);
	if (was_pending)
		detach(base, timer);
	spin_unlock_irqrestore(&base->lock, flags);
	return was_pending;
}
EXPORT_SYMBOL(del_timer);

/**
 * del_timer_sync() - Disarm a timer and wait until its callback is not running anywhere.
 * @timer: the timer
 *
 * What to call before freeing a timer or what its callback uses. It waits
 * by spinning for a callback running on another CPU.
 *
 * Context: process context; counts as may sleep: might_sleep() reports a
 * call from atomic context (holding a lock the callback takes would
 * deadlock). From the timer's own callback it WARNs and just disarms.
 * Return: 1 if the timer was pending, 0 if not.
 */
int del_timer_sync(struct timer_list *timer)
{
	struct timer_base *base = timer_base(timer);

	might_sleep();
	/* From the timer's own function this would wait for itself forever. */
	if (WARN_ON(in_serving_softirq() && READ_ONCE(base->running) == timer))
		return del_timer(timer);
	for (;;) {
		int ret = del_timer(timer);
		if (READ_ONCE(base->running) != timer)
			return ret;
		cpu_relax(); /* running on another CPU: wait until it is done */
	}
}
EXPORT_SYMBOL(del_timer_sync);

/* One callback, watched: it must leave preempt_count as it found it, and no lock held. */
static void call_timer_fn(struct timer_list *timer)
{
	void (*fn)(struct timer_list *) = timer->function;
	int count = preempt_count();
	unsigned int locks = lockdep_depth();

	this_cpu_write(atomic_ctx.timer_fn, fn);
	fn(timer);
	this_cpu_write(atomic_ctx.timer_fn, NULL);
	if (unlikely(lockdep_depth() != locks))
		lockdep_repair_leaks(locks, "timer callback");
	if (preempt_count() != count)
		report_preempt_leak("timer callback", NULL, fn, count, preempt_count());
}

/* Softirq context, interrupts on. */
static void run_timer_softirq(struct softirq_action *h)
{
	struct timer_base *base = this_cpu_ptr(&timer_bases);

	(void)h;
	spin_lock_irq(&base->lock);
	while (time_after_eq(jiffies, base->clk)) {
		struct list_head *bucket = &base->wheel[base->clk % WHEEL_SIZE];
		struct timer_list *timer, *next;
	restart:
		list_for_each_entry_safe(timer, next, bucket, entry) {
			if (time_after(timer->expires, base->clk))
				continue; /* a later round of the wheel */
			detach(base, timer);
			base->running = timer;
			spin_unlock_irq(&base->lock);
			call_timer_fn(timer);
			spin_lock_irq(&base->lock);
			base->running = NULL;
			goto restart; /* the function may have changed the bucket */
		}
		base->clk++;
	}
	spin_unlock_irq(&base->lock);
}

/**
 * run_local_timers() - Raise TIMER_SOFTIRQ on this CPU if a timer may be due.
 *
 * Context: the timer interrupt (hardirq); does not sleep.
 */
void run_local_timers(void)
{
	struct timer_base *base = this_cpu_ptr(&timer_bases);

	if (READ_ONCE(base->pending) && time_after_eq(jiffies, READ_ONCE(base->clk)))
		raise_softirq(TIMER_SOFTIRQ);
}

/**
 * init_timers_cpu() - Set up @cpu's timer wheel, starting at the current jiffy.
 * @cpu: the CPU
 *
 * Context: boot, before @cpu arms timers; does not sleep.
 */
void init_timers_cpu(int cpu)
{
	struct timer_base *base = &per_cpu(timer_bases, cpu);

	spin_lock_init(&base->lock);
	base->lock.name = "timer_base.lock";
	base->clk = jiffies;
	for (int i = 0; i < WHEEL_SIZE; i++)
		INIT_LIST_HEAD(&base->wheel[i]);
}

/**
 * init_timers() - Set up the boot CPU's timer wheel and register TIMER_SOFTIRQ.
 *
 * Context: early boot; does not sleep.
 */
void __init init_timers(void)
{
	init_timers_cpu(0);
	open_softirq(TIMER_SOFTIRQ, run_timer_softirq);
}

struct process_timer {
	struct timer_list timer;
	struct task_struct *task;
};

static void process_timeout(struct timer_list *t)
{
	struct process_timer *timeout = from_timer(timeout, t, timer);
	wake_up_process(timeout->task);
}

/**
 * schedule_timeout() - Sleep until woken or @timeout jiffies pass, in the state already set.
 * @timeout: the longest sleep in jiffies; MAX_SCHEDULE_TIMEOUT: no limit
 *
 * The caller sets the task state first (TASK_INTERRUPTIBLE or
 * TASK_UNINTERRUPTIBLE); with TASK_RUNNING it just lets others run.
 *
 * Context: process context only; may sleep. From atomic context
 * might_sleep() reports "BUG: sleeping function called from invalid
 * context" and it returns at once, not a jiffy slept. A negative @timeout
 * is reported and returns 0.
 * Return: 0 if @timeout passed, otherwise the jiffies that were left
 * (MAX_SCHEDULE_TIMEOUT itself for an unlimited sleep).
 */
long schedule_timeout(long timeout)
{
	struct process_timer timer;
	unsigned long expire;

	if (!might_sleep()) {
		__set_current_state(TASK_RUNNING);
		return timeout; /* not a jiffy slept */
	}
	if (timeout == MAX_SCHEDULE_TIMEOUT) {
		schedule();
		return timeout;
	}
	if (timeout < 0) {
		pr_err("schedule_timeout: wrong timeout value %lx\n", (unsigned long)timeout);
		__set_current_state(TASK_RUNNING);
		return 0;
	}
	expire = jiffies + timeout;
	timer.task = current;
	timer_setup_on_stack(&timer.timer, process_timeout, 0);
	mod_timer(&timer.timer, expire);
	schedule();
	del_timer_sync(&timer.timer);
	timeout = expire - jiffies;
	return timeout < 0 ? 0 : timeout;
}
EXPORT_SYMBOL(schedule_timeout);

/**
 * schedule_timeout_interruptible() - Sleep until woken, a signal, or @timeout jiffies pass.
 * @timeout: the longest sleep in jiffies
 *
 * Context: process context only; may sleep (see schedule_timeout()).
 * Return: 0 if @timeout passed, otherwise the jiffies that were left.
 */
long schedule_timeout_interruptible(long timeout)
{
	__set_current_state(TASK_INTERRUPTIBLE);
	return schedule_timeout(timeout);
}
EXPORT_SYMBOL(schedule_timeout_interruptible);

/**
 * schedule_timeout_uninterruptible() - Sleep until woken or @timeout jiffies pass; signals do not wake it.
 * @timeout: the longest sleep in jiffies
 *
 * Context: process context only; may sleep (see schedule_timeout()).
 * Return: 0 if @timeout passed, otherwise the jiffies that were left.
 */
long schedule_timeout_uninterruptible(long timeout)
{
	__set_current_state(TASK_UNINTERRUPTIBLE);
	return schedule_timeout(timeout);
}
EXPORT_SYMBOL(schedule_timeout_uninterruptible);

/**
 * msleep() - Sleep at least @msecs milliseconds (uninterruptibly).
 * @msecs: milliseconds; rounded up to whole jiffies, plus one
 *
 * Context: process context only; may sleep. From atomic context
 * might_sleep() reports "BUG: sleeping function called from invalid
 * context" and it returns at once without sleeping; use udelay() there.
 */
void msleep(unsigned int msecs)
{
	unsigned long timeout = msecs_to_jiffies(msecs) + 1;

	if (!might_sleep())
		return;
	while (timeout)
		timeout = schedule_timeout_uninterruptible(timeout);
}
EXPORT_SYMBOL(msleep);

/**
 * msleep_interruptible() - Sleep at least @msecs milliseconds, or until a signal comes.
 * @msecs: milliseconds; rounded up to whole jiffies, plus one
 *
 * Context: process context only; may sleep. From atomic context
 * might_sleep() reports the bug and it returns at once.
 * Return: the milliseconds left: 0 if it slept the whole time, @msecs if it
 * could not sleep at all.
 */
unsigned long msleep_interruptible(unsigned int msecs)
{
	unsigned long timeout = msecs_to_jiffies(msecs) + 1;

	if (!might_sleep())
		return msecs;
	while (timeout && !signal_pending(current))
		timeout = schedule_timeout_interruptible(timeout);
	return jiffies_to_msecs(timeout);
}
EXPORT_SYMBOL(msleep_interruptible);

/* A timer of mod's: armed from its code, running its code, or in its memory. */
static bool timer_of(struct module *mod, const struct timer_list *t)
{
	return owned_by_module(mod, t->site, t->function) || owned_by_module(mod, NULL, t);
}

static void report_timer(struct module *mod, const struct timer_list *t, const char *state)
{
	char fn[KSYM_NAME_LEN], obj[KSYM_NAME_LEN];

	module_leftover(mod, t->site, "timer %s (function %s) still %s", leftover_symbol(obj, t),
			leftover_symbol(fn, t->function), state);
}

/* What a module left on the timer wheels: timers pending, or running right
 * now on some CPU (include/janus/leftovers.h). */
static unsigned int timer_leftovers(struct module *mod)
{
	unsigned int found = 0;

	for (int cpu = 0; cpu < NR_CPUS; cpu++) {
		struct timer_base *base = &per_cpu(timer_bases, cpu);
		unsigned long flags;

		if (!base->wheel[0].next)
			continue; /* a CPU that never came up */
		spin_lock_irqsave(&base->lock, flags);
		for (int i = 0; i < WHEEL_SIZE; i++) {
			struct timer_list *t;

			list_for_each_entry(t, &base->wheel[i], entry) {
				if (timer_of(mod, t)) {
					report_timer(mod, t, "pending");
					found++;
				}
			}
		}
		if (base->running && timer_of(mod, base->running)) {
			report_timer(mod, base->running, "running");
			found++;
		}
		spin_unlock_irqrestore(&base->lock, flags);
	}
	return found;
}
MODULE_LEFTOVER_CHECK(timer, timer_leftovers);
