/*
 * KTAP suite `ksoftirqd`: a softirq that keeps raising itself hits
 * __do_softirq's restart limit; ksoftirqd/0 runs the rest in process context
 * (kernel/softirq.c). Nothing is lost: every raise is counted.
 */
#include <kunit/test.h>
#include <linux/smp.h>
#include <linux/sprintf.h>
#include <linux/interrupt.h>
#include <linux/irq_sim.h>
#include <linux/sched.h>
#include <linux/seq_file.h>
#include <linux/slab.h>
#include "helpers.h"
#include "softirq_vector.h"

#define LINE IRQ_SIM_BASE
#define FLOOD 5000

static unsigned int runs, runs_in_ksoftirqd, runs_in_irq_exit, raised;
static bool task_context_seen, serving_seen = true;

static void flood_action(struct softirq_action *a)
{
	(void)a;
	runs++;
	if (current == this_cpu_read(ksoftirqd)) {
		runs_in_ksoftirqd++;
		task_context_seen |= !in_hardirq() && (current->flags & PF_KTHREAD);
	} else if (!runs_in_ksoftirqd) {
		runs_in_irq_exit++;
	}
	serving_seen &= !!in_serving_softirq();
	if (raised < FLOOD) {
		raised++;
		raise_softirq(SELFTEST_SOFTIRQ); /* again and again */
	}
}

static irqreturn_t start_flood(int irq, void *dev)
{
	(void)irq;
	(void)dev;
	raised = 1;
	raise_softirq(SELFTEST_SOFTIRQ);
	return IRQ_HANDLED;
}

static void a_flood_is_handed_to_ksoftirqd_and_nothing_is_lost(struct kunit *test)
{
	int cpu = smp_processor_id(); /* irq_sim_fire() interrupts this CPU */
	unsigned int handoffs = softirq_handoffs_cpu(cpu);

	open_softirq(SELFTEST_SOFTIRQ, flood_action);
	KUNIT_ASSERT_EQ(test, request_irq(LINE, start_flood, 0, "flood", &runs), 0);
	irq_sim_fire(LINE);
	/* irq_exit ran the first rounds and stopped at the limit ... */
	KUNIT_EXPECT_LE(test, runs_in_irq_exit, 10u);
	KUNIT_EXPECT_GE(test, softirq_handoffs_cpu(cpu), handoffs + 1);
	/* ... ksoftirqd does the rest while we wait. */
	KUNIT_EXPECT_TRUE(test, wait_until(runs == FLOOD, TEST_WAIT_MS));
	free_irq(LINE, &runs);
	KUNIT_EXPECT_EQ(test, runs, (unsigned int)FLOOD);
	KUNIT_EXPECT_EQ(test, raised, (unsigned int)FLOOD);
	KUNIT_EXPECT_GT(test, runs_in_ksoftirqd, FLOOD / 2u);
	KUNIT_EXPECT_TRUE(test, task_context_seen);
	KUNIT_EXPECT_TRUE(test, serving_seen); /* still softirq context inside ksoftirqd */
	/* This suite's vector only: the tick's TIMER_SOFTIRQ may be pending,
	 * left to a ksoftirqd that has not run yet. */
	KUNIT_EXPECT_EQ(test, local_softirq_pending() & (1u << SELFTEST_SOFTIRQ), 0u);
}

static unsigned int from_task_runs;
static struct task_struct *from_task_runner;

static void from_task_action(struct softirq_action *a)
{
	(void)a;
	from_task_runs++;
	from_task_runner = current;
}

static void raised_from_a_task_it_runs_in_ksoftirqd(struct kunit *test)
{
	open_softirq(SELFTEST_SOFTIRQ, from_task_action);
	raise_softirq(SELFTEST_SOFTIRQ); /* not in interrupt context: ksoftirqd is woken */
	KUNIT_EXPECT_TRUE(test, wait_until(from_task_runs == 1, TEST_WAIT_MS));
	KUNIT_EXPECT_PTR_EQ(test, from_task_runner, this_cpu_read(ksoftirqd));
}

static void ksoftirqd_is_a_kthread_named_after_its_cpu(struct kunit *test)
{
	struct task_struct *k = this_cpu_read(ksoftirqd);

	KUNIT_ASSERT_NOT_NULL(test, k);
	char comm[TASK_COMM_LEN];

	snprintf(comm, sizeof(comm), "ksoftirqd/%d", smp_processor_id());
	KUNIT_EXPECT_STREQ(test, k->comm, comm);
	KUNIT_EXPECT_TRUE(test, k->flags & PF_KTHREAD);
}

static void the_listing_counts_per_vector(struct kunit *test)
{
	struct seq_file m = { .size = 2048 };

	m.buf = kzalloc(m.size, GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, m.buf);
	show_softirqs(&m);
	KUNIT_EXPECT_NOT_NULL(test, strstr(m.buf, "CPU0"));
	KUNIT_EXPECT_NOT_NULL(test, strstr(m.buf, "TIMER:"));
	KUNIT_EXPECT_NOT_NULL(test, strstr(m.buf, "TASKLET:"));
	KUNIT_EXPECT_NOT_NULL(test, strstr(m.buf, "to ksoftirqd:"));
	KUNIT_EXPECT_GE(test, kstat_softirqs_cpu(SELFTEST_SOFTIRQ, smp_processor_id()),
			(unsigned int)FLOOD);
	kfree(m.buf);
}

static struct kunit_case ksoftirqd_cases[] = {
	KUNIT_CASE(a_flood_is_handed_to_ksoftirqd_and_nothing_is_lost),
	KUNIT_CASE(raised_from_a_task_it_runs_in_ksoftirqd),
	KUNIT_CASE(ksoftirqd_is_a_kthread_named_after_its_cpu),
	KUNIT_CASE(the_listing_counts_per_vector),
	{}
};

static struct kunit_suite ksoftirqd_suite = {
	.name = "ksoftirqd",
	.test_cases = ksoftirqd_cases,
};
kunit_test_suite(ksoftirqd_suite);
