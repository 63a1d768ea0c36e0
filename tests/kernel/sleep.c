/* KTAP suite `sleep`: seed 003's sleep pattern, schedule_timeout and msleep (kernel/time/timer.c). */
#include <kunit/test.h>
#include <linux/completion.h>
#include <linux/delay.h>
#include <linux/jiffies.h>
#include <linux/kthread.h>
#include <linux/sched/signal.h>
#include "helpers.h"

/* Exactly the two lines of seed 003's my_read(). */
static void the_seed_003_pattern_sleeps_one_second(struct kunit *test)
{
	unsigned long start = jiffies;
	long left;

	set_current_state(TASK_INTERRUPTIBLE);
	left = schedule_timeout(HZ); /* Sleep for 1 second */
	KUNIT_EXPECT_EQ(test, left, 0l);
	KUNIT_EXPECT_GE(test, jiffies - start, (unsigned long)HZ); /* never early; how late is
								      * up to a busy host */
	KUNIT_EXPECT_EQ(test, current->state, (long)TASK_RUNNING);
}

/* msleep(0) still gives the CPU away (a voluntary switch), as in Linux; a
 * sleep is never shorter than asked. */
static void msleep_zero_and_short_sleeps_behave(struct kunit *test)
{
	unsigned long start, switches = current->nvcsw;

	msleep(0);
	KUNIT_EXPECT_GT(test, current->nvcsw, switches);
	start = jiffies;
	msleep(30);
	KUNIT_EXPECT_GE(test, jiffies - start, msecs_to_jiffies(30));
	start = jiffies;
	msleep(1);
	KUNIT_EXPECT_GE(test, jiffies - start, 1ul);
}

#define LONG_SLEEP_MS 20000 /* cut short long before it ends, even on a busy host */

struct early {
	long left;
	unsigned long ms_left;
	struct completion done;
	bool use_msleep;
};

static int sleep_long(void *data)
{
	struct early *e = data;

	if (e->use_msleep) {
		e->ms_left = msleep_interruptible(LONG_SLEEP_MS);
	} else {
		set_current_state(TASK_INTERRUPTIBLE);
		e->left = schedule_timeout(msecs_to_jiffies(LONG_SLEEP_MS));
	}
	complete(&e->done);
	sleep_until_kthread_stop();
	return 0;
}

static void an_early_wake_up_returns_the_jiffies_left(struct kunit *test)
{
	struct early e = { .left = -1 };
	struct task_struct *t;
	unsigned long start;

	init_completion(&e.done);
	t = kthread_run(sleep_long, &e, "sleep-long");
	KUNIT_ASSERT_FALSE(test, IS_ERR(t));
	/* Asleep, and then at least a jiffy of its sleep gone (jiffies read
	 * before it slept could change before it computed its deadline). */
	KUNIT_ASSERT_TRUE(test, wait_until_asleep(t, TASK_INTERRUPTIBLE));
	start = jiffies;
	KUNIT_ASSERT_TRUE(test, wait_until(jiffies != start, TEST_WAIT_MS));
	wake_up_process(t);
	KUNIT_EXPECT_NE(test, wait_for_completion_timeout(&e.done, msecs_to_jiffies(TEST_WAIT_MS)), 0ul);
	KUNIT_EXPECT_GT(test, e.left, 0l);
	KUNIT_EXPECT_LT(test, e.left, (long)msecs_to_jiffies(LONG_SLEEP_MS));
	kthread_stop(t);
}

static void a_signal_cuts_msleep_interruptible_short(struct kunit *test)
{
	struct early e = { .use_msleep = true };
	struct task_struct *t;

	init_completion(&e.done);
	t = kthread_run(sleep_long, &e, "sleep-long");
	KUNIT_ASSERT_FALSE(test, IS_ERR(t));
	KUNIT_ASSERT_TRUE(test, wait_until_asleep(t, TASK_INTERRUPTIBLE));
	send_sig(SIGUSR1, t, 0);
	KUNIT_EXPECT_NE(test, wait_for_completion_timeout(&e.done, msecs_to_jiffies(TEST_WAIT_MS)), 0ul);
	KUNIT_EXPECT_GT(test, e.ms_left, 0ul); /* cut short: time was left */
	flush_signals(t);
	kthread_stop(t);
}

static struct kunit_case sleep_cases[] = {
	KUNIT_CASE(the_seed_003_pattern_sleeps_one_second),
	KUNIT_CASE(msleep_zero_and_short_sleeps_behave),
	KUNIT_CASE(an_early_wake_up_returns_the_jiffies_left),
	KUNIT_CASE(a_signal_cuts_msleep_interruptible_short),
	{}
};

static struct kunit_suite sleep_suite = {
	.name = "sleep",
	.test_cases = sleep_cases,
};
kunit_test_suite(sleep_suite);
