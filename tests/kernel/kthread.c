/*
 * KTAP suite `kthread`: the lifetime rules of kthread_stop() (kernel/kthread.c,
 * kernel/fork.c). A kthread that loops until kthread_should_stop() cannot
 * exit before it is stopped; one that may exit by itself must be held with
 * get_task_struct() by whoever will stop it. Breaking that rule (stopping a
 * kthread that already exited and was freed) is a classic mistake: the
 * kernel reports it by name instead of reading freed memory.
 */
#include <kunit/test.h>
#include <linux/completion.h>
#include <linux/err.h>
#include <linux/errno.h>
#include <linux/kthread.h>
#include <linux/sched/task.h>
#include <linux/sprintf.h>
#include <janus/log.h>
#include "helpers.h"

static int return_seven(void *unused)
{
	(void)unused;
	return 7;
}

static int loop_until_stopped(void *ran)
{
	complete(ran);
	sleep_until_kthread_stop();
	return 3;
}

/* Whether p is still a task (without reading it if it is not). */
static bool task_exists(struct task_struct *p)
{
	struct task_obituary obit;

	if (!try_get_task_struct(p, &obit))
		return false;
	put_task_struct(p);
	return true;
}

static void a_looping_kthread_returns_its_result(struct kunit *test)
{
	DECLARE_COMPLETION(ran);
	struct task_struct *t = kthread_run(loop_until_stopped, &ran, "looper");

	KUNIT_ASSERT_FALSE(test, IS_ERR(t));
	KUNIT_EXPECT_NE(test, wait_for_completion_timeout(&ran, 10 * HZ), 0ul);
	KUNIT_EXPECT_EQ(test, kthread_stop(t), 3);
}

static void a_kthread_stopped_before_it_ran_never_runs(struct kunit *test)
{
	DECLARE_COMPLETION(ran);
	struct task_struct *t = kthread_create(loop_until_stopped, &ran, "never");

	KUNIT_ASSERT_FALSE(test, IS_ERR(t));
	KUNIT_EXPECT_EQ(test, kthread_stop(t), -EINTR);
	KUNIT_EXPECT_FALSE(test, completion_done(&ran));
}

/* The rule kept: a reference taken before the thread can exit. */
static void a_held_reference_keeps_an_exited_kthread_stoppable(struct kunit *test)
{
	unsigned long misuses = kthread_stop_misuses;
	struct task_struct *t = kthread_create(return_seven, NULL, "held");

	KUNIT_ASSERT_FALSE(test, IS_ERR(t));
	get_task_struct(t);
	wake_up_process(t);
	KUNIT_EXPECT_TRUE(test, wait_until(READ_ONCE(t->state) == TASK_DEAD, TEST_WAIT_MS));
	KUNIT_EXPECT_EQ(test, kthread_stop(t), 7);
	KUNIT_EXPECT_EQ(test, kthread_stop_misuses, misuses);
	put_task_struct(t);
}

/* The rule broken: no reference, and the thread has exited and been freed. */
static void stopping_a_freed_kthread_is_reported_by_name(struct kunit *test)
{
	unsigned long misuses = kthread_stop_misuses;
	u64 seq = log_next_sequence();
	struct task_struct *t = kthread_create(return_seven, NULL, "gone-early");
	char report[80];
	pid_t pid;

	KUNIT_ASSERT_FALSE(test, IS_ERR(t));
	pid = t->pid;
	wake_up_process(t);
	KUNIT_ASSERT_TRUE(test, wait_until(!task_exists(t), TEST_WAIT_MS));
	kunit_expect_report(test, "BUG: kthread_stop() of gone-early/%d", pid);
	KUNIT_EXPECT_EQ(test, kthread_stop(t), -ESRCH);
	KUNIT_EXPECT_EQ(test, kthread_stop_misuses, misuses + 1);
	snprintf(report, sizeof(report), "BUG: kthread_stop() of gone-early/%d, which already exited (code 7)",
		 pid);
	KUNIT_EXPECT_TRUE(test, log_contains(seq, report));
}

static void stopping_a_task_that_is_no_kthread_is_reported(struct kunit *test)
{
	unsigned long misuses = kthread_stop_misuses;

	/* init_task is CPU 0's idle task: a task, but no kthread of kthread_create. */
	kunit_expect_report(test, "BUG: kthread_stop() of swapper/0/0, which is not a kthread");
	KUNIT_EXPECT_EQ(test, kthread_stop(&init_task), -EINVAL);
	KUNIT_EXPECT_EQ(test, kthread_stop_misuses, misuses + 1);
}

static struct kunit_case kthread_cases[] = {
	KUNIT_CASE(a_looping_kthread_returns_its_result),
	KUNIT_CASE(a_kthread_stopped_before_it_ran_never_runs),
	KUNIT_CASE(a_held_reference_keeps_an_exited_kthread_stoppable),
	KUNIT_CASE(stopping_a_freed_kthread_is_reported_by_name),
	KUNIT_CASE(stopping_a_task_that_is_no_kthread_is_reported),
	{}
};

static struct kunit_suite kthread_suite = {
	.name = "kthread",
	.test_cases = kthread_cases,
};
kunit_test_suite(kthread_suite);
