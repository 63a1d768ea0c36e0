/* KTAP suite `timer`: kernel timers fire once, in softirq context, never early (kernel/time/timer.c). */
#include <kunit/test.h>
#include <linux/delay.h>
#include <linux/interrupt.h>
#include <linux/sched.h>
#include <linux/smp.h>
#include <linux/timer.h>
#include "helpers.h"

struct probe {
	struct timer_list timer;
	unsigned int fired, rearm;
	unsigned long fired_at;
	bool in_softirq, in_task;
	volatile bool running, deleting;
	unsigned long spin_ms;
};

static struct probe p;

static void probe_fn(struct timer_list *t)
{
	struct probe *pr = from_timer(pr, t, timer);

	pr->running = true;
	pr->fired++;
	pr->fired_at = jiffies;
	pr->in_softirq = in_serving_softirq();
	pr->in_task = in_task();
	if (pr->spin_ms) {
		/* Until the test is about to call del_timer_sync (5 s at most),
		 * then spin_ms more: the call comes while this handler runs,
		 * however late the host lets the test see it running. */
		u64 end = rdtsc() + (u64)tsc_khz * 5000;

		while (!pr->deleting && rdtsc() < end)
			cpu_relax();
		end = rdtsc() + (u64)tsc_khz * pr->spin_ms;
		while (rdtsc() < end)
			cpu_relax();
	}
	if (pr->rearm && pr->fired < pr->rearm)
		mod_timer(t, jiffies + 1);
	pr->running = false;
}

static int setup(struct kunit *test)
{
	(void)test;
	p = (struct probe){ 0 };
	timer_setup(&p.timer, probe_fn, 0);
	return 0;
}

static void it_fires_once_in_softirq_context_after_the_delay(struct kunit *test)
{
	unsigned long armed = jiffies;

	mod_timer(&p.timer, armed + 5);
	KUNIT_EXPECT_TRUE(test, timer_pending(&p.timer));
	KUNIT_ASSERT_TRUE(test, wait_until(p.fired, TEST_WAIT_MS));
	wait_jiffies_past(armed + 10); /* a second run would have come by now */
	KUNIT_EXPECT_EQ(test, p.fired, 1u);
	KUNIT_EXPECT_TRUE(test, time_after_eq(p.fired_at, armed + 5));
	KUNIT_EXPECT_TRUE(test, p.in_softirq);
	KUNIT_EXPECT_FALSE(test, p.in_task);
	KUNIT_EXPECT_FALSE(test, timer_pending(&p.timer));
}

static void del_timer_cancels_a_pending_timer(struct kunit *test)
{
	unsigned long armed = jiffies;

	mod_timer(&p.timer, armed + 5);
	KUNIT_EXPECT_EQ(test, del_timer(&p.timer), 1);
	KUNIT_EXPECT_EQ(test, del_timer(&p.timer), 0);
	wait_jiffies_past(armed + 10); /* it would have fired by now */
	KUNIT_EXPECT_EQ(test, p.fired, 0u);
}

static void mod_timer_moves_a_pending_timer(struct kunit *test)
{
	unsigned long start = jiffies;

	mod_timer(&p.timer, start + 2);
	KUNIT_EXPECT_EQ(test, mod_timer(&p.timer, start + 12), 1);
	KUNIT_ASSERT_TRUE(test, wait_until(p.fired, TEST_WAIT_MS));
	KUNIT_EXPECT_TRUE(test, time_after_eq(p.fired_at, start + 12));
	KUNIT_EXPECT_EQ(test, p.fired, 1u);
}

static void a_timer_may_rearm_itself(struct kunit *test)
{
	p.rearm = 3;
	mod_timer(&p.timer, jiffies + 1);
	KUNIT_ASSERT_TRUE(test, wait_until(p.fired == 3, TEST_WAIT_MS));
	wait_jiffies_past(p.fired_at + 5); /* a fourth run would have come by now */
	KUNIT_EXPECT_EQ(test, p.fired, 3u);
}

static void a_timer_beyond_one_wheel_turn_waits_its_round(struct kunit *test)
{
	unsigned long start = jiffies;

	mod_timer(&p.timer, start + 260); /* more than 256 buckets away */
	KUNIT_ASSERT_TRUE(test, wait_until(p.fired, TEST_WAIT_MS));
	KUNIT_EXPECT_TRUE(test, time_after_eq(p.fired_at, start + 260));
	KUNIT_EXPECT_EQ(test, p.fired, 1u);
}

/* Timers run where they were armed: an IPI arms this one on the other CPU. */
static void arm_here(void *unused)
{
	(void)unused;
	mod_timer(&p.timer, jiffies + 1);
}

/* The handler runs on another CPU until 200 ms after the test says it calls
 * del_timer_sync, which must wait for it to finish. (It ran for a fixed
 * 200 ms before: a test thread that the host or the scheduler held back
 * that long never saw it running. And the test went to the other CPU to
 * arm it: a tick there before it came back ran the handler on top of it.) */
static void del_timer_sync_returns_only_when_the_handler_is_done(struct kunit *test)
{
	int me = raw_smp_processor_id(), other;
	unsigned long armed;

	if (num_online_cpus() < 2)
		kunit_skip(test, "one CPU: no handler can run while we call del_timer_sync");
	other = (me + 1) % num_online_cpus();
	p.spin_ms = 200;
	KUNIT_ASSERT_EQ(test, set_cpus_allowed(current, CPU_BIT(me)), 0);
	smp_call_function_single(other, arm_here, NULL, 1);
	KUNIT_ASSERT_TRUE(test, wait_until(p.running, TEST_WAIT_MS));
	p.deleting = true;
	del_timer_sync(&p.timer);
	KUNIT_EXPECT_FALSE(test, p.running);
	KUNIT_EXPECT_EQ(test, p.fired, 1u);
	set_cpus_allowed(current, CPU_BITS_ALL);
	/* Deleting a pending timer synchronously: it will not run. A second
	 * away, not 3 ticks: a host that paused this CPU for 3 ticks let it
	 * fire first (del_timer_sync 0, fired 2). */
	armed = jiffies;
	mod_timer(&p.timer, armed + HZ);
	KUNIT_EXPECT_EQ(test, del_timer_sync(&p.timer), 1);
	wait_jiffies_past(armed + HZ + 5);
	KUNIT_EXPECT_EQ(test, p.fired, 1u);
}

static struct kunit_case timer_cases[] = {
	KUNIT_CASE(it_fires_once_in_softirq_context_after_the_delay),
	KUNIT_CASE(del_timer_cancels_a_pending_timer),
	KUNIT_CASE(mod_timer_moves_a_pending_timer),
	KUNIT_CASE(a_timer_may_rearm_itself),
	KUNIT_CASE(a_timer_beyond_one_wheel_turn_waits_its_round),
	KUNIT_CASE(del_timer_sync_returns_only_when_the_handler_is_done),
	{}
};

static struct kunit_suite timer_suite = {
	.name = "timer",
	.init = setup,
	.test_cases = timer_cases,
};
kunit_test_suite(timer_suite);
