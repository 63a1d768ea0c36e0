/*
 * KTAP suite `wait_until`: the self-tests' own wait (tests/kernel/helpers.h).
 * Every case that waits for an event trusts it: a deadline that passed while
 * the host did not run this CPU must still see an event that came meanwhile,
 * and a condition found true is the answer even if it turns false again.
 */
#include <kunit/test.h>
#include <linux/delay.h>
#include "helpers.h"

static unsigned int looks;
static bool event;

/* The first look finds nothing; then this CPU "stalls" past the wait's
 * deadline (spins, as a host that stops running this vCPU would make the
 * deadline pass), and the event comes while it does. */
static bool look_then_stall(unsigned int ms)
{
	if (looks++)
		return READ_ONCE(event);
	mdelay(ms + 1);
	WRITE_ONCE(event, true);
	return false;
}

static void an_event_during_a_stall_across_the_deadline_is_seen(struct kunit *test)
{
	bool seen;

	looks = 0;
	event = false;
	seen = wait_until(look_then_stall(2), 2);
	KUNIT_EXPECT_TRUE(test, seen);
	KUNIT_EXPECT_EQ(test, looks, 2u);
}

/* True at the first look only (two counters, one moved before the other). */
static bool true_once(void)
{
	return looks++ == 0;
}

static void a_condition_found_true_is_not_looked_at_again(struct kunit *test)
{
	bool met;

	looks = 0;
	met = wait_until(true_once(), 20);
	KUNIT_EXPECT_TRUE(test, met);
	KUNIT_EXPECT_EQ(test, looks, 1u);
}

static bool never(void)
{
	looks++;
	return false;
}

static void a_condition_never_true_times_out_after_the_time_given(struct kunit *test)
{
	u64 start = rdtsc();
	bool met;

	looks = 0;
	met = wait_until(never(), 5);
	KUNIT_EXPECT_FALSE(test, met);
	KUNIT_EXPECT_GE(test, rdtsc() - start, (u64)tsc_khz * 5);
	KUNIT_EXPECT_GE(test, looks, 2u); /* before the deadline, and the last look */
}

static struct kunit_case wait_until_cases[] = {
	KUNIT_CASE(an_event_during_a_stall_across_the_deadline_is_seen),
	KUNIT_CASE(a_condition_found_true_is_not_looked_at_again),
	KUNIT_CASE(a_condition_never_true_times_out_after_the_time_given),
	{}
};

static struct kunit_suite wait_until_suite = {
	.name = "wait_until",
	.test_cases = wait_until_cases,
};
kunit_test_suite(wait_until_suite);
