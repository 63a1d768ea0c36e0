/*
 * KTAP suite `syscall_fuzz`: /bin/syscall_fuzz (user/bin/syscall_fuzz.c)
 * makes fuzz_calls system calls (10,000 in every full self-test; the
 * syscall-fuzz configuration asks for 100,000, `make soak` for a million)
 * with random and boundary arguments, kernel addresses included,
 * from a fixed seed so a failure can be replayed. The kernel must come out
 * of it as it went in: no crash, no report, no task or memory left behind.
 */
#include <kunit/test.h>
#include <linux/init.h>
#include <linux/kstrtox.h>
#include <linux/mm.h>
#include <linux/sched.h>
#include <linux/sprintf.h>
#include "user_helpers.h"

static unsigned int fuzz_calls = 10000, fuzz_seed = 1;

static int __init fuzz_calls_setup(char *val)
{
	return !val || kstrtouint(val, 0, &fuzz_calls) || !fuzz_calls ? -EINVAL : 0;
}
early_param("fuzz_calls", fuzz_calls_setup);

static int __init fuzz_seed_setup(char *val)
{
	return !val || kstrtouint(val, 0, &fuzz_seed) ? -EINVAL : 0;
}
early_param("fuzz_seed", fuzz_seed_setup);

static void random_and_boundary_calls_leave_the_kernel_whole(struct kunit *test)
{
	unsigned int threads = nr_threads();
	char seed[12], calls[12];

	snprintf(seed, sizeof(seed), "%u", fuzz_seed);
	snprintf(calls, sizeof(calls), "%u", fuzz_calls);
	KUNIT_EXPECT_PROGRAM_PASSES(test, run_user_program(NULL, "/bin/syscall_fuzz", seed, calls,
							   NULL));
	/* Every child and grandchild is gone (orphans are freed when they end). */
	KUNIT_EXPECT_TRUE(test, wait_until(nr_threads() - nr_exiting_tasks() <= threads, 5000));
}

static struct kunit_case syscall_fuzz_cases[] = {
	KUNIT_CASE(random_and_boundary_calls_leave_the_kernel_whole),
	{}
};

static struct kunit_suite syscall_fuzz_suite = {
	.name = "syscall_fuzz",
	.test_cases = syscall_fuzz_cases,
};
kunit_test_suite(syscall_fuzz_suite);
