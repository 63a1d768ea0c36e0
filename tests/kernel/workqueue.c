/*
 * KTAP suite `workqueue`: items run in a kworker, in process context, and may
 * sleep; requeueing a pending item returns false; delayed work waits at least
 * its delay; flush and cancel semantics (kernel/workqueue.c).
 */
#include <kunit/test.h>
#include <linux/smp.h>
#include <linux/delay.h>
#include <linux/interrupt.h>
#include <linux/irq_sim.h>
#include <linux/sched.h>
#include <linux/wait.h>
#include <linux/workqueue.h>
#include <janus/nosleep.h>
#include "helpers.h"

struct probe {
	struct work_struct work;
	struct delayed_work dwork;
	unsigned int runs;
	bool in_task;
	char comm[TASK_COMM_LEN];
	unsigned long ran_at;
	unsigned int sleep_ms;
	volatile bool running;
	bool hold;                     /* run until cancelling, then sleep_ms more */
	bool cancelling;
	struct wait_queue_head cancel_wq;
};

static struct probe p;

static void probe_fn(struct work_struct *work)
{
	p.running = true;
	p.in_task = in_task();
	strscpy(p.comm, current->comm, sizeof(p.comm));
	p.ran_at = jiffies;
	if (p.hold) /* the cancel must come while this runs (5 s at most) */
		wait_event_timeout(p.cancel_wq, READ_ONCE(p.cancelling), 5 * HZ);
	if (p.sleep_ms)
		msleep(p.sleep_ms); /* allowed: this is process context */
	p.runs++;
	p.running = false;
	(void)work;
}

static int setup(struct kunit *test)
{
	(void)test;
	p = (struct probe){ 0 };
	INIT_WORK(&p.work, probe_fn);
	INIT_DELAYED_WORK(&p.dwork, probe_fn);
	init_waitqueue_head(&p.cancel_wq);
	return 0;
}

static void an_item_runs_in_a_kworker_in_process_context(struct kunit *test)
{
	unsigned long reports = nosleep_reports();

	p.sleep_ms = 10;
	KUNIT_EXPECT_TRUE(test, schedule_work(&p.work));
	KUNIT_EXPECT_TRUE(test, flush_work(&p.work));
	KUNIT_EXPECT_EQ(test, p.runs, 1u);
	KUNIT_EXPECT_TRUE(test, p.in_task);
	KUNIT_EXPECT_EQ(test, strncmp(p.comm, "kworker/", 8), 0);
	KUNIT_EXPECT_EQ(test, p.comm[8] - '0', smp_processor_id()); /* this CPU's kworker */
	KUNIT_EXPECT_EQ(test, nosleep_reports(), reports); /* its msleep was fine */
}

static void queueing_a_pending_item_again_returns_false(struct kunit *test)
{
	local_bh_disable(); /* keep the worker from starting before the second call */
	preempt_disable();
	KUNIT_EXPECT_TRUE(test, schedule_work(&p.work));
	KUNIT_EXPECT_FALSE(test, schedule_work(&p.work));
	KUNIT_EXPECT_TRUE(test, work_pending(&p.work));
	preempt_enable();
	local_bh_enable();
	flush_work(&p.work);
	KUNIT_EXPECT_EQ(test, p.runs, 1u);
	KUNIT_EXPECT_FALSE(test, work_pending(&p.work));
}

static irqreturn_t queue_from_hardirq(int irq, void *dev)
{
	(void)irq;
	schedule_work(dev);
	return IRQ_HANDLED;
}

static void an_item_queued_from_a_hardirq_runs_in_process_context(struct kunit *test)
{
	KUNIT_ASSERT_EQ(test, request_irq(IRQ_SIM_BASE, queue_from_hardirq, 0, "wq-test", &p.work), 0);
	irq_sim_fire(IRQ_SIM_BASE);
	free_irq(IRQ_SIM_BASE, &p.work);
	flush_work(&p.work);
	KUNIT_EXPECT_EQ(test, p.runs, 1u);
	KUNIT_EXPECT_TRUE(test, p.in_task);
}

static void delayed_work_waits_at_least_its_delay(struct kunit *test)
{
	unsigned long start = jiffies;

	KUNIT_EXPECT_TRUE(test, schedule_delayed_work(&p.dwork, 5));
	KUNIT_EXPECT_FALSE(test, schedule_delayed_work(&p.dwork, 5));
	KUNIT_EXPECT_TRUE(test, wait_until(p.runs == 1, TEST_WAIT_MS));
	KUNIT_EXPECT_TRUE(test, time_after_eq(p.ran_at, start + 5));
}

static void cancel_delayed_work_sync_stops_it_before_it_runs(struct kunit *test)
{
	unsigned long due = jiffies + 10;

	schedule_delayed_work(&p.dwork, 10);
	KUNIT_EXPECT_TRUE(test, cancel_delayed_work_sync(&p.dwork));
	KUNIT_EXPECT_FALSE(test, timer_pending(&p.dwork.timer));
	/* Past its time on its own clock, and whatever it queued run: never it. */
	KUNIT_EXPECT_TRUE(test, wait_until(time_after(jiffies, due + 1), TEST_WAIT_MS));
	flush_work(&p.dwork.work);
	KUNIT_EXPECT_EQ(test, p.runs, 0u);
	KUNIT_EXPECT_FALSE(test, cancel_delayed_work_sync(&p.dwork));
}

/* The item runs until the test says it cancels, then 50 ms more: a test
 * thread held back longer than the item ran must still find it running. */
static void cancel_work_sync_waits_for_a_running_item(struct kunit *test)
{
	p.sleep_ms = 50;
	p.hold = true;
	schedule_work(&p.work);
	KUNIT_ASSERT_TRUE(test, wait_until(p.running, TEST_WAIT_MS));
	WRITE_ONCE(p.cancelling, true);
	wake_up(&p.cancel_wq);
	KUNIT_EXPECT_FALSE(test, cancel_work_sync(&p.work)); /* not pending: running */
	KUNIT_EXPECT_FALSE(test, p.running);                 /* but waited for */
	KUNIT_EXPECT_EQ(test, p.runs, 1u);
}

static void flush_workqueue_waits_for_everything_queued(struct kunit *test)
{
	struct workqueue_struct *wq = alloc_workqueue("test_wq", 0, 1);

	KUNIT_ASSERT_NOT_NULL(test, wq);
	p.sleep_ms = 20;
	KUNIT_EXPECT_TRUE(test, queue_work(wq, &p.work));
	flush_workqueue(wq);
	KUNIT_EXPECT_EQ(test, p.runs, 1u);
	destroy_workqueue(wq);
}

static struct kunit_case workqueue_cases[] = {
	KUNIT_CASE(an_item_runs_in_a_kworker_in_process_context),
	KUNIT_CASE(queueing_a_pending_item_again_returns_false),
	KUNIT_CASE(an_item_queued_from_a_hardirq_runs_in_process_context),
	KUNIT_CASE(delayed_work_waits_at_least_its_delay),
	KUNIT_CASE(cancel_delayed_work_sync_stops_it_before_it_runs),
	KUNIT_CASE(cancel_work_sync_waits_for_a_running_item),
	KUNIT_CASE(flush_workqueue_waits_for_everything_queued),
	{}
};

static struct kunit_suite workqueue_suite = {
	.name = "workqueue",
	.init = setup,
	.test_cases = workqueue_cases,
};
kunit_test_suite(workqueue_suite);
