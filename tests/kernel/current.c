/* KTAP suite `current`: what `current` is in a kthread, a hardirq and a softirq. */
#include <asm/desc.h>
#include <kunit/test.h>
#include <linux/completion.h>
#include <linux/interrupt.h>
#include <linux/irq_sim.h>
#include <linux/kthread.h>
#include <linux/smp.h>
#include "helpers.h"
#include "softirq_vector.h"

#define LINE IRQ_SIM_BASE

DECLARE_PER_CPU(struct x86_hw_tss, cpu_tss);

struct seen {
	struct task_struct *self, *in_thread, *in_hardirq, *in_softirq;
	bool task_in_thread, task_in_hardirq, task_in_softirq;
	unsigned long sp0;
	struct completion done;
};

static struct seen seen;

static void softirq_probe(struct softirq_action *a)
{
	(void)a;
	seen.in_softirq = current;
	seen.task_in_softirq = in_task();
}

static irqreturn_t hardirq_probe(int irq, void *dev)
{
	(void)irq;
	(void)dev;
	seen.in_hardirq = current;
	seen.task_in_hardirq = in_task();
	raise_softirq(SELFTEST_SOFTIRQ);
	return IRQ_HANDLED;
}

static int probe_thread(void *data)
{
	(void)data;
	seen.in_thread = current;
	seen.task_in_thread = in_task();
	seen.sp0 = this_cpu_read(cpu_tss.sp0);
	irq_sim_fire(LINE); /* interrupt ourselves */
	complete(&seen.done);
	return 0;
}

static int run_probe(struct kunit *test)
{
	(void)test;
	seen = (struct seen){ 0 };
	init_completion(&seen.done);
	open_softirq(SELFTEST_SOFTIRQ, softirq_probe);
	if (request_irq(LINE, hardirq_probe, 0, "current-test", &seen))
		return -1;
	seen.self = kthread_create(probe_thread, NULL, "probe");
	if (IS_ERR(seen.self))
		return -1;
	get_task_struct(seen.self); /* it exits on its own: keep it for the checks */
	wake_up_process(seen.self);
	if (!wait_for_completion_timeout(&seen.done, 5 * HZ))
		return -1;
	free_irq(LINE, &seen);
	return 0;
}

static void drop_probe(struct kunit *test)
{
	(void)test;
	put_task_struct(seen.self);
}

static void current_in_a_kthread_is_that_kthread(struct kunit *test)
{
	KUNIT_EXPECT_PTR_EQ(test, seen.in_thread, seen.self);
	KUNIT_EXPECT_TRUE(test, seen.task_in_thread);
	KUNIT_EXPECT_PTR_NE(test, current, seen.self);
}

static void current_in_a_hardirq_is_the_interrupted_task(struct kunit *test)
{
	KUNIT_EXPECT_PTR_EQ(test, seen.in_hardirq, seen.self);
	KUNIT_EXPECT_FALSE(test, seen.task_in_hardirq);
}

static void current_in_a_softirq_is_the_interrupted_task(struct kunit *test)
{
	KUNIT_EXPECT_PTR_EQ(test, seen.in_softirq, seen.self);
	KUNIT_EXPECT_FALSE(test, seen.task_in_softirq);
}

static void current_is_read_through_the_per_cpu_segment(struct kunit *test)
{
	KUNIT_EXPECT_PTR_EQ(test, current, per_cpu(current_task, smp_processor_id()));
	KUNIT_EXPECT_EQ(test, read_segment(SEG_FS), __KERNEL_PERCPU);
}

static void the_tss_stack_follows_the_running_task(struct kunit *test)
{
	KUNIT_EXPECT_EQ(test, seen.sp0, (unsigned long)seen.self->stack + THREAD_SIZE);
	KUNIT_EXPECT_EQ(test, this_cpu_read(cpu_tss.sp0),
			(unsigned long)current->stack + THREAD_SIZE);
}

static struct kunit_case current_cases[] = {
	KUNIT_CASE(current_in_a_kthread_is_that_kthread),
	KUNIT_CASE(current_in_a_hardirq_is_the_interrupted_task),
	KUNIT_CASE(current_in_a_softirq_is_the_interrupted_task),
	KUNIT_CASE(current_is_read_through_the_per_cpu_segment),
	KUNIT_CASE(the_tss_stack_follows_the_running_task),
	{}
};

static struct kunit_suite current_suite = {
	.name = "current",
	.init = run_probe,
	.exit = drop_probe,
	.test_cases = current_cases,
};
kunit_test_suite(current_suite);
