/* KTAP suite `softirq`: when and where softirqs run (kernel/softirq.c). */
#include <asm/irq.h>
#include <kunit/test.h>
#include <linux/smp.h>
#include <linux/interrupt.h>
#include <linux/irq_sim.h>
#include <linux/sched.h>
#include <linux/seq_file.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/errno.h>
#include "helpers.h"
#include "softirq_vector.h"

#define LINE IRQ_SIM_BASE

static unsigned int runs, raises_in_handler;
static bool ran_before_handler_returned, in_hardirq_when_run, serving, irqs_on;
static struct task_struct *current_when_run;

static void test_action(struct softirq_action *a)
{
	(void)a;
	runs++;
	serving = in_serving_softirq();
	in_hardirq_when_run = in_hardirq();
	irqs_on = !irqs_disabled();
	current_when_run = current;
}

static irqreturn_t raising_handler(int irq, void *dev)
{
	unsigned int before = runs;

	(void)irq;
	(void)dev;
	for (unsigned int i = 0; i < raises_in_handler; i++)
		raise_softirq(SELFTEST_SOFTIRQ);
	ran_before_handler_returned = runs != before;
	return IRQ_HANDLED;
}

static int setup(struct kunit *test)
{
	(void)test;
	runs = 0;
	raises_in_handler = 1;
	open_softirq(SELFTEST_SOFTIRQ, test_action);
	return request_irq(LINE, raising_handler, 0, "softirq-test", &runs);
}

static void teardown(struct kunit *test)
{
	(void)test;
	free_irq(LINE, &runs);
}

static void raised_in_a_hardirq_it_runs_at_irq_exit(struct kunit *test)
{
	unsigned int count = kstat_softirqs_cpu(SELFTEST_SOFTIRQ, smp_processor_id());

	irq_sim_fire(LINE);
	KUNIT_EXPECT_EQ(test, runs, 1u);
	KUNIT_EXPECT_FALSE(test, ran_before_handler_returned);
	KUNIT_EXPECT_TRUE(test, serving);
	KUNIT_EXPECT_FALSE(test, in_hardirq_when_run);
	KUNIT_EXPECT_TRUE(test, irqs_on);
	/* Nobody's task: current is just whoever was interrupted. */
	KUNIT_EXPECT_PTR_EQ(test, current_when_run, current);
	KUNIT_EXPECT_EQ(test, kstat_softirqs_cpu(SELFTEST_SOFTIRQ, smp_processor_id()), count + 1);
	/* This suite's vector only: the tick's TIMER_SOFTIRQ may be pending,
	 * left to a ksoftirqd that has not run yet. */
	KUNIT_EXPECT_EQ(test, local_softirq_pending() & (1u << SELFTEST_SOFTIRQ), 0u);
}

static void raising_it_again_before_it_runs_runs_it_once(struct kunit *test)
{
	raises_in_handler = 3;
	irq_sim_fire(LINE);
	KUNIT_EXPECT_EQ(test, runs, 1u);
}

static void bottom_halves_disabled_defer_it_to_local_bh_enable(struct kunit *test)
{
	local_bh_disable();
	irq_sim_fire(LINE);
	KUNIT_EXPECT_EQ(test, runs, 0u);
	KUNIT_EXPECT_TRUE(test, local_softirq_pending() & (1u << SELFTEST_SOFTIRQ));
	local_bh_enable();
	KUNIT_EXPECT_EQ(test, runs, 1u);
	KUNIT_EXPECT_TRUE(test, serving);
	/* This suite's vector only: the tick's TIMER_SOFTIRQ may be pending,
	 * left to a ksoftirqd that has not run yet. */
	KUNIT_EXPECT_EQ(test, local_softirq_pending() & (1u << SELFTEST_SOFTIRQ), 0u);
}

static void raised_in_a_task_it_runs_at_local_bh_enable(struct kunit *test)
{
	local_bh_disable();
	raise_softirq(SELFTEST_SOFTIRQ);
	KUNIT_EXPECT_EQ(test, runs, 0u);
	local_bh_enable();
	KUNIT_EXPECT_EQ(test, runs, 1u);
}

static unsigned int extra_runs;

static void extra_action(struct softirq_action *a)
{
	(void)a;
	extra_runs++;
}

/* Whether show_softirqs() (/proc/softirqs) has a row named @row. */
static bool listed(struct kunit *test, const char *row)
{
	struct seq_file m = { .size = 2048 };
	bool found;

	m.buf = kzalloc(m.size, GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, m.buf);
	show_softirqs(&m);
	found = strstr(m.buf, row);
	kfree(m.buf);
	return found;
}

/* The self-tests' own vector is not one of the kernel's fixed list but one of
 * the extra vectors softirq_alloc() hands out; here is the other one. */
static void an_extra_vector_is_listed_while_taken_and_runs_like_any(struct kunit *test)
{
	int nr = softirq_alloc("EXTRA_TEST", extra_action), again;

	KUNIT_EXPECT_GE(test, SELFTEST_SOFTIRQ, NR_SOFTIRQS);
	KUNIT_EXPECT_STREQ(test, softirq_to_name[SELFTEST_SOFTIRQ], "SELFTEST");
	KUNIT_ASSERT_GE(test, nr, NR_SOFTIRQS);
	KUNIT_EXPECT_NE(test, nr, SELFTEST_SOFTIRQ);
	KUNIT_EXPECT_TRUE(test, listed(test, "EXTRA_TEST:"));
	KUNIT_EXPECT_TRUE(test, listed(test, "SELFTEST:"));
	KUNIT_EXPECT_EQ(test, softirq_alloc("ONE_TOO_MANY", extra_action), -ENOSPC);

	extra_runs = 0;
	local_bh_disable();
	raise_softirq(nr);
	KUNIT_EXPECT_EQ(test, extra_runs, 0u);
	local_bh_enable();
	KUNIT_EXPECT_EQ(test, extra_runs, 1u);

	softirq_free(nr);
	KUNIT_EXPECT_FALSE(test, listed(test, "EXTRA_TEST:"));
	KUNIT_EXPECT_STREQ(test, softirq_to_name[nr], "?");
	local_bh_disable();
	raise_softirq(nr); /* raised after it was given back: runs nothing */
	local_bh_enable();
	KUNIT_EXPECT_EQ(test, extra_runs, 1u);
	again = softirq_alloc("EXTRA_TEST", extra_action);
	KUNIT_EXPECT_EQ(test, again, nr);
	if (again >= 0)
		softirq_free(again);
}

static struct kunit_case softirq_cases[] = {
	KUNIT_CASE(raised_in_a_hardirq_it_runs_at_irq_exit),
	KUNIT_CASE(raising_it_again_before_it_runs_runs_it_once),
	KUNIT_CASE(bottom_halves_disabled_defer_it_to_local_bh_enable),
	KUNIT_CASE(raised_in_a_task_it_runs_at_local_bh_enable),
	KUNIT_CASE(an_extra_vector_is_listed_while_taken_and_runs_like_any),
	{}
};

static struct kunit_suite softirq_suite = {
	.name = "softirq",
	.init = setup,
	.exit = teardown,
	.test_cases = softirq_cases,
};
kunit_test_suite(softirq_suite);
