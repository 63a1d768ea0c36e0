/*
 * KTAP suite `irq_api`: request_irq/free_irq, shared lines, IRQ_NONE, disable
 * depth and non-reentrancy (kernel/irq/), driven through the simulated lines
 * of tests/kernel/irq_sim.c so that every arrival takes the real interrupt path.
 */
#include <asm/apic.h>
#include <kunit/test.h>
#include <linux/errno.h>
#include <linux/interrupt.h>
#include <linux/irq.h>
#include <linux/irq_sim.h>
#include <linux/irqdesc.h>
#include <linux/seq_file.h>
#include <linux/slab.h>

#define LINE IRQ_SIM_BASE
#define OTHER (IRQ_SIM_BASE + 1)

struct dev {
	unsigned int calls, depth, max_depth;
	int last_irq;
	void *last_dev;
	bool in_hardirq, irqs_off;
	irqreturn_t ret;
	bool refire, nest_other; /* from inside the handler, with interrupts on */
};

static irqreturn_t dev_handler(int irq, void *dev_id)
{
	struct dev *d = dev_id;

	d->calls++;
	d->last_irq = irq;
	d->last_dev = dev_id;
	d->in_hardirq = in_hardirq();
	d->irqs_off = irqs_disabled();
	d->max_depth = max(d->max_depth, ++d->depth);
	if (d->refire || d->nest_other) {
		bool refire = d->refire;
		d->refire = d->nest_other = false;
		local_irq_enable();
		irq_sim_fire(refire ? irq : OTHER);
		local_irq_disable();
	}
	d->depth--;
	return d->ret;
}

static void request_fire_free(struct kunit *test)
{
	struct dev d = { .ret = IRQ_HANDLED };

	KUNIT_ASSERT_EQ(test, request_irq(LINE, dev_handler, 0, "api-a", &d), 0);
	irq_sim_fire(LINE);
	KUNIT_EXPECT_EQ(test, d.calls, 1u);
	KUNIT_EXPECT_EQ(test, d.last_irq, LINE);
	KUNIT_EXPECT_PTR_EQ(test, d.last_dev, &d);
	KUNIT_EXPECT_STREQ(test, free_irq(LINE, &d), "api-a");
	irq_sim_fire(LINE);
	KUNIT_EXPECT_EQ(test, d.calls, 1u);
}

static void handlers_run_in_hardirq_with_interrupts_off(struct kunit *test)
{
	struct dev d = { .ret = IRQ_HANDLED };

	KUNIT_ASSERT_EQ(test, request_irq(LINE, dev_handler, 0, "api-a", &d), 0);
	irq_sim_fire(LINE);
	free_irq(LINE, &d);
	KUNIT_EXPECT_TRUE(test, d.in_hardirq);
	KUNIT_EXPECT_TRUE(test, d.irqs_off);
	KUNIT_EXPECT_EQ(test, preempt_count(), 0);
	KUNIT_EXPECT_FALSE(test, irqs_disabled());
}

static void every_handler_of_a_shared_line_runs(struct kunit *test)
{
	struct dev a = { .ret = IRQ_HANDLED }, b = { .ret = IRQ_NONE };
	unsigned int unhandled = irq_to_desc(LINE)->irqs_unhandled;

	KUNIT_ASSERT_EQ(test, request_irq(LINE, dev_handler, IRQF_SHARED, "api-a", &a), 0);
	KUNIT_ASSERT_EQ(test, request_irq(LINE, dev_handler, IRQF_SHARED, "api-b", &b), 0);
	irq_sim_fire(LINE);
	irq_sim_fire(LINE);
	KUNIT_EXPECT_EQ(test, a.calls, 2u);
	KUNIT_EXPECT_EQ(test, b.calls, 2u);
	KUNIT_EXPECT_PTR_EQ(test, b.last_dev, &b);
	/* One of them claimed each arrival: not unhandled. */
	KUNIT_EXPECT_EQ(test, irq_to_desc(LINE)->irqs_unhandled, unhandled);
	free_irq(LINE, &a);
	free_irq(LINE, &b);
}

static void sharers_must_agree_or_get_ebusy(struct kunit *test)
{
	struct dev a = { 0 }, b = { 0 };

	KUNIT_ASSERT_EQ(test, request_irq(LINE, dev_handler, 0, "api-a", &a), 0);
	KUNIT_EXPECT_EQ(test, request_irq(LINE, dev_handler, IRQF_SHARED, "api-b", &b), -EBUSY);
	free_irq(LINE, &a);
	KUNIT_ASSERT_EQ(test, request_irq(LINE, dev_handler, IRQF_SHARED, "api-a", &a), 0);
	KUNIT_EXPECT_EQ(test, request_irq(LINE, dev_handler, 0, "api-b", &b), -EBUSY);
	KUNIT_EXPECT_EQ(test, request_irq(LINE, dev_handler, IRQF_SHARED | IRQF_ONESHOT, "api-b", &b),
			-EBUSY);
	free_irq(LINE, &a);
	KUNIT_EXPECT_NULL(test, irq_to_desc(LINE)->action);
}

static void bad_requests_get_einval(struct kunit *test)
{
	struct dev a = { 0 };

	KUNIT_EXPECT_EQ(test, request_irq(NR_IRQS + 5, dev_handler, 0, "x", &a), -EINVAL);
	KUNIT_EXPECT_EQ(test, request_irq(20, dev_handler, 0, "x", &a), -EINVAL); /* no controller */
	KUNIT_EXPECT_EQ(test, request_irq(LINE, NULL, 0, "x", &a), -EINVAL);
	KUNIT_EXPECT_EQ(test, request_irq(LINE, dev_handler, IRQF_SHARED, "x", NULL), -EINVAL);
	KUNIT_EXPECT_NULL(test, irq_to_desc(LINE)->action);
}

static void free_irq_removes_exactly_the_matching_handler(struct kunit *test)
{
	struct dev a = { .ret = IRQ_HANDLED }, b = { .ret = IRQ_HANDLED }, c = { 0 };
	unsigned long warns = warn_count;

	KUNIT_ASSERT_EQ(test, request_irq(LINE, dev_handler, IRQF_SHARED, "api-a", &a), 0);
	KUNIT_ASSERT_EQ(test, request_irq(LINE, dev_handler, IRQF_SHARED, "api-b", &b), 0);
	KUNIT_EXPECT_STREQ(test, free_irq(LINE, &a), "api-a");
	irq_sim_fire(LINE);
	KUNIT_EXPECT_EQ(test, a.calls, 0u);
	KUNIT_EXPECT_EQ(test, b.calls, 1u);
	/* Not registered: "Trying to free already-free IRQ", nothing removed. */
	kunit_expect_report(test, "Trying to free already-free IRQ");
	KUNIT_EXPECT_NULL(test, free_irq(LINE, &c));
	KUNIT_EXPECT_EQ(test, warn_count, warns + 1);
	irq_sim_fire(LINE);
	KUNIT_EXPECT_EQ(test, b.calls, 2u);
	KUNIT_EXPECT_STREQ(test, free_irq(LINE, &b), "api-b");
}

static void irq_none_counts_as_unhandled(struct kunit *test)
{
	struct dev a = { .ret = IRQ_NONE };
	unsigned int before = irq_to_desc(LINE)->irqs_unhandled;

	KUNIT_ASSERT_EQ(test, request_irq(LINE, dev_handler, 0, "api-a", &a), 0);
	irq_sim_fire(LINE);
	irq_sim_fire(LINE);
	free_irq(LINE, &a);
	KUNIT_EXPECT_EQ(test, a.calls, 2u);
	KUNIT_EXPECT_EQ(test, irq_to_desc(LINE)->irqs_unhandled, before + 2);
}

static void disable_irq_nests_by_depth_and_nothing_is_lost(struct kunit *test)
{
	struct dev a = { .ret = IRQ_HANDLED };

	KUNIT_ASSERT_EQ(test, request_irq(LINE, dev_handler, 0, "api-a", &a), 0);
	KUNIT_EXPECT_FALSE(test, irq_sim_masked(LINE));
	disable_irq(LINE);
	disable_irq(LINE);
	KUNIT_EXPECT_TRUE(test, irq_sim_masked(LINE));
	irq_sim_fire(LINE); /* arrives while disabled: held back */
	KUNIT_EXPECT_EQ(test, a.calls, 0u);
	enable_irq(LINE);
	KUNIT_EXPECT_EQ(test, a.calls, 0u); /* depth 1 still */
	KUNIT_EXPECT_TRUE(test, irq_sim_masked(LINE));
	enable_irq(LINE);
	KUNIT_EXPECT_EQ(test, a.calls, 1u); /* delivered on the last enable */
	KUNIT_EXPECT_FALSE(test, irq_sim_masked(LINE));
	disable_irq_nosync(LINE);
	synchronize_irq(LINE);
	KUNIT_EXPECT_EQ(test, irq_to_desc(LINE)->depth, 1u);
	enable_irq(LINE);
	free_irq(LINE, &a);
}

static void an_unbalanced_enable_warns(struct kunit *test)
{
	struct dev a = { 0 };
	unsigned long warns = warn_count;

	KUNIT_ASSERT_EQ(test, request_irq(LINE, dev_handler, 0, "api-a", &a), 0);
	kunit_expect_report(test, "Unbalanced enable for IRQ");
	enable_irq(LINE);
	KUNIT_EXPECT_EQ(test, warn_count, warns + 1);
	KUNIT_EXPECT_EQ(test, irq_to_desc(LINE)->depth, 0u);
	free_irq(LINE, &a);
}

static void a_line_never_reenters_its_handler(struct kunit *test)
{
	struct dev a = { .ret = IRQ_HANDLED, .refire = true };
	unsigned int acks = irq_sim_acks(LINE);

	KUNIT_ASSERT_EQ(test, request_irq(LINE, dev_handler, 0, "api-a", &a), 0);
	irq_sim_fire(LINE);
	free_irq(LINE, &a);
	/* The nested arrival waited for the first run to finish, then ran once. */
	KUNIT_EXPECT_EQ(test, a.calls, 2u);
	KUNIT_EXPECT_EQ(test, a.max_depth, 1u);
	KUNIT_EXPECT_EQ(test, irq_sim_acks(LINE), acks + 2);
}

static void another_line_may_interrupt_a_handler(struct kunit *test)
{
	struct dev a = { .ret = IRQ_HANDLED, .nest_other = true }, b = { .ret = IRQ_HANDLED };

	KUNIT_ASSERT_EQ(test, request_irq(LINE, dev_handler, 0, "api-a", &a), 0);
	KUNIT_ASSERT_EQ(test, request_irq(OTHER, dev_handler, 0, "api-b", &b), 0);
	irq_sim_fire(LINE);
	free_irq(LINE, &a);
	free_irq(OTHER, &b);
	KUNIT_EXPECT_EQ(test, a.calls, 1u);
	KUNIT_EXPECT_EQ(test, b.calls, 1u);
	KUNIT_EXPECT_TRUE(test, b.in_hardirq);
}

static void the_listing_shows_counts_chip_and_names(struct kunit *test)
{
	struct dev a = { .ret = IRQ_HANDLED }, b = { .ret = IRQ_HANDLED };
	struct seq_file m = { .size = 4096 };

	m.buf = kzalloc(m.size, GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, m.buf);
	KUNIT_ASSERT_EQ(test, request_irq(LINE, dev_handler, IRQF_SHARED, "api-a", &a), 0);
	KUNIT_ASSERT_EQ(test, request_irq(LINE, dev_handler, IRQF_SHARED, "api-b", &b), 0);
	show_interrupts(&m);
	free_irq(LINE, &a);
	free_irq(LINE, &b);
	KUNIT_EXPECT_NOT_NULL(test, strstr(m.buf, "CPU0"));
	KUNIT_EXPECT_NOT_NULL(test, strstr(m.buf, "SIM api-a, api-b"));
	/* The tick: the PIT on the 8259, or every CPU's local APIC timer. */
	KUNIT_EXPECT_NOT_NULL(test, strstr(m.buf, apic_in_use ? "LOC:" : "XT-PIC timer"));
	KUNIT_EXPECT_NOT_NULL(test, strstr(m.buf, "SPU:"));
	KUNIT_EXPECT_NOT_NULL(test, strstr(m.buf, "EXC:"));
	kfree(m.buf);
}

/* The simulated lines are not in the kernel's lists: they claimed their
 * numbers at boot like any interrupt without a pin. */
static void a_number_is_claimed_once_and_only_from_the_runtime_range(struct kunit *test)
{
	int irq;

	KUNIT_EXPECT_EQ(test, irq_alloc_desc_at(IRQ_SIM_BASE), -EEXIST);
	KUNIT_EXPECT_EQ(test, irq_alloc_desc_at(IRQ_SIM_BASE + IRQ_SIM_LINES - 1), -EEXIST);
	KUNIT_EXPECT_EQ(test, irq_alloc_desc_at(1), -EINVAL); /* a wired line */
	KUNIT_EXPECT_EQ(test, irq_alloc_desc_at(NR_IRQS), -EINVAL);
	irq = irq_alloc_desc();
	KUNIT_ASSERT_GE(test, irq, IRQ_DYNAMIC_BASE);
	KUNIT_EXPECT_TRUE(test, irq < IRQ_SIM_BASE || irq >= IRQ_SIM_BASE + IRQ_SIM_LINES);
	irq_free_desc(irq);
	KUNIT_EXPECT_EQ(test, irq_alloc_desc_at(irq), irq);
	KUNIT_EXPECT_EQ(test, irq_alloc_desc_at(irq), -EEXIST);
	irq_free_desc(irq);
}

static struct kunit_case irq_api_cases[] = {
	KUNIT_CASE(request_fire_free),
	KUNIT_CASE(handlers_run_in_hardirq_with_interrupts_off),
	KUNIT_CASE(every_handler_of_a_shared_line_runs),
	KUNIT_CASE(sharers_must_agree_or_get_ebusy),
	KUNIT_CASE(bad_requests_get_einval),
	KUNIT_CASE(free_irq_removes_exactly_the_matching_handler),
	KUNIT_CASE(irq_none_counts_as_unhandled),
	KUNIT_CASE(disable_irq_nests_by_depth_and_nothing_is_lost),
	KUNIT_CASE(an_unbalanced_enable_warns),
	KUNIT_CASE(a_line_never_reenters_its_handler),
	KUNIT_CASE(another_line_may_interrupt_a_handler),
	KUNIT_CASE(the_listing_shows_counts_chip_and_names),
	KUNIT_CASE(a_number_is_claimed_once_and_only_from_the_runtime_range),
	{}
};

static struct kunit_suite irq_api_suite = {
	.name = "irq_api",
	.test_cases = irq_api_cases,
};
kunit_test_suite(irq_api_suite);
