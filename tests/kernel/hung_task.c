/*
 * KTAP suite `hung_task`: the hung-task detector (kernel/hung_task.c) with a
 * one-second period. A kthread stuck in wait_for_completion (TASK_UNINTERRUPTIBLE)
 * is reported with a backtrace through wait_for_completion; one asleep in
 * TASK_INTERRUPTIBLE for as long is not: a signal could still end its wait.
 * A task left runnable on a CPU that never schedules (a hog with preemption
 * off) is reported as runnable but not run.
 */
#include <kunit/test.h>
#include <linux/completion.h>
#include <linux/err.h>
#include <linux/cpumask.h>
#include <linux/kthread.h>
#include <linux/nmi.h>
#include <linux/smp.h>
#include <linux/string.h>
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

/* Holds its CPU with preemption off until released: nothing queued there runs. */
static int hog_without_preemption(void *release)
{
	preempt_disable();
	while (!READ_ONCE(*(bool *)release))
		cpu_relax();
	preempt_enable();
	sleep_until_kthread_stop();
	return 0;
}

static void find_khungtaskd(struct task_struct *p, void *arg)
{
	if (!strcmp(p->comm, "khungtaskd"))
		*(int *)arg = p->cpu;
}

static struct task_struct *bound_kthread(int (*fn)(void *), void *arg, const char *name, int cpu)
{
	struct task_struct *t = kthread_create(fn, arg, "%s", name);

	if (!IS_ERR(t)) {
		kthread_bind(t, cpu);
		wake_up_process(t);
	}
	return t;
}

/* With the hog holding cpu: a kthread queued there is reported as starved. */
static void starve_behind(struct kunit *test, int cpu, const struct task_struct *hog,
			  struct task_struct **starved)
{
	unsigned long old_timeout = hung_task_timeout_secs;
	unsigned int reports = hung_task_reports;
	u64 seq = log_next_sequence();
	unsigned long ticks;
	char line[80];

	kunit_expect_report(test, "runnable but not run for more than");
	*starved = bound_kthread(asleep_in_s, NULL, "starved", cpu);
	if (IS_ERR(*starved)) {
		KUNIT_FAIL(test, "no second kthread");
		return;
	}
	hung_task_set_timeout(1);
	/* Queued behind the hog for a period of its CPU's ticks: within three
	 * periods of those ticks, however little the host runs that CPU (the
	 * soft lock-up report would come at 2000). The clock is a last resort. */
	ticks = watchdog_cpu_ticks(cpu);
	KUNIT_EXPECT_TRUE(test, wait_until(hung_task_reports > reports ||
					   watchdog_cpu_ticks(cpu) - ticks > 3 * HZ, 3 * TEST_WAIT_MS));
	KUNIT_EXPECT_GT(test, hung_task_reports, reports);
	hung_task_set_timeout(old_timeout);
	snprintf(line, sizeof(line), "INFO: task starved:%d runnable but not run for more than",
		 (*starved)->pid);
	KUNIT_EXPECT_TRUE(test, log_contains(seq, line));
	snprintf(line, sizeof(line), "CPU%d runs hog/%d, need_resched 1", cpu, hog->pid);
	KUNIT_EXPECT_TRUE(test, log_contains(seq, line));
}

static void a_runnable_task_that_never_runs_is_reported(struct kunit *test)
{
	int here = smp_processor_id(), daemon = -1, cpu;
	struct task_struct *hog, *starved = ERR_PTR(-ENOMEM);
	cpu_bits_t allowed = current->cpus_allowed;
	bool release = false;

	if (num_online_cpus() < 2)
		kunit_skip(test, "one CPU: a hog on it would stop the test too");
	for_each_task(find_khungtaskd, &daemon);
	KUNIT_ASSERT_GE(test, daemon, 0);
	/* The test and khungtaskd on one CPU, the hog and its victim on another. */
	KUNIT_ASSERT_EQ(test, set_cpus_allowed(current, CPU_BIT(daemon)), 0);
	KUNIT_ASSERT_EQ(test, smp_processor_id(), daemon); /* moved before the call returned */
	cpu = daemon == here ? (here + 1) % (int)num_online_cpus() : here;
	hog = bound_kthread(hog_without_preemption, &release, "hog", cpu);
	if (IS_ERR(hog))
		KUNIT_FAIL(test, "no hog kthread");
	else if (!wait_until(task_curr(hog), TEST_WAIT_MS))
		KUNIT_FAIL(test, "the hog never ran");
	else
		starve_behind(test, cpu, hog, &starved);
	WRITE_ONCE(release, true);
	if (!IS_ERR(starved)) {
		/* Released, the hog lets it run at last. */
		KUNIT_EXPECT_TRUE(test, wait_until_asleep(starved, TASK_INTERRUPTIBLE));
		KUNIT_EXPECT_EQ(test, kthread_stop(starved), 0);
	}
	if (!IS_ERR(hog))
		KUNIT_EXPECT_EQ(test, kthread_stop(hog), 0);
	/* Back where the suite started: later suites expect the CPU they had. */
	KUNIT_EXPECT_EQ(test, set_cpus_allowed(current, CPU_BIT(here)), 0);
	KUNIT_EXPECT_EQ(test, smp_processor_id(), here);
	set_cpus_allowed(current, allowed);
}

static struct kunit_case hung_task_cases[] = {
	KUNIT_CASE(only_an_uninterruptible_sleeper_is_reported),
	KUNIT_CASE(a_runnable_task_that_never_runs_is_reported),
	{}
};

static struct kunit_suite hung_task_suite = {
	.name = "hung_task",
	.test_cases = hung_task_cases,
};
kunit_test_suite(hung_task_suite);
