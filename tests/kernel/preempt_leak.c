/*
 * KTAP suite `preempt_leak`: a hardirq handler, a softirq, a timer callback and
 * a kthread that return with preempt_count changed are reported and the count
 * is repaired, so the kernel carries on; a handler that turns interrupts on
 * and leaves them on gets a WARN.
 */
#include <kunit/test.h>
#include <linux/delay.h>
#include <linux/interrupt.h>
#include <linux/irq_sim.h>
#include <linux/kthread.h>
#include <linux/timer.h>
#include <janus/nosleep.h>
#include "helpers.h"
#include "softirq_vector.h"

#define LINE IRQ_SIM_BASE

static volatile bool done;
static int dev_cookie;

static irqreturn_t leaky_handler(int irq, void *dev)
{
	(void)irq;
	(void)dev;
	preempt_disable(); /* and never preempt_enable() */
	return IRQ_HANDLED;
}

static irqreturn_t irq_enabling_handler(int irq, void *dev)
{
	(void)irq;
	(void)dev;
	local_irq_enable(); /* and never local_irq_disable() */
	return IRQ_HANDLED;
}

static void leaky_softirq(struct softirq_action *a)
{
	(void)a;
	preempt_disable();
	done = true;
}

static void leaky_timer(struct timer_list *t)
{
	(void)t;
	preempt_disable();
	done = true;
}

static int leaky_kthread(void *data)
{
	(void)data;
	preempt_disable();
	done = true;
	return 0;
}

static void a_leaking_irq_handler_is_reported_and_repaired(struct kunit *test)
{
	unsigned long leaks = nosleep_stats.preempt_leaks;

	KUNIT_ASSERT_EQ(test, request_irq(LINE, leaky_handler, 0, "leaky", &dev_cookie), 0);
	kunit_expect_report(test, "BUG: irq handler leaky leaked preempt count");
	irq_sim_fire(LINE);
	free_irq(LINE, &dev_cookie);
	KUNIT_EXPECT_EQ(test, nosleep_stats.preempt_leaks, leaks + 1);
	KUNIT_EXPECT_EQ(test, preempt_count(), 0);
}

static void a_leaking_softirq_is_reported_and_repaired(struct kunit *test)
{
	unsigned long leaks = nosleep_stats.preempt_leaks;

	done = false;
	open_softirq(SELFTEST_SOFTIRQ, leaky_softirq);
	kunit_expect_report(test, "BUG: softirq SELFTEST leaked preempt count");
	local_bh_disable();
	raise_softirq(SELFTEST_SOFTIRQ);
	local_bh_enable();
	KUNIT_EXPECT_TRUE(test, done);
	KUNIT_EXPECT_EQ(test, nosleep_stats.preempt_leaks, leaks + 1);
	KUNIT_EXPECT_EQ(test, preempt_count(), 0);
}

static void a_leaking_timer_callback_is_reported_and_repaired(struct kunit *test)
{
	unsigned long leaks = nosleep_stats.preempt_leaks;
	struct timer_list t;

	done = false;
	timer_setup(&t, leaky_timer, 0);
	kunit_expect_report(test, "BUG: timer callback leaky_timer leaked preempt count");
	mod_timer(&t, jiffies + 1);
	KUNIT_EXPECT_TRUE(test, wait_until(done, TEST_WAIT_MS));
	del_timer_sync(&t);
	KUNIT_EXPECT_EQ(test, nosleep_stats.preempt_leaks, leaks + 1);
	KUNIT_EXPECT_EQ(test, preempt_count(), 0);
}

static void a_leaking_kthread_is_reported_at_exit(struct kunit *test)
{
	unsigned long atomic_sleeps = nosleep_stats.scheduling_while_atomic, switches;
	unsigned long leaks = nosleep_stats.preempt_leaks;
	unsigned int threads = nr_threads_settled();

	done = false;
	kunit_expect_report(test, "BUG: kthread leaky leaked preempt count");
	KUNIT_ASSERT_FALSE(test, IS_ERR(kthread_run(leaky_kthread, NULL, "leaky")));
	KUNIT_EXPECT_TRUE(test, wait_until(done && nr_threads() == threads, TEST_WAIT_MS));
	KUNIT_EXPECT_EQ(test, nosleep_stats.preempt_leaks, leaks + 1);
	KUNIT_EXPECT_EQ(test, preempt_count(), 0);
	/* And the next task runs normally: it sleeps (the subject, not a wait)
	 * with a real switch and no report. */
	switches = current->nvcsw;
	msleep(10);
	KUNIT_EXPECT_GT(test, current->nvcsw, switches);
	KUNIT_EXPECT_EQ(test, nosleep_stats.scheduling_while_atomic, atomic_sleeps);
}

static void a_handler_leaving_interrupts_on_gets_a_warn(struct kunit *test)
{
	unsigned long before = nosleep_stats.irqs_enabled_leaks, warns = warn_count;

	KUNIT_ASSERT_EQ(test, request_irq(LINE, irq_enabling_handler, 0, "irq-on", &dev_cookie), 0);
	kunit_expect_report(test, "handler irq-on enabled interrupts");
	irq_sim_fire(LINE);
	free_irq(LINE, &dev_cookie);
	KUNIT_EXPECT_EQ(test, nosleep_stats.irqs_enabled_leaks, before + 1);
	KUNIT_EXPECT_EQ(test, warn_count, warns + 1);
}

static struct kunit_case preempt_leak_cases[] = {
	KUNIT_CASE(a_leaking_irq_handler_is_reported_and_repaired),
	KUNIT_CASE(a_leaking_softirq_is_reported_and_repaired),
	KUNIT_CASE(a_leaking_timer_callback_is_reported_and_repaired),
	KUNIT_CASE(a_leaking_kthread_is_reported_at_exit),
	KUNIT_CASE(a_handler_leaving_interrupts_on_gets_a_warn),
	{}
};

static struct kunit_suite preempt_leak_suite = {
	.name = "preempt_leak",
	.test_cases = preempt_leak_cases,
};
kunit_test_suite(preempt_leak_suite);
