/*
 * KTAP suite `pipe`: pipes, dup and dup2 (kernel/fs/pipe.c,
 * kernel/fs/file.c). Each case runs /bin/pipe_test (user/bin/pipe_test.c)
 * with the case's name; the program checks from user mode and exits with
 * the number of failed checks. The kernel side checks that nothing leaks.
 */
#include <kunit/test.h>
#include <linux/mm.h>
#include "user_helpers.h"

#define PROGRAM "/bin/pipe_test"

static void run(struct kunit *test, const char *name)
{
	KUNIT_EXPECT_PROGRAM_PASSES(test, run_user_program(NULL, PROGRAM, name, NULL));
}

static void bytes_come_out_in_the_order_written(struct kunit *test) { run(test, "order"); }
static void no_writer_left_reads_as_end_of_file(struct kunit *test) { run(test, "eof"); }
static void no_reader_left_writes_fail_epipe(struct kunit *test) { run(test, "epipe"); }
static void sigpipe_ends_a_writer_without_a_handler(struct kunit *test) { run(test, "sigpipe"); }
static void a_full_pipe_puts_the_writer_to_sleep(struct kunit *test) { run(test, "blocking"); }
static void dup_and_dup2_share_one_open_file(struct kunit *test) { run(test, "dup"); }
static void writes_up_to_pipe_buf_are_atomic(struct kunit *test) { run(test, "atomic"); }

/* A closed pipe gives its page back. */
static void nothing_is_left_behind(struct kunit *test)
{
	unsigned long pages;

	run(test, "order"); /* once first: caches that grow once are not leaks */
	KUNIT_ASSERT_TRUE(test, wait_until(!nr_exiting_tasks(), 2000));
	pages = nr_free_pages();
	run(test, "blocking");
	KUNIT_ASSERT_TRUE(test, wait_until(!nr_exiting_tasks(), 2000));
	KUNIT_EXPECT_EQ(test, nr_free_pages(), pages);
}

static struct kunit_case pipe_cases[] = {
	KUNIT_CASE(bytes_come_out_in_the_order_written),
	KUNIT_CASE(no_writer_left_reads_as_end_of_file),
	KUNIT_CASE(no_reader_left_writes_fail_epipe),
	KUNIT_CASE(sigpipe_ends_a_writer_without_a_handler),
	KUNIT_CASE(a_full_pipe_puts_the_writer_to_sleep),
	KUNIT_CASE(dup_and_dup2_share_one_open_file),
	KUNIT_CASE(writes_up_to_pipe_buf_are_atomic),
	KUNIT_CASE(nothing_is_left_behind),
	{}
};

static struct kunit_suite pipe_suite = {
	.name = "pipe",
	.test_cases = pipe_cases,
};
kunit_test_suite(pipe_suite);
