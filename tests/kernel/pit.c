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

/* The tick and the TSC are two clocks: over 20 ticks they must roughly agree
 * with the calibration (generously: from half to double). */
static void the_tsc_agrees_with_the_tick(struct kunit *test)
{
	unsigned long start;
	u64 t0, cycles, expected = (u64)tsc_khz * 1000 * 20 / HZ;

	start = jiffies;
	KUNIT_ASSERT_TRUE(test, wait_until(jiffies != start, TEST_WAIT_MS));
	start = jiffies;
	t0 = rdtsc();
	KUNIT_ASSERT_TRUE(test, wait_until(time_after_eq(jiffies, start + 20), TEST_WAIT_MS));
	cycles = rdtsc() - t0;
	KUNIT_EXPECT_GT(test, cycles, expected / 2);
	KUNIT_EXPECT_LT(test, cycles, expected * 2);
}

/* jiffies follows the clock (sched_clock, the TSC): a tick the host swallowed
 * is counted at the next one (kernel/time/tick.c), so over any stretch the
 * two agree to a tick or two, however busy the host. (Their absolute values
 * differ by the boot time before the tick started.) */
static void jiffies_keep_up_with_the_clock(struct kunit *test)
{
	unsigned long flags, j0, j1;
	u64 c0, c1, clock_ticks;

	local_irq_save(flags);
	j0 = jiffies;
	c0 = sched_clock();
	local_irq_restore(flags);
	wait_jiffies_past(j0 + 50);
	local_irq_save(flags);
	j1 = jiffies;
	c1 = sched_clock();
	local_irq_restore(flags);
	clock_ticks = div_u64(c1 - c0, 1000000000u / HZ);
	KUNIT_EXPECT_LE(test, (u64)(j1 - j0), clock_ticks + 2);
	KUNIT_EXPECT_GE(test, (u64)(j1 - j0) + 2, clock_ticks);
}

/* The boot measured the TSC's rate until a window's ends were known to
 * 0.05% (arch/x86/tsc.c): a clean window now gives the same rate. Taking the
 * best of five windows instead was off by up to 45% on a busy host. */
static void the_tsc_rate_is_what_a_clean_pit_window_says(struct kunit *test)
{
	u64 cycles = 1, error = ~0ull;
	unsigned long flags;
	u32 khz;

	for (int i = 0; i < 100 && error * 2000 > cycles; i++) {
		local_irq_save(flags);
		cycles = pit_measure_tsc(11932, &error); /* 10 ms */
		local_irq_restore(flags);
	}
	if (error * 2000 > cycles)
		kunit_skip(test, "the host paused this CPU in each of 100 windows");
	khz = div_u64(cycles * PIT_TICK_RATE, 11932 * 1000u);
	KUNIT_EXPECT_LE(test, khz, tsc_khz + tsc_khz / 1000);
	KUNIT_EXPECT_GE(test, khz, tsc_khz - tsc_khz / 1000);
}

static struct kunit_case pit_cases[] = {
	KUNIT_CASE(jiffies_advance),
	KUNIT_CASE(jiffies_is_the_low_half_of_jiffies_64),
	KUNIT_CASE(time_after_survives_the_wrap),
	KUNIT_CASE(conversions_round_up),
	KUNIT_CASE(the_tsc_agrees_with_the_tick),
	KUNIT_CASE(jiffies_keep_up_with_the_clock),
	KUNIT_CASE(the_tsc_rate_is_what_a_clean_pit_window_says),
	{}
};

static struct kunit_suite pit_suite = {
	.name = "pit",
	.test_cases = pit_cases,
};
kunit_test_suite(pit_suite);
