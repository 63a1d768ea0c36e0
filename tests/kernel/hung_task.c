/*
 * KTAP suite `hung_task`: the hung-task detector (kernel/hung_task.c) with a
 * one-second period. A kthread stuck in wait_for_completion (TASK_UNINTERRUPTIBLE)
 * is reported with a backtrace through wait_for_completion; one asleep in
 * TASK_INTERRUPTIBLE for as long is not: a signal could still end its wait.
 */
#include <kunit/test.h>
#include <linux/completion.h>
#include <linux/err.h>
#include <linux/kthread.h>
#include <linux/sprintf.h>
#include <janus/hung_task.h>
#include <janus/log.h>
#include "helpers.h"

/* Loops until kthread_stop() after its wait: a kthread that returned on its
 * own could be freed before kthread_stop() looks at it. */
static int stuck_in_d(void *done)
{
	wait_for_completion(done);
	sleep_until_kthread_stop();
	return 0;
}

static int asleep_in_s(void *unused)
{
	(void)unused;
	sleep_until_kthread_stop();
	return 0;
}

static bool reported(u64 seq, const struct task_struct *t)
{
	char line[64];

	snprintf(line, sizeof(line), "INFO: task %s:%d blocked for more than", t->comm, t->pid);
	return log_contains(seq, line);
}

static void only_an_uninterruptible_sleeper_is_reported(struct kunit *test)
{
	unsigned long old_timeout = hung_task_timeout_secs;
	unsigned int reports = hung_task_reports;
	u64 seq = log_next_sequence();
	DECLARE_COMPLETION(done);
	struct task_struct *d, *s;

	d = kthread_run(stuck_in_d, &done, "stuck_in_d");
	KUNIT_ASSERT_FALSE(test, IS_ERR(d));
	s = kthread_run(asleep_in_s, NULL, "asleep_in_s");
	if (IS_ERR(s)) {
		complete(&done);
		kthread_stop(d);
		KUNIT_FAIL(test, "no second kthread");
		return;
	}
	kunit_expect_report(test, "INFO: task stuck_in_d:%d blocked for more than", d->pid);
	hung_task_set_timeout(1);
	/* Seen asleep at one look, still unswitched a period later: 1-3 s. */
	KUNIT_EXPECT_TRUE(test, wait_until(hung_task_reports > reports, TEST_WAIT_MS));
	hung_task_set_timeout(old_timeout);
	KUNIT_EXPECT_TRUE(test, reported(seq, d));
	KUNIT_EXPECT_FALSE(test, reported(seq, s));
	KUNIT_EXPECT_TRUE(test, log_contains(seq, "wait_for_completion+"));
	KUNIT_EXPECT_EQ(test, d->state, (long)TASK_UNINTERRUPTIBLE);
	complete(&done);
	KUNIT_EXPECT_EQ(test, kthread_stop(d), 0);
	KUNIT_EXPECT_EQ(test, kthread_stop(s), 0);
}

static struct kunit_case hung_task_cases[] = {
	KUNIT_CASE(only_an_uninterruptible_sleeper_is_reported),
	{}
};

static struct kunit_suite hung_task_suite = {
	.name = "hung_task",
	.test_cases = hung_task_cases,
};
kunit_test_suite(hung_task_suite);
