/*
 * KTAP suite `scheduling_while_atomic`: schedule() in atomic context is
 * reported and refuses to switch; the primitives that can fail return their
 * failure at once (docs/no-sleep-rules.md).
 */
#include <kunit/test.h>
#include <linux/completion.h>
#include <linux/delay.h>
#include <linux/mutex.h>
#include <linux/semaphore.h>
#include <linux/wait.h>
#include <janus/nosleep.h>
#include "helpers.h"

static DECLARE_WAIT_QUEUE_HEAD(never);

static void schedule_is_reported_and_refuses_to_switch(struct kunit *test)
{
	unsigned long reports = nosleep_stats.scheduling_while_atomic;
	unsigned long switches = current->nvcsw;

	kunit_expect_report(test, "BUG: scheduling while atomic");
	preempt_disable();
	set_current_state(TASK_INTERRUPTIBLE);
	schedule(); /* would sleep forever: nothing will wake us */
	preempt_enable();
	KUNIT_EXPECT_EQ(test, nosleep_stats.scheduling_while_atomic, reports + 1);
	KUNIT_EXPECT_EQ(test, current->nvcsw, switches);
	KUNIT_EXPECT_EQ(test, current->state, (long)TASK_RUNNING);
}

static void with_interrupts_off_too(struct kunit *test)
{
	unsigned long reports = nosleep_stats.scheduling_while_atomic;

	kunit_expect_report(test, "BUG: scheduling while atomic");
	local_irq_disable();
	schedule();
	KUNIT_EXPECT_TRUE(test, irqs_disabled()); /* schedule() did not turn them on */
	local_irq_enable();
	KUNIT_EXPECT_EQ(test, nosleep_stats.scheduling_while_atomic, reports + 1);
}

static void fallible_primitives_fail_at_once(struct kunit *test)
{
	static DEFINE_MUTEX(held);
	static DEFINE_SEMAPHORE(empty, 0);
	struct completion never_done;
	unsigned long sleeps = current->nvcsw, sleep_reports = nosleep_stats.sleep_in_atomic;

	init_completion(&never_done);
	kunit_expect_report(test, "BUG: sleeping function called from invalid context");
	mutex_lock(&held);
	preempt_disable();
	KUNIT_EXPECT_EQ(test, schedule_timeout_interruptible(50), 50l); /* the whole timeout */
	msleep(500);                                                    /* returns at once */
	KUNIT_EXPECT_EQ(test, msleep_interruptible(500), 500ul);
	KUNIT_EXPECT_EQ(test, wait_event_timeout(never, false, 50), 0l);
	KUNIT_EXPECT_EQ(test, wait_event_interruptible(never, false), -ERESTARTSYS);
	KUNIT_EXPECT_EQ(test, wait_event_interruptible_timeout(never, false, 50), 0l);
	KUNIT_EXPECT_EQ(test, wait_for_completion_timeout(&never_done, 50), 0ul);
	KUNIT_EXPECT_EQ(test, wait_for_completion_interruptible(&never_done), -ERESTARTSYS);
	KUNIT_EXPECT_EQ(test, mutex_lock_interruptible(&held), -EINTR);
	KUNIT_EXPECT_EQ(test, down_interruptible(&empty), -EINTR);
	KUNIT_EXPECT_EQ(test, down_timeout(&empty, 50), -ETIME);
	preempt_enable();
	mutex_unlock(&held);
	KUNIT_EXPECT_EQ(test, current->nvcsw, sleeps); /* none of them slept */
	KUNIT_EXPECT_EQ(test, nosleep_stats.sleep_in_atomic, sleep_reports + 11);
}

static struct kunit_case scheduling_while_atomic_cases[] = {
	KUNIT_CASE(schedule_is_reported_and_refuses_to_switch),
	KUNIT_CASE(with_interrupts_off_too),
	KUNIT_CASE(fallible_primitives_fail_at_once),
	{}
};

static struct kunit_suite scheduling_while_atomic_suite = {
	.name = "scheduling_while_atomic",
	.test_cases = scheduling_while_atomic_cases,
};
kunit_test_suite(scheduling_while_atomic_suite);
