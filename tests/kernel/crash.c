/*
 * Suites that crash the kernel on purpose, each run alone by a configuration
 * of tests/configs that expects exactly this crash report (selftest=NAME):
 *
 *   crash_in_hardirq      a NULL dereference in an interrupt handler: an oops
 *                         whose backtrace crosses <IRQ> ... </IRQ> into the
 *                         interrupted code, then "Fatal exception in interrupt".
 *   crash_stack_overflow  unbounded recursion runs into the stack's guard page:
 *                         the double fault, on its own stack, reports it.
 *   task_oops             a fault in a kthread: an oops that kills the kthread;
 *                         the kernel goes on (this one does not crash the kernel).
 *   atomic_sleep_panic    msleep() under preempt_disable() with atomic_sleep=panic.
 *   panic_stops_a_deaf_cpu  a panic while another CPU spins with interrupts off:
 *                         it cannot hear the stop IPI, so it gets an NMI.
 */
#include <kunit/test.h>
#include <linux/interrupt.h>
#include <linux/irq_sim.h>
#include <linux/completion.h>
#include <linux/cpumask.h>
#include <linux/delay.h>
#include <linux/kthread.h>
#include <linux/sched/signal.h>
#include <linux/smp.h>
#include "helpers.h"

static irqreturn_t fault_in_hardirq_handler(int irq, void *dev_id)
{
	(void)irq;
	return *(volatile int *)dev_id ? IRQ_HANDLED : IRQ_NONE; /* dev_id is NULL */
}

static noinline __noclone void fire_the_faulting_line(unsigned int irq)
{
	irq_sim_fire(irq);
}

static void a_fault_in_a_hardirq_handler_is_fatal(struct kunit *test)
{
	KUNIT_ASSERT_EQ(test, request_irq(IRQ_SIM_BASE, fault_in_hardirq_handler, 0, "crash", NULL),
			0);
	kunit_expect_report(test, "BUG: kernel NULL pointer dereference");
	fire_the_faulting_line(IRQ_SIM_BASE);
	KUNIT_FAIL(test, "the kernel survived a fault in interrupt context");
}

static struct kunit_case crash_in_hardirq_cases[] = {
	KUNIT_CASE(a_fault_in_a_hardirq_handler_is_fatal),
	{}
};

static struct kunit_suite crash_in_hardirq_suite = {
	.name = "crash_in_hardirq",
	.test_cases = crash_in_hardirq_cases,
	.explicit_only = true,
};
kunit_test_suite(crash_in_hardirq_suite);

static volatile unsigned long recursion_limit = ~0ul; /* far beyond any stack */

static noinline __noclone unsigned long recurse_without_end(unsigned long depth)
{
	volatile char frame[256];

	frame[0] = depth;
	if (depth == recursion_limit)
		return 0;
	return recurse_without_end(depth + 1) + frame[0];
}

static void a_stack_overflow_is_reported_by_the_double_fault(struct kunit *test)
{
	kunit_expect_report(test, "BUG: kernel stack overflow");
	recurse_without_end(0);
	KUNIT_FAIL(test, "the recursion came back");
}

static struct kunit_case crash_stack_overflow_cases[] = {
	KUNIT_CASE(a_stack_overflow_is_reported_by_the_double_fault),
	{}
};

static struct kunit_suite crash_stack_overflow_suite = {
	.name = "crash_stack_overflow",
	.test_cases = crash_stack_overflow_cases,
	.explicit_only = true,
};
kunit_test_suite(crash_stack_overflow_suite);

/*
 * task_oops: a fault in process context kills only the task (an oops, then
 * make_task_dead); the kernel goes on and the suite finishes. Run by the
 * crash-task configuration, which expects the oops in the log.
 */
static int fault_in_a_kthread(void *data)
{
	*(volatile int *)data = 1; /* data is NULL: a write to page 0 */
	return 0;
}

static void a_fault_in_a_task_kills_only_that_task(struct kunit *test)
{
	unsigned int threads = nr_threads_settled();
	struct task_struct *t = kthread_create(fault_in_a_kthread, NULL, "doomed");

	KUNIT_ASSERT_FALSE(test, IS_ERR(t));
	get_task_struct(t); /* it dies on its own: keep it to read its end */
	kunit_expect_report(test, "BUG: kernel NULL pointer dereference");
	wake_up_process(t);
	KUNIT_ASSERT_TRUE(test, wait_until(t->flags & PF_EXITING, TEST_WAIT_MS));
	KUNIT_EXPECT_EQ(test, kthread_stop(t), SIGSEGV);
	KUNIT_EXPECT_EQ(test, t->exit_code, SIGSEGV);
	put_task_struct(t);
	KUNIT_EXPECT_TRUE(test, wait_until(nr_threads() == threads, TEST_WAIT_MS));
	KUNIT_EXPECT_EQ(test, preempt_count(), 0);
}

static struct kunit_case task_oops_cases[] = {
	KUNIT_CASE(a_fault_in_a_task_kills_only_that_task),
	{}
};

static struct kunit_suite task_oops_suite = {
	.name = "task_oops",
	.test_cases = task_oops_cases,
	.explicit_only = true,
};
kunit_test_suite(task_oops_suite);

/* atomic_sleep_panic: with atomic_sleep=panic the first violation panics (crash-atomic-panic). */
static void a_violation_panics_under_the_panic_policy(struct kunit *test)
{
	kunit_expect_report(test, "BUG: sleeping function called from invalid context");
	preempt_disable();
	msleep(1);
	preempt_enable();
	KUNIT_FAIL(test, "msleep in atomic context did not panic under atomic_sleep=panic");
}

static struct kunit_case atomic_sleep_panic_cases[] = {
	KUNIT_CASE(a_violation_panics_under_the_panic_policy),
	{}
};

static struct kunit_suite atomic_sleep_panic_suite = {
	.name = "atomic_sleep_panic",
	.test_cases = atomic_sleep_panic_cases,
	.explicit_only = true,
};
kunit_test_suite(atomic_sleep_panic_suite);

static int spin_with_interrupts_off(void *data)
{
	local_irq_disable();
	complete(data);
	for (;;)
		cpu_relax();
	return 0;
}

static void a_panic_stops_a_cpu_that_has_interrupts_off(struct kunit *test)
{
	DECLARE_COMPLETION(spinning);
	struct task_struct *t;

	if (num_online_cpus() < 2)
		kunit_skip(test, "one CPU");
	t = kthread_create(spin_with_interrupts_off, &spinning, "deaf");
	KUNIT_ASSERT_FALSE(test, IS_ERR(t));
	kthread_bind(t, (smp_processor_id() + 1) % num_online_cpus());
	wake_up_process(t);
	wait_for_completion(&spinning);
	panic("deliberate panic while CPU%d has interrupts off", t->cpu);
}

static struct kunit_case panic_stops_a_deaf_cpu_cases[] = {
	KUNIT_CASE(a_panic_stops_a_cpu_that_has_interrupts_off),
	{}
};

static struct kunit_suite panic_stops_a_deaf_cpu_suite = {
	.name = "panic_stops_a_deaf_cpu",
	.test_cases = panic_stops_a_deaf_cpu_cases,
	.explicit_only = true,
};
kunit_test_suite(panic_stops_a_deaf_cpu_suite);
