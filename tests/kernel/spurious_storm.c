/*
 * KTAP suite `spurious_storm`: Linux's policy for interrupts nobody handles
 * (kernel/irq/spurious.c). A line whose handler always returns IRQ_NONE is
 * disabled once more than 99,900 of a window of 100,000 arrivals went
 * unhandled, with "nobody cared" and "Disabling IRQ #N", and shown so in
 * /proc/interrupts; a driver that requests it again gets it back. A line
 * whose handler claims even one arrival in a hundred stays enabled.
 */
#include <kunit/test.h>
#include <linux/interrupt.h>
#include <linux/irq_sim.h>
#include <linux/irqdesc.h>
#include <linux/nmi.h>
#include <linux/seq_file.h>
#include <linux/string.h>
#include "user_helpers.h"

#define LINE (IRQ_SIM_BASE + 3)
#define WINDOW 100000

static unsigned int calls, claim_every;

static irqreturn_t maybe_mine(int irq, void *dev)
{
	(void)irq;
	(void)dev;
	calls++;
	return claim_every && !(calls % claim_every) ? IRQ_HANDLED : IRQ_NONE;
}

static int setup(struct kunit *test)
{
	(void)test;
	calls = 0;
	return request_irq(LINE, maybe_mine, 0, "stormy", &calls);
}

static void teardown(struct kunit *test)
{
	(void)test;
	free_irq(LINE, &calls);
}

/* Whether two unhandled arrivals may have been more than HZ/10 apart, from
 * jiffies read before each arrival: each handler reads jiffies between the
 * reads before its own arrival and before the next one, so two arrivals are at
 * most as far apart as the reads before the first and after the second. */
struct storm_clock {
	unsigned long before_prev, prev;
	bool paused;
};

static void storm_clock_read(struct storm_clock *c)
{
	unsigned long now = jiffies;

	if (time_after(now, c->before_prev + HZ / 10))
		c->paused = true;
	c->before_prev = c->prev;
	c->prev = now;
}

/* Fires the line until it is disabled or n more arrivals were handled. A
 * storm is relentless: the policy starts counting again after a pause of
 * more than HZ/10 between two unhandled arrivals, so the test does not let
 * itself be switched away from meanwhile (interrupts, and the softirqs after
 * them, still run). The host can still pause this virtual CPU (guest time is
 * host time): c says whether it did, between any two arrivals of the case. */
static void storm(unsigned int n, struct storm_clock *c)
{
	struct irq_desc *desc = irq_to_desc(LINE);

	preempt_disable();
	for (unsigned int i = 0; i < n && !(desc->istate & IRQS_SPURIOUS_DISABLED); i++) {
		storm_clock_read(c);
		irq_sim_fire(LINE);
		if (!(i % 1024))
			touch_softlockup_watchdog(); /* meant: not a lock-up */
	}
	storm_clock_read(c); /* the read after the last arrival */
	preempt_enable();
}

/* The line is disabled at the end of the first window of 100,000 arrivals
 * that is not cut by a pause (the policy's own rule). Windows the host cut
 * are let go, up to ten; a window without a pause that leaves the line
 * enabled is a failure. */
static void a_line_nobody_claims_is_disabled_after_99900_of_100000(struct kunit *test)
{
	struct irq_desc *desc = irq_to_desc(LINE);
	unsigned long disabled = irqs_spurious_disabled;
	unsigned int before, windows = 0, cut = 0;
	struct storm_clock clock = { jiffies, jiffies, false };

	claim_every = 0;
	KUNIT_ASSERT_EQ(test, desc->irq_count, 0u); /* request_irq starts a window */
	storm(WINDOW - 1, &clock);
	KUNIT_EXPECT_EQ(test, irqs_spurious_disabled, disabled); /* not before the window ends */
	kunit_expect_report(test, "irq %d: nobody cared", LINE);
	for (unsigned int n = 1; windows < 10; n = WINDOW) {
		storm(n, &clock); /* to the end of this window */
		windows++;
		if (desc->istate & IRQS_SPURIOUS_DISABLED)
			break;
		if (!clock.paused) {
			KUNIT_FAIL(test, "window %u had no pause, yet the line is on", windows);
			return;
		}
		cut++;
		clock.paused = false;
	}
	if (cut)
		kunit_info(test, "%u window(s) cut by a pause of the virtual CPU", cut);
	if (!(desc->istate & IRQS_SPURIOUS_DISABLED))
		kunit_skip(test, "the host paused this CPU for more than HZ/10 in each of %u windows",
			   windows);
	KUNIT_ASSERT_EQ(test, irqs_spurious_disabled, disabled + 1);
	KUNIT_EXPECT_TRUE(test, irq_sim_masked(LINE));
	/* /proc/interrupts says so, to a user process. */
	KUNIT_EXPECT_PROGRAM_PASSES(test, run_user_program(NULL, "/bin/proc_test", "/proc/interrupts",
							   "disabled: nobody cared", "1", NULL));
	before = calls;
	irq_sim_fire(LINE); /* the device goes on: nobody listens any more */
	KUNIT_EXPECT_EQ(test, calls, before);
	/* A driver that sets the line up again gets it back. */
	free_irq(LINE, &calls);
	KUNIT_ASSERT_EQ(test, request_irq(LINE, maybe_mine, 0, "stormy", &calls), 0);
	KUNIT_EXPECT_FALSE(test, irq_sim_masked(LINE));
	irq_sim_fire(LINE);
	KUNIT_EXPECT_EQ(test, calls, before + 1);
}

static void a_line_claimed_once_in_a_hundred_stays_enabled(struct kunit *test)
{
	unsigned long disabled = irqs_spurious_disabled;
	struct storm_clock clock = { jiffies, jiffies, false }; /* a pause only helps here */

	claim_every = 100; /* 99,000 unhandled in the window: under the limit */
	storm(WINDOW + 10, &clock);
	KUNIT_EXPECT_EQ(test, irqs_spurious_disabled, disabled);
	KUNIT_EXPECT_FALSE(test, irq_sim_masked(LINE));
	KUNIT_EXPECT_EQ(test, calls, WINDOW + 10u);
}

static struct kunit_case spurious_storm_cases[] = {
	KUNIT_CASE(a_line_nobody_claims_is_disabled_after_99900_of_100000),
	KUNIT_CASE(a_line_claimed_once_in_a_hundred_stays_enabled),
	{}
};

static struct kunit_suite spurious_storm_suite = {
	.name = "spurious_storm",
	.init = setup,
	.exit = teardown,
	.test_cases = spurious_storm_cases,
};
kunit_test_suite(spurious_storm_suite);
