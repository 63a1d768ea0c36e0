/*
 * Tasklets: per-CPU lists of tasklet_structs run by TASKLET_SOFTIRQ (and
 * HI_SOFTIRQ). Two state bits do the work:
 *   SCHED  set by tasklet_schedule, cleared just before it runs: scheduling a
 *          tasklet that is already scheduled adds nothing, so it runs once;
 *   RUN    held while it runs: another CPU that finds it set puts the tasklet
 *          back on its list for later, so it never runs twice at once.
 * A disabled tasklet (count > 0) found on the list goes back too.
 */
#include <asm/processor.h>
#include <linux/interrupt.h>
#include <linux/kernel.h>
#include <linux/might_sleep.h>
#include <linux/percpu.h>
#include <linux/sched.h>

struct tasklet_head {
	struct tasklet_struct *head;
	struct tasklet_struct **tail;
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

void tasklet_init(struct tasklet_struct *t, void (*func)(unsigned long), unsigned long data)
{
	*t = (struct tasklet_struct){ .func = func, .data = data };
	atomic_set(&t->count, 0);
}

void tasklet_setup(struct tasklet_struct *t, void (*callback)(struct tasklet_struct *))
{
	*t = (struct tasklet_struct){ .callback = callback, .use_callback = true };
	atomic_set(&t->count, 0);
}

/* Appends to this CPU's list and raises the softirq; interrupts off. */
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
	local_irq_save(flags);
	enqueue(list, t, softirq);
	local_irq_restore(flags);
}

void tasklet_schedule(struct tasklet_struct *t)
{
	schedule_on(this_cpu_ptr(&tasklet_vec), t, TASKLET_SOFTIRQ);
}

void tasklet_hi_schedule(struct tasklet_struct *t)
{
	schedule_on(this_cpu_ptr(&tasklet_hi_vec), t, HI_SOFTIRQ);
}

static void run_list(struct tasklet_head *list, unsigned int softirq)
{
	struct tasklet_struct *t;

	/* Take the whole list; what cannot run now goes back on the new one. */
	local_irq_disable();
	t = list->head;
	list->head = NULL;
	list->tail = &list->head;
	local_irq_enable();

	while (t) {
		struct tasklet_struct *next = t->next;

		if (!test_and_set(&t->state, TASKLET_STATE_RUN)) {
			if (!atomic_read(&t->count)) {
				clear(&t->state, TASKLET_STATE_SCHED);
				if (t->use_callback)
					t->callback(t);
				else
					t->func(t->data);
				clear(&t->state, TASKLET_STATE_RUN);
				t = next;
				continue;
			}
			clear(&t->state, TASKLET_STATE_RUN);
		}
		local_irq_disable(); /* disabled, or running elsewhere: later */
		enqueue(list, t, softirq);
		local_irq_enable();
		t = next;
	}
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

void tasklet_disable_nosync(struct tasklet_struct *t)
{
	atomic_inc(&t->count);
}

void tasklet_disable(struct tasklet_struct *t)
{
	tasklet_disable_nosync(t);
	wait_not_running(t);
}

void tasklet_enable(struct tasklet_struct *t)
{
	atomic_dec(&t->count);
}

void tasklet_kill(struct tasklet_struct *t)
{
	might_sleep();
	while (is_set(&t->state, TASKLET_STATE_SCHED))
		yield(); /* let it run, wherever it is queued */
	wait_not_running(t);
}

void tasklet_init_cpu(int cpu)
{
	per_cpu(tasklet_vec, cpu).tail = &per_cpu(tasklet_vec, cpu).head;
	per_cpu(tasklet_hi_vec, cpu).tail = &per_cpu(tasklet_hi_vec, cpu).head;
}

void tasklet_init_softirqs(void)
{
	tasklet_init_cpu(0);
	open_softirq(TASKLET_SOFTIRQ, tasklet_action);
	open_softirq(HI_SOFTIRQ, tasklet_hi_action);
}
