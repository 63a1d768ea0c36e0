/* KTAP suite `completion`: complete() from a hardirq, complete_all, timeouts (kernel/sched/completion.c). */
#include <kunit/test.h>
#include <linux/completion.h>
#include <linux/delay.h>
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
	while (!kthread_should_stop())
		msleep(5);
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

static void complete_from_a_hardirq_wakes_the_waiter(struct kunit *test)
{
	struct task_struct *t = kthread_run(wait_then_count, NULL, "waiter");

	KUNIT_ASSERT_EQ(test, request_irq(IRQ_SIM_BASE, complete_from_hardirq, 0, "done", &c), 0);
	msleep(20);
	KUNIT_EXPECT_EQ(test, t->state, (long)TASK_UNINTERRUPTIBLE);
	irq_sim_fire(IRQ_SIM_BASE);
	KUNIT_EXPECT_TRUE(test, wait_until(atomic_read(&passed) == 1, 1000));
	free_irq(IRQ_SIM_BASE, &c);
	kthread_stop(t);
}

static void each_complete_lets_one_waiter_through(struct kunit *test)
{
	struct task_struct *t[3];

	for (int i = 0; i < 3; i++)
		t[i] = kthread_run(wait_then_count, NULL, "waiter-%d", i);
	msleep(20);
	complete(&c);
	msleep(20);
	KUNIT_EXPECT_EQ(test, atomic_read(&passed), 1);
	complete(&c);
	complete(&c);
	KUNIT_EXPECT_TRUE(test, wait_until(atomic_read(&passed) == 3, 1000));
	for (int i = 0; i < 3; i++)
		kthread_stop(t[i]);
}

static void complete_all_lets_everyone_through_now_and_later(struct kunit *test)
{
	struct task_struct *t[3];

	for (int i = 0; i < 3; i++)
		t[i] = kthread_run(wait_then_count, NULL, "waiter-%d", i);
	msleep(20);
	complete_all(&c);
	KUNIT_EXPECT_TRUE(test, wait_until(atomic_read(&passed) == 3, 1000));
	wait_for_completion(&c); /* and whoever comes later */
	KUNIT_EXPECT_TRUE(test, completion_done(&c));
	for (int i = 0; i < 3; i++)
		kthread_stop(t[i]);
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
