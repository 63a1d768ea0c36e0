/*
 * KTAP suite `report_lock`: reports that two CPUs print at the same moment
 * come out one after the other, never mixed (kernel/panic.c's report lock,
 * Linux's die_lock and printk_cpu_sync), so that a student can read each.
 */
#include <kunit/test.h>
#include <linux/atomic.h>
#include <linux/err.h>
#include <linux/kthread.h>
#include <linux/sched/task.h>
#include <linux/smp.h>
#include <linux/string.h>
#include <janus/log.h>
#include "helpers.h"

#define ROUNDS 4

static atomic_t at_start;

/* Both CPUs arrive, then both report at once. */
static void warn_together(void)
{
	atomic_inc(&at_start);
	while (atomic_read(&at_start) < 2)
		cpu_relax();
	WARN(1, "report_lock: a report from CPU%d\n", smp_processor_id());
}

static int other_cpu_warns(void *unused)
{
	(void)unused;
	warn_together();
	sleep_until_kthread_stop();
	return 0;
}

/* The reports in the log since seq: how many began ("cut here") and ended
 * ("end trace"), and whether each ended before the next began. */
static bool reports_whole(u64 seq, unsigned int *begun, unsigned int *ended)
{
	char line[LOG_LINE_MAX + 24];
	bool whole = true;

	*begun = *ended = 0;
	while (log_read(&seq, line, sizeof(line))) {
		if (strstr(line, "------------[ cut here ]------------")) {
			whole &= *begun == *ended; /* not inside another report */
			(*begun)++;
		} else if (strstr(line, "---[ end trace")) {
			(*ended)++;
		}
	}
	return whole;
}

static void two_cpus_reports_do_not_mix(struct kunit *test)
{
	int other = smp_processor_id() ? 0 : 1;
	unsigned int begun, ended;

	if (num_online_cpus() < 2)
		kunit_skip(test, "one CPU: no report can come from another at the same time");
	kunit_expect_report(test, "report_lock: a report from CPU");
	for (int round = 0; round < ROUNDS; round++) {
		u64 seq = log_next_sequence();
		struct task_struct *t;

		atomic_set(&at_start, 0);
		t = kthread_create(other_cpu_warns, NULL, "warner/%d", other);
		KUNIT_ASSERT_FALSE(test, IS_ERR(t));
		kthread_bind(t, other);
		preempt_disable(); /* this CPU's report is printed here, not after a move */
		wake_up_process(t);
		warn_together();
		preempt_enable();
		KUNIT_EXPECT_TRUE(test, wait_until((reports_whole(seq, &begun, &ended), ended == 2),
						   TEST_WAIT_MS));
		kthread_stop(t);
		KUNIT_EXPECT_TRUE(test, reports_whole(seq, &begun, &ended));
		KUNIT_EXPECT_EQ(test, begun, 2u);
	}
}

static struct kunit_case report_lock_cases[] = {
	KUNIT_CASE(two_cpus_reports_do_not_mix),
	{}
};

static struct kunit_suite report_lock_suite = {
	.name = "report_lock",
	.test_cases = report_lock_cases,
};
kunit_test_suite(report_lock_suite);
