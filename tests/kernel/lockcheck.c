/*
 * KTAP suite `lockcheck`: a lock taken with interrupts (softirqs) on and also
 * in a hardirq (softirq) is reported once, in either order; a lock used
 * consistently is not (kernel/locking/lockcheck.c). Across two locks: an
 * irq-safe lock held while an irq-unsafe one is taken is reported, whether
 * the order or the usage is learned last, for hardirqs and softirqs; the same
 * order with the inner lock always taken with interrupts off is fine.
 */
#include <kunit/test.h>
#include <linux/interrupt.h>
#include <linux/irq_sim.h>
#include <linux/spinlock.h>
#include <janus/nosleep.h>
#include "softirq_vector.h"

#define LINE IRQ_SIM_BASE

static DEFINE_SPINLOCK(unsafe_lock);
static DEFINE_SPINLOCK(reverse_lock);
static DEFINE_SPINLOCK(safe_lock);
static DEFINE_SPINLOCK(bh_unsafe_lock);
static spinlock_t *lock_in_irq;

static irqreturn_t take_lock(int irq, void *dev)
{
	(void)irq;
	(void)dev;
	spin_lock(lock_in_irq);
	spin_unlock(lock_in_irq);
	return IRQ_HANDLED;
}

static void take_in_softirq(struct softirq_action *a)
{
	(void)a;
	spin_lock(&bh_unsafe_lock);
	spin_unlock(&bh_unsafe_lock);
}

static unsigned int saved_irq_warn_us;

static int setup(struct kunit *test)
{
	if (!lockdep_enabled())
		kunit_skip(test, "nolockcheck: the checker is off");
	/* A report printed from a handler makes it slow; not what this suite checks. */
	saved_irq_warn_us = irq_warn_us;
	irq_warn_us = 1000000;
	return request_irq(LINE, take_lock, 0, "lockcheck", &lock_in_irq);
}

static void teardown(struct kunit *test)
{
	(void)test;
	if (!lockdep_enabled())
		return;
	free_irq(LINE, &lock_in_irq);
	irq_warn_us = saved_irq_warn_us;
}

static void in_irq_after_irq_on_is_reported_once(struct kunit *test)
{
	unsigned long reports = lockcheck_reports;

	spin_lock(&unsafe_lock); /* interrupts on: HARDIRQ-ON */
	spin_unlock(&unsafe_lock);
	lock_in_irq = &unsafe_lock;
	kunit_expect_report(test, "WARNING: inconsistent lock state");
	irq_sim_fire(LINE); /* IN-HARDIRQ: inconsistent */
	KUNIT_EXPECT_EQ(test, lockcheck_reports, reports + 1);
	irq_sim_fire(LINE); /* known by now: not again */
	spin_lock(&unsafe_lock);
	spin_unlock(&unsafe_lock);
	KUNIT_EXPECT_EQ(test, lockcheck_reports, reports + 1);
}

static void irq_on_after_in_irq_is_reported_too(struct kunit *test)
{
	unsigned long reports = lockcheck_reports;

	lock_in_irq = &reverse_lock;
	irq_sim_fire(LINE);
	KUNIT_EXPECT_EQ(test, lockcheck_reports, reports);
	kunit_expect_report(test, "WARNING: inconsistent lock state");
	spin_lock(&reverse_lock);
	spin_unlock(&reverse_lock);
	KUNIT_EXPECT_EQ(test, lockcheck_reports, reports + 1);
}

static void consistent_use_is_not_reported(struct kunit *test)
{
	unsigned long reports = lockcheck_reports, flags;

	lock_in_irq = &safe_lock;
	spin_lock_irqsave(&safe_lock, flags); /* the right way: interrupts off */
	spin_unlock_irqrestore(&safe_lock, flags);
	irq_sim_fire(LINE);
	spin_lock_irq(&safe_lock);
	spin_unlock_irq(&safe_lock);
	KUNIT_EXPECT_EQ(test, lockcheck_reports, reports);
}

static void softirq_unsafe_use_is_reported(struct kunit *test)
{
	unsigned long reports = lockcheck_reports;

	open_softirq(SELFTEST_SOFTIRQ, take_in_softirq);
	spin_lock_bh(&bh_unsafe_lock); /* fine: softirqs held off */
	spin_unlock_bh(&bh_unsafe_lock);
	raise_softirq(SELFTEST_SOFTIRQ);
	local_bh_disable();
	local_bh_enable(); /* IN-SOFTIRQ */
	KUNIT_EXPECT_EQ(test, lockcheck_reports, reports);
	kunit_expect_report(test, "WARNING: inconsistent lock state");
	spin_lock(&bh_unsafe_lock); /* SOFTIRQ-ON: inconsistent */
	spin_unlock(&bh_unsafe_lock);
	KUNIT_EXPECT_EQ(test, lockcheck_reports, reports + 1);
}

#define ORDER "WARNING: HARDIRQ-safe -> HARDIRQ-unsafe lock order detected"
static DEFINE_SPINLOCK(order_safe);
static DEFINE_SPINLOCK(order_unsafe);

static void an_irq_safe_lock_held_while_taking_an_irq_unsafe_one_is_reported(struct kunit *test)
{
	unsigned long reports = lockcheck_irq_order_reports, flags;

	lock_in_irq = &order_safe;
	irq_sim_fire(LINE);         /* order_safe: IN-HARDIRQ */
	spin_lock(&order_unsafe);   /* order_unsafe: HARDIRQ-ON */
	spin_unlock(&order_unsafe);
	KUNIT_EXPECT_EQ(test, lockcheck_irq_order_reports, reports);
	kunit_expect_report(test, ORDER);
	spin_lock_irqsave(&order_safe, flags);
	spin_lock(&order_unsafe);   /* order_safe -> order_unsafe: the deadlock is possible */
	spin_unlock(&order_unsafe);
	spin_unlock_irqrestore(&order_safe, flags);
	KUNIT_EXPECT_EQ(test, lockcheck_irq_order_reports, reports + 1);
}

static DEFINE_SPINLOCK(late_safe);
static DEFINE_SPINLOCK(middle);
static DEFINE_SPINLOCK(late_unsafe);

static void an_order_known_before_the_interrupt_use_is_reported_then(struct kunit *test)
{
	unsigned long reports = lockcheck_irq_order_reports, flags;

	spin_lock_irqsave(&late_safe, flags); /* late_safe -> middle -> late_unsafe */
	spin_lock(&middle);
	spin_lock(&late_unsafe);
	spin_unlock(&late_unsafe);
	spin_unlock(&middle);
	spin_unlock_irqrestore(&late_safe, flags);
	spin_lock(&late_unsafe);    /* HARDIRQ-ON: nothing irq-safe leads here yet */
	spin_unlock(&late_unsafe);
	KUNIT_EXPECT_EQ(test, lockcheck_irq_order_reports, reports);
	lock_in_irq = &late_safe;
	kunit_expect_report(test, "WARNING: irq lock inversion dependency detected");
	irq_sim_fire(LINE);         /* late_safe becomes IN-HARDIRQ */
	KUNIT_EXPECT_EQ(test, lockcheck_irq_order_reports, reports + 1);
	irq_sim_fire(LINE);         /* known by now: not again */
	KUNIT_EXPECT_EQ(test, lockcheck_irq_order_reports, reports + 1);
}

static DEFINE_SPINLOCK(bh_safe);
static DEFINE_SPINLOCK(bh_unsafe);

static void take_bh_safe(struct softirq_action *a)
{
	(void)a;
	spin_lock(&bh_safe);
	spin_unlock(&bh_safe);
}

static void a_softirq_safe_lock_before_a_softirq_unsafe_one_is_reported(struct kunit *test)
{
	unsigned long reports = lockcheck_irq_order_reports;

	open_softirq(SELFTEST_SOFTIRQ, take_bh_safe);
	raise_softirq(SELFTEST_SOFTIRQ);
	local_bh_disable();
	local_bh_enable();          /* bh_safe: IN-SOFTIRQ */
	spin_lock(&bh_unsafe);      /* bh_unsafe: SOFTIRQ-ON */
	spin_unlock(&bh_unsafe);
	KUNIT_EXPECT_EQ(test, lockcheck_irq_order_reports, reports);
	kunit_expect_report(test, "WARNING: SOFTIRQ-safe -> SOFTIRQ-unsafe lock order detected");
	spin_lock_bh(&bh_safe);
	spin_lock(&bh_unsafe);
	spin_unlock(&bh_unsafe);
	spin_unlock_bh(&bh_safe);
	KUNIT_EXPECT_EQ(test, lockcheck_irq_order_reports, reports + 1);
}

static DEFINE_SPINLOCK(outer_safe);
static DEFINE_SPINLOCK(inner_irqsave);

static void an_inner_lock_always_taken_with_interrupts_off_is_fine(struct kunit *test)
{
	unsigned long reports = lockcheck_irq_order_reports, flags;

	lock_in_irq = &outer_safe;
	irq_sim_fire(LINE);
	spin_lock_irqsave(&inner_irqsave, flags); /* never HARDIRQ-ON */
	spin_unlock_irqrestore(&inner_irqsave, flags);
	spin_lock_irqsave(&outer_safe, flags);
	spin_lock(&inner_irqsave);
	spin_unlock(&inner_irqsave);
	spin_unlock_irqrestore(&outer_safe, flags);
	KUNIT_EXPECT_EQ(test, lockcheck_irq_order_reports, reports);
}

static struct kunit_case lockcheck_cases[] = {
	KUNIT_CASE(in_irq_after_irq_on_is_reported_once),
	KUNIT_CASE(irq_on_after_in_irq_is_reported_too),
	KUNIT_CASE(consistent_use_is_not_reported),
	KUNIT_CASE(softirq_unsafe_use_is_reported),
	KUNIT_CASE(an_irq_safe_lock_held_while_taking_an_irq_unsafe_one_is_reported),
	KUNIT_CASE(an_order_known_before_the_interrupt_use_is_reported_then),
	KUNIT_CASE(a_softirq_safe_lock_before_a_softirq_unsafe_one_is_reported),
	KUNIT_CASE(an_inner_lock_always_taken_with_interrupts_off_is_fine),
	{}
};

static struct kunit_suite lockcheck_suite = {
	.name = "lockcheck",
	.init = setup,
	.exit = teardown,
	.test_cases = lockcheck_cases,
};
kunit_test_suite(lockcheck_suite);
