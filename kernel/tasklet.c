/*
 * Tasklets: per-CPU lists of tasklet_structs run by TASKLET_SOFTIRQ (and
 * HI_SOFTIRQ). Two state bits do the work:
 *   SCHED  set by tasklet_schedule, cleared just before it runs: scheduling a
 *          tasklet that is already scheduled adds nothing, so it runs once;
 *   RUN    held while it runs: another CPU that finds it set puts the tasklet
 *          back on its list for later, so it never runs twice at once.
 * A disabled tasklet (count > 0) found on the list goes back too.
 * Each list has a lock, so that a module's unload can ask every CPU which
 * of its tasklets are still queued or running (tasklet_leftovers).
 */
#include <asm/processor.h>
#include <linux/init.h>
#include <linux/export.h>
#include <linux/interrupt.h>
#include <linux/kallsyms.h>
#include <linux/kernel.h>
#include <linux/might_sleep.h>
#include <linux/percpu.h>
#include <linux/sched.h>
#include <linux/spinlock.h>
#include <janus/leftovers.h>
#include <trace/events/irq.h>

struct tasklet_head {
	spinlock_t lock;
	struct tasklet_struct *head;
	struct tasklet_struct **tail;
	struct tasklet_struct *in_hand; /* taken off by run_list, not yet run */
	struct tasklet_struct *running; /* run_list's, right now */
};

DEFINE_PER_CPU(struct tasklet_head, tasklet_vec);
DEFINE_PER_CPU(struct tasklet_head, tasklet_hi_vec);

static bool test_and_set(unsigned long *word, int bit)
{
	return __atomic_fetch_or(word, 1ul << bit, __ATOMIC_SEQ_CST) & (1ul << bit);
}

static void clear(unsigned long *word, int bit)
{
	__atomic_and_fetch(word, ~(1ul << bit), __ATOMIC_SEQ_CST);
}

static bool is_set(unsigned long *word, int bit)
{
	return __atomic_load_n(word, __ATOMIC_SEQ_CST) & (1ul << bit);
}

/**
 * tasklet_init() - Initialise a tasklet with an old-style function and data (enabled, not scheduled).
 * @t:    the tasklet
 * @func: runs in softirq context (must not sleep), given @data
 * @data: passed to @func
 *
 * New code uses tasklet_setup().
 *
 * Context: any context; does not sleep.
 */
void tasklet_init(struct tasklet_struct *t, void (*func)(unsigned long), unsigned long data)
{
	*t = (struct tasklet_struct){ .func = func, .data = data };
	atomic_set(&t->count, 0);
}
EXPORT_SYMBOL(tasklet_init);

/**
 * tasklet_setup() - Initialise a tasklet with its callback (enabled, not scheduled).
 * @t:        the tasklet
 * @callback: runs in softirq context (must not sleep), given @t; from_tasklet()
 *            finds the structure around it
 *
 * Context: any context; does not sleep.
 */
void tasklet_setup(struct tasklet_struct *t, void (*callback)(struct tasklet_struct *))
{
	*t = (struct tasklet_struct){ .callback = callback, .use_callback = true };
	atomic_set(&t->count, 0);
}
EXPORT_SYMBOL(tasklet_setup);

/* Appends to this CPU's list and raises the softirq; its lock held, interrupts off. */
static void enqueue(struct tasklet_head *list, struct tasklet_struct *t, unsigned int softirq)
{
	t->next = NULL;
	*list->tail = t;
	list->tail = &t->next;
	raise_softirq_irqoff(softirq);
}

static void schedule_on(struct tasklet_head *list, struct tasklet_struct *t, unsigned int softirq)
{
	unsigned long flags;

	if (test_and_set(&t->state, TASKLET_STATE_SCHED))
		return; /* already on a list: it will run once */
	spin_lock_irqsave(&list->lock, flags);
	enqueue(list, t, softirq);
	spin_unlock_irqrestore(&list->lock, flags);
}

/**
 * tasklet_schedule() - Queue a tasklet to run on this CPU in TASKLET_SOFTIRQ.
 * @t: the tasklet
 *
 * Scheduling a tasklet already scheduled adds nothing: it runs once. It
 * never runs on two CPUs at once, and not while disabled.
 *
 * Context: any context, a hardirq handler included (its usual caller);
 * does not sleep.
 */
void tasklet_schedule(struct tasklet_struct *t)
{
	schedule_on(this_cpu_ptr(&tasklet_vec), t, TASKLET_SOFTIRQ);
}
EXPORT_SYMBOL(tasklet_schedule);

/**
 * tasklet_hi_schedule() - Queue a tasklet to run on this CPU in HI_SOFTIRQ, before all others.
 * @t: the tasklet
 *
 * Context: any context, a hardirq handler included; does not sleep.
 */
void tasklet_hi_schedule(struct tasklet_struct *t)
{
	schedule_on(this_cpu_ptr(&tasklet_hi_vec), t, HI_SOFTIRQ);
}
EXPORT_SYMBOL(tasklet_hi_schedule);

static void run_one(struct tasklet_struct *t)
{
	void *fn = t->use_callback ? (void *)t->callback : (void *)t->func;

	trace_tasklet_entry(t, fn);
	if (t->use_callback)
		t->callback(t);
	else
		t->func(t->data);
	trace_tasklet_exit(t, fn);
}

static void run_list(struct tasklet_head *list, unsigned int softirq)
{
	struct tasklet_struct *t;

	/* Take the whole list; what cannot run now goes back on the new one. */
	spin_lock_irq(&list->lock);
	list->in_hand = list->head;
	list->head = NULL;
	list->tail = &list->head;
	while ((t = list->in_hand)) {
		list->in_hand = t->next;
		if (!test_and_set(&t->state, TASKLET_STATE_RUN)) {
			if (!atomic_read(&t->count)) {
				clear(&t->state, TASKLET_STATE_SCHED);
				list->running = t;
				spin_unlock_irq(&list->lock);
				run_one(t);
				spin_lock_irq(&list->lock);
				list->running = NULL;
				clear(&t->state, TASKLET_STATE_RUN); /* its owner may free it now */
				continue;
			}
			clear(&t->state, TASKLET_STATE_RUN);
		}
		enqueue(list, t, softirq); /* disabled, or running elsewhere: later */
	}
	spin_unlock_irq(&list->lock);
}

static void tasklet_action(struct softirq_action *a)
{
	(void)a;
	run_list(this_cpu_ptr(&tasklet_vec), TASKLET_SOFTIRQ);
}

static void tasklet_hi_action(struct softirq_action *a)
{
	(void)a;
	run_list(this_cpu_ptr(&tasklet_hi_vec), HI_SOFTIRQ);
}

static void wait_not_running(struct tasklet_struct *t)
{
	while (is_set(&t->state, TASKLET_STATE_RUN))
		cpu_relax();
}

/**
 * tasklet_disable_nosync() - Keep a tasklet from running; does not wait if it runs now. Nests.
 * @t: the tasklet
 *
 * A scheduled tasklet stays queued and runs after tasklet_enable().
 *
 * Context: any context; does not sleep.
 */
void tasklet_disable_nosync(struct tasklet_struct *t)
{
	atomic_inc(&t->count);
}
EXPORT_SYMBOL(tasklet_disable_nosync);

/**
 * tasklet_disable() - Keep a tasklet from running, and wait (spinning) until it is not running.
 * @t: the tasklet
 *
 * Context: process or softirq context; does not sleep (it spins). Never
 * from the tasklet itself, nor from a hardirq handler that may have
 * interrupted it on this CPU: either would wait for itself forever.
 */
void tasklet_disable(struct tasklet_struct *t)
{
	tasklet_disable_nosync(t);
	wait_not_running(t);
}
EXPORT_SYMBOL(tasklet_disable);

/**
 * tasklet_enable() - Undo one tasklet_disable().
 * @t: the tasklet
 *
 * Context: any context; does not sleep.
 */
void tasklet_enable(struct tasklet_struct *t)
{
	atomic_dec(&t->count);
}
EXPORT_SYMBOL(tasklet_enable);

/**
 * tasklet_kill() - Wait until a tasklet is neither scheduled nor running.
 * @t: the tasklet
 *
 * What to call before freeing a tasklet; it must not be rescheduled by
 * anyone meanwhile.
 *
 * Context: process context only; may sleep (it yields while the tasklet is
 * queued). might_sleep() reports a call from atomic context.
 */
void tasklet_kill(struct tasklet_struct *t)
{
	might_sleep();
	while (is_set(&t->state, TASKLET_STATE_SCHED))
		yield(); /* let it run, wherever it is queued */
	wait_not_running(t);
}
EXPORT_SYMBOL(tasklet_kill);

/**
 * tasklet_init_cpu() - Set up @cpu's two tasklet lists, empty.
 * @cpu: the CPU
 *
 * Context: boot, before @cpu schedules tasklets; does not sleep.
 */
void tasklet_init_cpu(int cpu)
{
	spin_lock_init(&per_cpu(tasklet_vec, cpu).lock);
	spin_lock_init(&per_cpu(tasklet_hi_vec, cpu).lock);
	per_cpu(tasklet_vec, cpu).tail = &per_cpu(tasklet_vec, cpu).head;
	per_cpu(tasklet_hi_vec, cpu).tail = &per_cpu(tasklet_hi_vec, cpu).head;
}

/**
 * tasklet_init_softirqs() - Set up the boot CPU's tasklet lists and register TASKLET_SOFTIRQ and HI_SOFTIRQ.
 *
 * Context: early boot; does not sleep.
 */
void __init tasklet_init_softirqs(void)
{
	tasklet_init_cpu(0);
	open_softirq(TASKLET_SOFTIRQ, tasklet_action);
	open_softirq(HI_SOFTIRQ, tasklet_hi_action);
}

static bool tasklet_of(struct module *mod, const struct tasklet_struct *t)
{
	void *fn = t->use_callback ? (void *)t->callback : (void *)t->func;

	return owned_by_module(mod, NULL, t) || owned_by_module(mod, NULL, fn);
}

static void report_tasklet(struct module *mod, const struct tasklet_struct *t, const char *state)
{
	char fn[KSYM_NAME_LEN], obj[KSYM_NAME_LEN];

	module_leftover(mod, NULL, "tasklet %s (function %s) still %s%s", leftover_symbol(obj, t),
			leftover_symbol(fn, t->use_callback ? (void *)t->callback : (void *)t->func),
			state, atomic_read(&t->count) ? ", disabled" : "");
}

/* One CPU's list of mod's tasklets: queued (or taken off to run), or running. */
static unsigned int list_leftovers(struct module *mod, struct tasklet_head *list)
{
	struct tasklet_struct *chains[2];
	unsigned int found = 0;
	unsigned long flags;

	spin_lock_irqsave(&list->lock, flags);
	chains[0] = list->head;
	chains[1] = list->in_hand;
	for (unsigned int i = 0; i < ARRAY_SIZE(chains); i++) {
		for (struct tasklet_struct *t = chains[i]; t; t = t->next) {
			if (tasklet_of(mod, t)) {
				report_tasklet(mod, t, "scheduled");
				found++;
			}
		}
	}
	if (list->running && tasklet_of(mod, list->running)) {
		report_tasklet(mod, list->running, "running");
		found++;
	}
	spin_unlock_irqrestore(&list->lock, flags);
	return found;
}

/* What a module left in the tasklet lists: tasklets scheduled (a forgotten
 * tasklet_kill) or running right now (include/janus/leftovers.h). */
static unsigned int tasklet_leftovers(struct module *mod)
{
	unsigned int found = 0;
	int cpu;

	for_each_online_cpu(cpu) {
		found += list_leftovers(mod, &per_cpu(tasklet_hi_vec, cpu));
		found += list_leftovers(mod, &per_cpu(tasklet_vec, cpu));
	}
	return found;
}
MODULE_LEFTOVER_CHECK(tasklet, tasklet_leftovers);
