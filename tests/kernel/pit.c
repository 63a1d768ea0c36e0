/* KTAP suite `pit`: the tick (arch/x86/pit.c, kernel/time/) and the TSC calibration. */
#include <asm/pit.h>
#include <asm/tsc.h>
#include <kunit/test.h>
#include <linux/jiffies.h>
#include <linux/sched/clock.h>
#include "helpers.h"


static void jiffies_advance(struct kunit *test)
{
	unsigned long start = jiffies;

	KUNIT_EXPECT_TRUE(test, wait_until(time_after(jiffies, start + 5), TEST_WAIT_MS));
}

static void jiffies_is_the_low_half_of_jiffies_64(struct kunit *test)
{
	unsigned long flags;
	u64 j64;
	unsigned long j;

	local_irq_save(flags);
	j64 = get_jiffies_64();
	j = jiffies;
	local_irq_restore(flags);
	KUNIT_EXPECT_EQ(test, (unsigned long)j64, j);
	KUNIT_EXPECT_GT(test, j64, (u64)INITIAL_JIFFIES);
}

static void time_after_survives_the_wrap(struct kunit *test)
{
	/* jiffies starts 5 minutes before its 32-bit wrap: compare across it. */
	unsigned long before_wrap = 0xfffffff0ul, after_wrap = 0x10;

	KUNIT_EXPECT_TRUE(test, time_after(after_wrap, before_wrap));
	KUNIT_EXPECT_TRUE(test, time_before(before_wrap, after_wrap));
	KUNIT_EXPECT_FALSE(test, after_wrap > before_wrap);
	KUNIT_EXPECT_TRUE(test, time_after_eq(after_wrap, after_wrap));
	KUNIT_EXPECT_TRUE(test, time_in_range(0x5ul, before_wrap, after_wrap));
}

/* A fact of the build, not of the running kernel: checked by the compiler. */
_Static_assert((u32)(INITIAL_JIFFIES + 300u * HZ) == 0, "jiffies wraps 5 minutes after boot");

static void conversions_round_up(struct kunit *test)
{
	KUNIT_EXPECT_EQ(test, msecs_to_jiffies(1000), (unsigned long)HZ);
	KUNIT_EXPECT_EQ(test, msecs_to_jiffies(1), 1ul);
	KUNIT_EXPECT_EQ(test, msecs_to_jiffies(0), 0ul);
	KUNIT_EXPECT_EQ(test, jiffies_to_msecs(HZ), 1000u);
	KUNIT_EXPECT_EQ(test, usecs_to_jiffies(1), 1ul);
}

/* A (jiffies, clock) pair taken as the tick changes jiffies. The clock is read
 * before each look at jiffies: the tick that changed it ran after the clock
 * read before the last look that saw the old value, and before the read just
 * after the look that saw the new one. A pair whose two reads are more than a
 * millisecond apart is not used: a virtual CPU paused there, or a tick the
 * host held back while the clock ran on, would make it stale (reading both
 * with interrupts off does not help: the pending tick is the stale part).
 * False if no tight pair came in 100 ticks. */
static bool jiffies_clock_pair(unsigned long *j, u64 *c)
{
	for (int tries = 0; tries < 100; tries++) {
		u64 before = sched_clock(), t, after;
		unsigned long old = jiffies, now;

		for (;;) {
			t = sched_clock();
			now = jiffies;
			if (now != old)
				break;
			before = t;
		}
		after = sched_clock();
		if (after - before < 1000000) {
			*j = now;
			*c = before + (after - before) / 2;
			return true;
		}
	}
	return false;
}

/* jiffies follows the clock (sched_clock, the TSC at its calibrated rate: so
 * this is also the check that the TSC agrees with the tick). A tick the host
 * swallowed is counted at the next one (kernel/time/tick.c), so over any
 * stretch the two agree to two ticks, however busy the host: right after a
 * tick, jiffies is ahead of the clock by less than two ticks (their absolute
 * values differ by the boot time before the tick started). */
static void jiffies_keep_up_with_the_clock(struct kunit *test)
{
	unsigned long j0, j1;
	u64 c0, c1, clock_ticks;

	if (!jiffies_clock_pair(&j0, &c0))
		kunit_skip(test, "the host paused this CPU at each of 100 ticks");
	wait_jiffies_past(j0 + 50);
	if (!jiffies_clock_pair(&j1, &c1))
		kunit_skip(test, "the host paused this CPU at each of 100 ticks");
	clock_ticks = div_u64(c1 - c0 + TICK_NSEC / 2, TICK_NSEC); /* rounded */
	KUNIT_EXPECT_LE(test, (u64)(j1 - j0), clock_ticks + 2);
	KUNIT_EXPECT_GE(test, (u64)(j1 - j0) + 2, clock_ticks);
}

/* The boot measured the TSC's rate until a window's ends were known to
 * 0.05% (arch/x86/tsc.c): a clean window now gives the same rate. Polling the
 * PIT's output for the end of five windows was off by up to 45% on a busy host. */
static void the_tsc_rate_is_what_a_clean_pit_window_says(struct kunit *test)
{
	u64 cycles = 1, error = ~0ull;
	unsigned long flags;
	u32 khz;

	for (int i = 0; i < 20 && error * 2000 > cycles; i++) {
		local_irq_save(flags);
		cycles = pit_measure_tsc(11932, &error); /* 10 ms */
		local_irq_restore(flags);
	}
	if (error * 2000 > cycles)
		kunit_skip(test, "the host paused this CPU in each of 20 windows");
	khz = div_u64(cycles * PIT_TICK_RATE, 11932 * 1000u);
	KUNIT_EXPECT_LE(test, khz, tsc_khz + tsc_khz / 1000);
	KUNIT_EXPECT_GE(test, khz, tsc_khz - tsc_khz / 1000);
}

static struct kunit_case pit_cases[] = {
	KUNIT_CASE(jiffies_advance),
	KUNIT_CASE(jiffies_is_the_low_half_of_jiffies_64),
	KUNIT_CASE(time_after_survives_the_wrap),
	KUNIT_CASE(conversions_round_up),
	KUNIT_CASE(jiffies_keep_up_with_the_clock),
	KUNIT_CASE(the_tsc_rate_is_what_a_clean_pit_window_says),
	{}
};

static struct kunit_suite pit_suite = {
	.name = "pit",
	.test_cases = pit_cases,
};
kunit_test_suite(pit_suite);
