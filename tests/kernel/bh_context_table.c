/*
 * KTAP suite `bh_context_table`: for each deferral mechanism, where its
 * function really runs: in_interrupt(), in_softirq(), in_task(), whether
 * sleeping is allowed there, and which task `current` is. Printed as a table,
 * the one in docs/bottom-halves.md.
 */
#include <kunit/test.h>
#include <linux/smp.h>
#include <linux/sprintf.h>
#include <linux/completion.h>
#include <linux/delay.h>
#include <linux/interrupt.h>
#include <linux/irq_sim.h>
#include <linux/kthread.h>
#include <linux/sched.h>
#include <linux/timer.h>
#include <linux/workqueue.h>
#include "helpers.h"
#include "softirq_vector.h"

#define LINE IRQ_SIM_BASE

enum mech { HARDIRQ, SOFTIRQ, KSOFTIRQD, TASKLET, TIMER, WORKQUEUE, IRQ_THREAD, KTHREAD, NR_MECH };

static const char *const mech_names[NR_MECH] = {
	"hardirq handler", "softirq (irq_exit)", "softirq (ksoftirqd)", "tasklet",
	"timer callback", "workqueue item", "threaded irq", "woken kthread",
};

struct seen {
	bool ran, interrupt, softirq, task, may_sleep;
	char comm[TASK_COMM_LEN];
};

static struct seen seen[NR_MECH];
static enum mech which;

static void record(enum mech m)
{
	struct seen *s = &seen[m];

	s->interrupt = in_interrupt();
	s->softirq = in_softirq();
	s->task = in_task();
	s->may_sleep = !preempt_count() && !irqs_disabled();
	strscpy(s->comm, current->comm, sizeof(s->comm));
	s->ran = true;
}

static void softirq_fn(struct softirq_action *a)
{
	(void)a;
	record(which);
}

static void tasklet_fn(struct tasklet_struct *t)
{
	(void)t;
	record(TASKLET);
}

static DECLARE_TASKLET(probe_tasklet, tasklet_fn);

static void timer_fn(struct timer_list *t)
{
	(void)t;
	record(TIMER);
}

static void work_fn(struct work_struct *w)
{
	(void)w;
	record(WORKQUEUE);
}

static DECLARE_WORK(probe_work, work_fn);

static irqreturn_t thread_fn(int irq, void *dev)
{
	(void)irq;
	(void)dev;
	record(IRQ_THREAD);
	return IRQ_HANDLED;
}

static irqreturn_t hard_fn(int irq, void *dev)
{
	(void)irq;
	(void)dev;
	record(HARDIRQ);
	if (which == SOFTIRQ)
		raise_softirq(SELFTEST_SOFTIRQ);
	else if (which == TASKLET)
		tasklet_schedule(&probe_tasklet);
	else if (which == WORKQUEUE)
		schedule_work(&probe_work);
	return which == IRQ_THREAD ? IRQ_WAKE_THREAD : IRQ_HANDLED;
}

static struct completion kthread_go;

static int kthread_fn(void *data)
{
	(void)data;
	wait_for_completion(&kthread_go);
	record(KTHREAD);
	sleep_until_kthread_stop();
	return 0;
}

static int setup(struct kunit_suite *suite)
{
	(void)suite;
	open_softirq(SELFTEST_SOFTIRQ, softirq_fn);
	return request_threaded_irq(LINE, hard_fn, thread_fn, 0, "ctx", seen);
}

/* The table itself: a printout for the reader, after the cases checked it. */
static void print_the_table(void)
{
	pr_info("%-20s %-12s %-10s %-7s %-9s %s\n", "mechanism", "in_interrupt", "in_softirq",
		"in_task", "may sleep", "current");
	for (int m = 0; m < NR_MECH; m++)
		pr_info("%-20s %-12d %-10d %-7d %-9s %s\n", mech_names[m], seen[m].interrupt,
			seen[m].softirq, seen[m].task, seen[m].may_sleep ? "yes" : "no",
			seen[m].comm);
}

static void teardown(struct kunit_suite *suite)
{
	(void)suite;
	free_irq(LINE, seen);
	print_the_table();
}

static void run(enum mech m)
{
	struct timer_list t;
	struct task_struct *k;

	which = m;
	switch (m) {
	case KSOFTIRQD:
		raise_softirq(SELFTEST_SOFTIRQ); /* from a task: ksoftirqd's job */
		break;
	case TIMER:
		timer_setup(&t, timer_fn, 0);
		mod_timer(&t, jiffies + 1);
		wait_until(seen[TIMER].ran, TEST_WAIT_MS);
		del_timer_sync(&t);
		break;
	case KTHREAD:
		init_completion(&kthread_go);
		k = kthread_run(kthread_fn, NULL, "woken");
		wait_until(task_asleep(k, TASK_UNINTERRUPTIBLE), TEST_WAIT_MS); /* it waits to be woken */
		complete(&kthread_go);
		wait_until(seen[KTHREAD].ran, TEST_WAIT_MS);
		kthread_stop(k);
		break;
	default:
		irq_sim_fire(LINE);
		break;
	}
	wait_until(seen[m].ran, TEST_WAIT_MS);
}

/* Expected: in_interrupt, in_softirq, in_task, may sleep, the comm of current. */
static void expect(struct kunit *test, enum mech m, bool intr, bool soft, bool task, bool sleep,
		   const char *comm_prefix)
{
	run(m);
	KUNIT_ASSERT_TRUE(test, seen[m].ran);
	KUNIT_EXPECT_EQ(test, seen[m].interrupt, intr);
	KUNIT_EXPECT_EQ(test, seen[m].softirq, soft);
	KUNIT_EXPECT_EQ(test, seen[m].task, task);
	KUNIT_EXPECT_EQ(test, seen[m].may_sleep, sleep);
	KUNIT_EXPECT_EQ(test, strncmp(seen[m].comm, comm_prefix, strlen(comm_prefix)), 0);
}

static void hardirq_handler(struct kunit *test) { expect(test, HARDIRQ, 1, 0, 0, 0, "init"); }
static void softirq_from_irq_exit(struct kunit *test) { expect(test, SOFTIRQ, 1, 1, 0, 0, "init"); }
static void softirq_in_ksoftirqd(struct kunit *test)
{
	char comm[TASK_COMM_LEN];

	snprintf(comm, sizeof(comm), "ksoftirqd/%d", smp_processor_id());
	expect(test, KSOFTIRQD, 1, 1, 0, 0, comm);
}

static void tasklet(struct kunit *test) { expect(test, TASKLET, 1, 1, 0, 0, "init"); }
static void timer_callback(struct kunit *test) { expect(test, TIMER, 1, 1, 0, 0, "init"); }
static void workqueue_item(struct kunit *test)
{
	char comm[TASK_COMM_LEN];

	snprintf(comm, sizeof(comm), "kworker/%d:", smp_processor_id());
	expect(test, WORKQUEUE, 0, 0, 1, 1, comm);
}

static void threaded_irq(struct kunit *test) { expect(test, IRQ_THREAD, 0, 0, 1, 1, "irq/32-ctx"); }
static void woken_kthread(struct kunit *test) { expect(test, KTHREAD, 0, 0, 1, 1, "woken"); }


static struct kunit_case bh_context_table_cases[] = {
	KUNIT_CASE(hardirq_handler),
	KUNIT_CASE(softirq_from_irq_exit),
	KUNIT_CASE(softirq_in_ksoftirqd),
	KUNIT_CASE(tasklet),
	KUNIT_CASE(timer_callback),
	KUNIT_CASE(workqueue_item),
	KUNIT_CASE(threaded_irq),
	KUNIT_CASE(woken_kthread),
	{}
};

static struct kunit_suite bh_context_table_suite = {
	.name = "bh_context_table",
	.suite_init = setup,
	.suite_exit = teardown,
	.test_cases = bh_context_table_cases,
};
kunit_test_suite(bh_context_table_suite);
