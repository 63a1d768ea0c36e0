/*
 * KTAP suite `usercopy`: copy_to_user and friends against a real process's
 * address space. /bin/usercopy_test (user/bin/usercopy_test.c) hands the
 * kernel good and bad pointers through /dev/selftest: NULL, the kernel half,
 * unmapped and read-only pages, ranges that straddle the end of what is
 * mapped. Bad ones give -EFAULT or the count not copied, through the
 * exception table: no oops (it would kill the program), no warning.
 */
#include <kunit/test.h>
#include <linux/bug.h>
#include <linux/kernel.h>
#include "user_helpers.h"

static void run(struct kunit *test, const char *name)
{
	unsigned long warns = warn_count;

	KUNIT_EXPECT_PROGRAM_PASSES(test, run_user_program(NULL, "/bin/usercopy_test", name, NULL));
	KUNIT_EXPECT_EQ(test, warn_count, warns);
}

static void good_pointers_copy_everything(struct kunit *test) { run(test, "good"); }
static void null_gives_efault(struct kunit *test) { run(test, "null"); }
static void the_kernel_half_gives_efault(struct kunit *test) { run(test, "kernel"); }
static void unmapped_pages_give_efault(struct kunit *test) { run(test, "unmapped"); }
static void a_range_into_the_kernel_half_is_refused_whole(struct kunit *test)
{
	run(test, "into-kernel");
}
static void straddling_copies_report_what_is_left(struct kunit *test) { run(test, "partial"); }
static void read_only_pages_are_not_written(struct kunit *test) { run(test, "read-only"); }
static void system_calls_check_their_pointers(struct kunit *test) { run(test, "syscalls"); }

static struct kunit_case usercopy_cases[] = {
	KUNIT_CASE(good_pointers_copy_everything),
	KUNIT_CASE(null_gives_efault),
	KUNIT_CASE(the_kernel_half_gives_efault),
	KUNIT_CASE(unmapped_pages_give_efault),
	KUNIT_CASE(a_range_into_the_kernel_half_is_refused_whole),
	KUNIT_CASE(straddling_copies_report_what_is_left),
	KUNIT_CASE(read_only_pages_are_not_written),
	KUNIT_CASE(system_calls_check_their_pointers),
	{}
};

static struct kunit_suite usercopy_suite = {
	.name = "usercopy",
	.test_cases = usercopy_cases,
};
kunit_test_suite(usercopy_suite);
