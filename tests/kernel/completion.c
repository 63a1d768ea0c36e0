/* KTAP suite `completion`: complete() from a hardirq, complete_all, timeouts (kernel/sched/completion.c). */
#include <kunit/test.h>
#include <linux/completion.h>
#include <linux/interrupt.h>
#include <linux/irq_sim.h>
#include <linux/kthread.h>
#include "helpers.h"

static struct completion c;
static atomic_t passed;

static int wait_then_count(void *data)
{
	(void)data;
	wait_for_completion(&c);
	atomic_inc(&passed);
	sleep_until_kthread_stop();
	return 0;
}

static int setup(struct kunit *test)
{
	(void)test;
	init_completion(&c);
	atomic_set(&passed, 0);
	return 0;
}

static irqreturn_t complete_from_hardirq(int irq, void *dev)
{
	(void)irq;
	complete(dev);
	return IRQ_HANDLED;
}

static void start_waiters(struct kunit *test, struct task_struct **t, int n)
{
	for (int i = 0; i < n; i++) {
		t[i] = kthread_run(wait_then_count, NULL, "waiter-%d", i);
		KUNIT_ASSERT_FALSE(test, IS_ERR(t[i]));
	}
	for (int i = 0; i < n; i++)
		KUNIT_ASSERT_TRUE(test, wait_until_asleep(t[i], TASK_UNINTERRUPTIBLE));
}

static void stop_waiters(struct task_struct **t, int n)
{
	for (int i = 0; i < n; i++)
		kthread_stop(t[i]);
}

static void complete_from_a_hardirq_wakes_the_waiter(struct kunit *test)
{
	struct task_struct *t;

	KUNIT_ASSERT_EQ(test, request_irq(IRQ_SIM_BASE, complete_from_hardirq, 0, "done", &c), 0);
	start_waiters(test, &t, 1);
	KUNIT_EXPECT_EQ(test, atomic_read(&passed), 0);
	irq_sim_fire(IRQ_SIM_BASE);
	KUNIT_EXPECT_TRUE(test, wait_until(atomic_read(&passed) == 1, TEST_WAIT_MS));
	free_irq(IRQ_SIM_BASE, &c);
	stop_waiters(&t, 1);
}

static void each_complete_lets_one_waiter_through(struct kunit *test)
{
	struct task_struct *t[3];

	start_waiters(test, t, 3);
	complete(&c);
	KUNIT_EXPECT_TRUE(test, wait_until(atomic_read(&passed) >= 1 && tasks_settled(t, 3),
					   TEST_WAIT_MS));
	KUNIT_EXPECT_EQ(test, atomic_read(&passed), 1);
	KUNIT_EXPECT_EQ(test, c.done, 0u);
	complete(&c);
	complete(&c);
	KUNIT_EXPECT_TRUE(test, wait_until(atomic_read(&passed) == 3, TEST_WAIT_MS));
	stop_waiters(t, 3);
}

static void complete_all_lets_everyone_through_now_and_later(struct kunit *test)
{
	struct task_struct *t[3];

	start_waiters(test, t, 3);
	complete_all(&c);
	KUNIT_EXPECT_TRUE(test, wait_until(atomic_read(&passed) == 3, TEST_WAIT_MS));
	wait_for_completion(&c); /* and whoever comes later */
	KUNIT_EXPECT_TRUE(test, completion_done(&c));
	stop_waiters(t, 3);
}

static void timeouts_and_try(struct kunit *test)
{
	unsigned long start = jiffies;

	KUNIT_EXPECT_EQ(test, wait_for_completion_timeout(&c, 4), 0ul);
	KUNIT_EXPECT_GE(test, jiffies - start, 4ul);
	KUNIT_EXPECT_FALSE(test, try_wait_for_completion(&c));
	complete(&c);
	KUNIT_EXPECT_EQ(test, wait_for_completion_timeout(&c, 4), 4ul);
	complete(&c);
	KUNIT_EXPECT_TRUE(test, try_wait_for_completion(&c));
	KUNIT_EXPECT_FALSE(test, completion_done(&c));
}

static struct kunit_case completion_cases[] = {
	KUNIT_CASE(complete_from_a_hardirq_wakes_the_waiter),
	KUNIT_CASE(each_complete_lets_one_waiter_through),
	KUNIT_CASE(complete_all_lets_everyone_through_now_and_later),
	KUNIT_CASE(timeouts_and_try),
	{}
};

static struct kunit_suite completion_suite = {
	.name = "completion",
	.init = setup,
	.test_cases = completion_cases,
};
kunit_test_suite(completion_suite);
