/*
 * KTAP suite `irq_stack`: interrupts run on this CPU's hardirq stack, not on
 * the stack of the task they interrupt (arch/x86/entry.asm); nested ones stay
 * there; softirqs have a stack of their own; backtraces cross back.
 */
#include <asm/irq.h>
#include <asm/page.h>
#include <asm/stacktrace.h>
#include <kunit/test.h>
#include <linux/interrupt.h>
#include <linux/irq_sim.h>
#include <linux/sched.h>
#include <linux/vmalloc.h>
#include <janus/log.h>
#include <janus/nosleep.h>
#include <janus/stack.h>
#include "helpers.h"
#include "softirq_vector.h"

#define LINE IRQ_SIM_BASE
#define OTHER (IRQ_SIM_BASE + 1)

static bool on(unsigned long sp, unsigned long top)
{
	return top - sp < IRQ_STACK_SIZE;
}

struct probe {
	unsigned long sp, nested_sp, softirq_sp;
	unsigned long hardirq_depth;
	unsigned long trace[24];
	unsigned int trace_len;
	bool nest, raise_softirq, print_trace;
};

static struct probe probe;

static void probe_softirq(struct softirq_action *a)
{
	(void)a;
	probe.softirq_sp = current_stack_pointer();
}

static irqreturn_t probe_other(int irq, void *dev)
{
	(void)irq;
	(void)dev;
	probe.nested_sp = current_stack_pointer();
	probe.hardirq_depth = hardirq_count() >> HARDIRQ_SHIFT;
	probe.trace_len = stack_trace_save_bp(current_frame_pointer(), probe.trace,
					      ARRAY_SIZE(probe.trace));
	if (probe.print_trace)
		dump_stack();
	return IRQ_HANDLED;
}

static irqreturn_t probe_line(int irq, void *dev)
{
	(void)irq;
	(void)dev;
	probe.sp = current_stack_pointer();
	if (probe.raise_softirq)
		raise_softirq(SELFTEST_SOFTIRQ);
	if (probe.nest) {
		local_irq_enable();
		irq_sim_fire(OTHER);
		local_irq_disable();
	}
	return IRQ_HANDLED;
}

static int setup(struct kunit *test)
{
	(void)test;
	probe = (struct probe){ 0 };
	open_softirq(SELFTEST_SOFTIRQ, probe_softirq);
	if (request_irq(LINE, probe_line, 0, "stack-a", &probe) ||
	    request_irq(OTHER, probe_other, 0, "stack-b", &probe))
		return -1;
	return 0;
}

static void teardown(struct kunit *test)
{
	(void)test;
	free_irq(LINE, &probe);
	free_irq(OTHER, &probe);
}

static void the_handler_runs_on_this_cpus_hardirq_stack(struct kunit *test)
{
	irq_sim_fire(LINE);
	KUNIT_EXPECT_TRUE(test, on(probe.sp, this_cpu_read(hardirq_stack_top)));
	KUNIT_EXPECT_FALSE(test, on(probe.sp, (unsigned long)current->stack + THREAD_SIZE));
}

/*
 * Paint the free part of the task stack below us, take an interrupt, and see
 * what was written: only the frame the CPU and the entry stub push (struct
 * pt_regs and a little more) may go, far less than the handler chain needs.
 */
static void the_task_stack_only_holds_the_interrupt_frame(struct kunit *test)
{
	unsigned long sp = current_stack_pointer();
	unsigned char *below = (unsigned char *)sp - 1024;

	memset(below, 0x5a, 1024 - 160);
	int_thunks[IRQ_TO_VECTOR(LINE)]();
	KUNIT_EXPECT_NULL(test, memchr_inv(below, 0x5a, 1024 - 160));
	KUNIT_EXPECT_NE(test, probe.sp, 0ul);
}

static void a_nested_interrupt_stays_on_the_hardirq_stack(struct kunit *test)
{
	probe.nest = true;
	irq_sim_fire(LINE);
	KUNIT_EXPECT_EQ(test, probe.hardirq_depth, 2ul);
	KUNIT_EXPECT_TRUE(test, on(probe.nested_sp, this_cpu_read(hardirq_stack_top)));
	KUNIT_EXPECT_LT(test, probe.nested_sp, probe.sp);
}

static noinline __noclone void fire_from_the_task(unsigned int irq)
{
	irq_sim_fire(irq);
}

static void the_backtrace_crosses_from_the_irq_stack_to_the_task(struct kunit *test)
{
	u64 seq = log_next_sequence();
	bool saw_task_frame = false, saw_do_irq = false;

	unsigned int warn_us = irq_warn_us;

	probe.nest = true;
	probe.print_trace = true;
	irq_warn_us = 1000000; /* printing a backtrace in a handler is slow, and meant */
	fire_from_the_task(LINE);
	irq_warn_us = warn_us;
	for (unsigned int i = 0; i < probe.trace_len; i++) {
		saw_do_irq |= addr_in_function(probe.trace[i], "do_IRQ");
		saw_task_frame |= addr_in_function(probe.trace[i], "fire_from_the_task");
	}
	KUNIT_EXPECT_TRUE(test, saw_do_irq);
	KUNIT_EXPECT_TRUE(test, saw_task_frame);
	KUNIT_EXPECT_TRUE(test, log_contains(seq, " <IRQ>"));
	KUNIT_EXPECT_TRUE(test, log_contains(seq, " </IRQ>"));
	KUNIT_EXPECT_TRUE(test, log_contains(seq, " fire_from_the_task+0x"));
}

static void softirqs_run_on_their_own_stack(struct kunit *test)
{
	probe.raise_softirq = true;
	irq_sim_fire(LINE);
	KUNIT_EXPECT_TRUE(test, on(probe.softirq_sp, this_cpu_read(softirq_stack_top)));
	KUNIT_EXPECT_FALSE(test, on(probe.softirq_sp, this_cpu_read(hardirq_stack_top)));
}

static void the_stacks_have_guard_pages_and_high_water_marks(struct kunit *test)
{
	unsigned long base = this_cpu_read(hardirq_stack_top) - IRQ_STACK_SIZE;
	unsigned long sbase = this_cpu_read(softirq_stack_top) - IRQ_STACK_SIZE;

	irq_sim_fire(LINE);
	KUNIT_EXPECT_NULL(test, vmalloc_to_page((void *)(base - PAGE_SIZE)));
	KUNIT_EXPECT_NULL(test, vmalloc_to_page((void *)(sbase - PAGE_SIZE)));
	KUNIT_EXPECT_NOT_NULL(test, vmalloc_to_page((void *)base));
	KUNIT_EXPECT_GT(test, stack_used((void *)base, IRQ_STACK_SIZE), 64u);
	KUNIT_EXPECT_LT(test, stack_used((void *)base, IRQ_STACK_SIZE), (size_t)IRQ_STACK_SIZE / 2);
	show_irq_stacks();
}

/* Sixteen interrupts nested in each other fit on the 8 KiB hardirq stack,
 * with room to spare below the deepest handler. */
static void sixteen_nested_interrupts_fit(struct kunit *test)
{
	struct irq_nest_result r;

	teardown(test); /* irq_nest needs the lines to itself */
	KUNIT_ASSERT_EQ(test, irq_nest(16, &r), 0);
	KUNIT_EXPECT_EQ(test, r.levels, 16u);
	kunit_info(test, "%lu bytes of hardirq stack per nesting level, %lu left below the 16th",
		   r.bytes_per_level, r.deepest_free);
	KUNIT_EXPECT_LE(test, 16 * r.bytes_per_level, (unsigned long)IRQ_STACK_SIZE);
	KUNIT_EXPECT_GE(test, r.deepest_free, 512ul);
	KUNIT_ASSERT_EQ(test, setup(test), 0);
}

static struct kunit_case irq_stack_cases[] = {
	KUNIT_CASE(the_handler_runs_on_this_cpus_hardirq_stack),
	KUNIT_CASE(the_task_stack_only_holds_the_interrupt_frame),
	KUNIT_CASE(a_nested_interrupt_stays_on_the_hardirq_stack),
	KUNIT_CASE(the_backtrace_crosses_from_the_irq_stack_to_the_task),
	KUNIT_CASE(softirqs_run_on_their_own_stack),
	KUNIT_CASE(the_stacks_have_guard_pages_and_high_water_marks),
	KUNIT_CASE(sixteen_nested_interrupts_fit),
	{}
};

static struct kunit_suite irq_stack_suite = {
	.name = "irq_stack",
	.init = setup,
	.exit = teardown,
	.test_cases = irq_stack_cases,
};
kunit_test_suite(irq_stack_suite);
