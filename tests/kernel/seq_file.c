/*
 * KTAP suite `seq_file`: a listing is never cut (kernel/seq_file.c). A
 * dump= listing of 20 KiB is printed whole, and /proc/tasks
 * with enough tasks to pass the old 16 KiB limit lists every one of them to
 * a user process reading it in small pieces.
 */
#include <kunit/test.h>
#include <linux/err.h>
#include <linux/kthread.h>
#include <linux/mm.h>
#include <linux/slab.h>
#include <linux/seq_file.h>
#include <linux/sprintf.h>
#include <linux/string.h>
#include <linux/wait.h>
#include <janus/log.h>
#include "user_helpers.h"

#define LINES 400 /* 20 KiB: more than the 16 KiB listings were once cut at */

static int show_numbers(struct seq_file *m)
{
	for (int i = 0; i < LINES; i++)
		seq_printf(m, "line %04d of a listing much longer than one page\n", i);
	return 0;
}

static void a_dump_listing_longer_than_16k_is_printed_whole(struct kunit *test)
{
	u64 seq = log_next_sequence();

	seq_print_to_log(show_numbers);
	KUNIT_EXPECT_TRUE(test, log_contains(seq, "line 0399 of a listing much longer than one page"));
	KUNIT_EXPECT_FALSE(test, log_contains(seq, "truncated"));
}

#define FILLERS 400 /* about 60 bytes a line: well past the old 16 KiB */

static DECLARE_WAIT_QUEUE_HEAD(fillers_wq);

static int filler(void *unused)
{
	(void)unused;
	wait_event_interruptible(fillers_wq, kthread_should_stop());
	return 0;
}

static void proc_tasks_lists_every_task_past_16k(struct kunit *test)
{
	struct task_struct **t = kcalloc(FILLERS, sizeof(*t), GFP_KERNEL);
	char count[8];
	int n;

	/* 400 tasks' stacks need about 5 MiB: a small machine (-m 8) skips. */
	if (nr_free_pages() < 4 * FILLERS * (THREAD_SIZE / PAGE_SIZE + 1)) {
		kfree(t);
		kunit_skip(test, "needs about %u KiB free for %d tasks", 16 * FILLERS, FILLERS);
	}
	KUNIT_ASSERT_NOT_NULL(test, t);
	for (n = 0; n < FILLERS; n++) {
		t[n] = kthread_run(filler, NULL, "seqfill/%d", n);
		if (IS_ERR(t[n]))
			break;
	}
	KUNIT_EXPECT_EQ(test, n, FILLERS);
	snprintf(count, sizeof(count), "%d", n);
	KUNIT_EXPECT_PROGRAM_PASSES(test, run_user_program(NULL, "/bin/proc_test", "/proc/tasks",
							   "seqfill/", count, NULL));
	while (n--)
		kthread_stop(t[n]);
	kfree(t);
}

static struct kunit_case seq_file_cases[] = {
	KUNIT_CASE(a_dump_listing_longer_than_16k_is_printed_whole),
	KUNIT_CASE(proc_tasks_lists_every_task_past_16k),
	{}
};

static struct kunit_suite seq_file_suite = {
	.name = "seq_file",
	.test_cases = seq_file_cases,
};
kunit_test_suite(seq_file_suite);
