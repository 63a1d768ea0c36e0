/*
 * KTAP suite `preempt_count`: the value of every context predicate of
 * include/linux/preempt.h in task context, with preemption or bottom halves
 * disabled, in a hardirq, a nested hardirq, a softirq and a hardirq that
 * interrupts a softirq; and the count is back to 0 after every interrupt.
 */
#include <kunit/test.h>
#include <linux/interrupt.h>
#include <linux/irq_sim.h>
#include <linux/irqdesc.h>
#include "helpers.h"
#include "softirq_vector.h"

#define LINE IRQ_SIM_BASE
#define OTHER (IRQ_SIM_BASE + 1)

struct ctx {
	int pc;
	bool interrupt, hardirq, softirq, serving_softirq, task, atomic, irqs_off;
};

static struct ctx snap(void)
{
	return (struct ctx){
		.pc = preempt_count(),
		.interrupt = in_interrupt(),
		.hardirq = in_hardirq(),
		.softirq = in_softirq(),
		.serving_softirq = in_serving_softirq(),
		.task = in_task(),
		.atomic = in_atomic(),
		.irqs_off = irqs_disabled(),
	};
}

#define EXPECT_CTX(test, c, want_pc, intr, hard, soft, serving, tsk)       \
	do {                                                               \
		KUNIT_EXPECT_EQ(test, (c).pc, (int)(want_pc));             \
		KUNIT_EXPECT_EQ(test, (c).interrupt, (bool)(intr));        \
		KUNIT_EXPECT_EQ(test, (c).hardirq, (bool)(hard));          \
		KUNIT_EXPECT_EQ(test, (c).softirq, (bool)(soft));          \
		KUNIT_EXPECT_EQ(test, (c).serving_softirq, (bool)(serving)); \
		KUNIT_EXPECT_EQ(test, (c).task, (bool)(tsk));              \
		KUNIT_EXPECT_EQ(test, (c).atomic, (want_pc) != 0);         \
	} while (0)

static struct ctx in_line, in_other, in_soft, in_irq_over_soft;
static bool nest, soft, irq_in_soft;

static void soft_action(struct softirq_action *a)
{
	(void)a;
	in_soft = snap();
	if (irq_in_soft)
		irq_sim_fire(OTHER); /* softirqs run with interrupts on */
}

static irqreturn_t other_handler(int irq, void *dev)
{
	(void)irq;
	(void)dev;
	if (in_serving_softirq())
		in_irq_over_soft = snap();
	else
		in_other = snap();
	return IRQ_HANDLED;
}

static irqreturn_t line_handler(int irq, void *dev)
{
	(void)irq;
	(void)dev;
	in_line = snap();
	if (soft)
		raise_softirq(SELFTEST_SOFTIRQ);
	if (nest) {
		local_irq_enable();
		irq_sim_fire(OTHER);
		local_irq_disable();
	}
	return IRQ_HANDLED;
}

static int setup(struct kunit *test)
{
	(void)test;
	nest = soft = irq_in_soft = false;
	open_softirq(SELFTEST_SOFTIRQ, soft_action);
	return request_irq(LINE, line_handler, 0, "pc-a", &in_line) ||
	       request_irq(OTHER, other_handler, 0, "pc-b", &in_other);
}

static void teardown(struct kunit *test)
{
	(void)test;
	free_irq(LINE, &in_line);
	free_irq(OTHER, &in_other);
}

static void task_context_is_zero(struct kunit *test)
{
	struct ctx c = snap();

	EXPECT_CTX(test, c, 0, false, false, false, false, true);
	KUNIT_EXPECT_FALSE(test, c.irqs_off);
}

static void preempt_disable_counts_in_the_low_byte(struct kunit *test)
{
	struct ctx c;

	preempt_disable();
	preempt_disable();
	c = snap();
	preempt_enable();
	preempt_enable();
	EXPECT_CTX(test, c, 2, false, false, false, false, true);
}

static void local_bh_disable_counts_in_the_softirq_byte(struct kunit *test)
{
	struct ctx c;

	local_bh_disable();
	c = snap();
	local_bh_enable();
	/* Still a task, but "in_interrupt" and "in_softirq" in Linux's sense. */
	EXPECT_CTX(test, c, SOFTIRQ_DISABLE_OFFSET, true, false, true, false, true);
	KUNIT_EXPECT_EQ(test, preempt_count(), 0);
}

static void a_hardirq_adds_hardirq_offset(struct kunit *test)
{
	irq_sim_fire(LINE);
	EXPECT_CTX(test, in_line, HARDIRQ_OFFSET, true, true, false, false, false);
	KUNIT_EXPECT_TRUE(test, in_line.irqs_off);
}

static void a_nested_hardirq_adds_it_twice(struct kunit *test)
{
	nest = true;
	irq_sim_fire(LINE);
	EXPECT_CTX(test, in_other, 2 * HARDIRQ_OFFSET, true, true, false, false, false);
	KUNIT_EXPECT_EQ(test, in_other.pc >> HARDIRQ_SHIFT, 2);
}

static void a_softirq_adds_softirq_offset(struct kunit *test)
{
	soft = true;
	irq_sim_fire(LINE);
	EXPECT_CTX(test, in_soft, SOFTIRQ_OFFSET, true, false, true, true, false);
	KUNIT_EXPECT_FALSE(test, in_soft.irqs_off);
}

static void a_hardirq_over_a_softirq_has_both(struct kunit *test)
{
	soft = irq_in_soft = true;
	irq_sim_fire(LINE);
	EXPECT_CTX(test, in_irq_over_soft, SOFTIRQ_OFFSET + HARDIRQ_OFFSET, true, true, true, true,
		   false);
}

static void the_count_is_balanced_after_every_interrupt(struct kunit *test)
{
	unsigned long start = jiffies;
	unsigned int samples = 0, bad = 0;

	nest = soft = true;
	for (int i = 0; i < 50; i++) {
		irq_sim_fire(LINE);
		bad += preempt_count() != 0 || irqs_disabled();
	}
	/* Timer interrupts too, while we watch. */
	while (!time_after(jiffies, start + 10) && samples < 100000000) {
		bad += preempt_count() != 0;
		samples++;
	}
	KUNIT_EXPECT_EQ(test, bad, 0u);
	KUNIT_EXPECT_TRUE(test, time_after(jiffies, start + 10));
}

static void local_irq_save_restores_the_previous_state(struct kunit *test)
{
	unsigned long outer, inner;

	local_irq_save(outer);
	KUNIT_EXPECT_TRUE(test, irqs_disabled());
	local_irq_save(inner);
	local_irq_restore(inner);
	KUNIT_EXPECT_TRUE(test, irqs_disabled()); /* the inner restore keeps them off */
	local_irq_restore(outer);
	KUNIT_EXPECT_FALSE(test, irqs_disabled());
	KUNIT_EXPECT_FALSE(test, irqs_disabled_flags(outer));
	KUNIT_EXPECT_TRUE(test, irqs_disabled_flags(inner));
}

static struct kunit_case preempt_count_cases[] = {
	KUNIT_CASE(task_context_is_zero),
	KUNIT_CASE(preempt_disable_counts_in_the_low_byte),
	KUNIT_CASE(local_bh_disable_counts_in_the_softirq_byte),
	KUNIT_CASE(a_hardirq_adds_hardirq_offset),
	KUNIT_CASE(a_nested_hardirq_adds_it_twice),
	KUNIT_CASE(a_softirq_adds_softirq_offset),
	KUNIT_CASE(a_hardirq_over_a_softirq_has_both),
	KUNIT_CASE(the_count_is_balanced_after_every_interrupt),
	KUNIT_CASE(local_irq_save_restores_the_previous_state),
	{}
};

static struct kunit_suite preempt_count_suite = {
	.name = "preempt_count",
	.init = setup,
	.exit = teardown,
	.test_cases = preempt_count_cases,
};
kunit_test_suite(preempt_count_suite);
