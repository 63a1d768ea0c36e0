/*
 * KTAP suite `syscall_fuzz`: /bin/syscall_fuzz (user/bin/syscall_fuzz.c)
 * makes fuzz_calls system calls (10,000 in every full self-test; the
 * syscall-fuzz configuration asks for 100,000, `make soak` for a million)
 * with random and boundary arguments, kernel addresses included,
 * from a fixed seed so a failure can be replayed. With fuzz_secs=N (make
 * soak) it goes on, in runs of 100,000 calls with the seeds that follow,
 * until N seconds have passed too: a soak lasts its time on an idle host
 * and still makes its million calls on a loaded one. The kernel must come out
 * of it as it went in: no crash, no report, no task or memory left behind.
 */
#include <kunit/test.h>
#include <linux/init.h>
#include <linux/kstrtox.h>
#include <linux/mm.h>
#include <linux/sched.h>
#include <linux/sprintf.h>
#include "user_helpers.h"

static unsigned int fuzz_calls = 10000, fuzz_seed = 1, fuzz_secs;
#define ROUND 100000 /* calls per run of the program, with fuzz_secs */

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

static int __init fuzz_secs_setup(char *val)
{
	return !val || kstrtouint(val, 0, &fuzz_secs) ? -EINVAL : 0;
}
early_param("fuzz_secs", fuzz_secs_setup);

/* One run of /bin/syscall_fuzz: @calls calls, its children seeded from @seed on. */
static int fuzz(unsigned int seed, unsigned int calls)
{
	char s[12], c[12];

	snprintf(s, sizeof(s), "%u", seed);
	snprintf(c, sizeof(c), "%u", calls);
	return run_user_program(NULL, "/bin/syscall_fuzz", s, c, NULL);
}

static void random_and_boundary_calls_leave_the_kernel_whole(struct kunit *test)
{
	unsigned int threads = nr_threads(), done = 0, runs = 0;
	unsigned long start = jiffies, end = start + fuzz_secs * HZ;

	if (!fuzz_secs) {
		KUNIT_EXPECT_PROGRAM_PASSES(test, fuzz(fuzz_seed, fuzz_calls));
	} else {
		/* Each run's children take seeds SEED.. SEED + ROUND/1000: the next starts after. */
		do {
			KUNIT_ASSERT_EQ(test, fuzz(fuzz_seed + runs * ROUND, ROUND), 0);
			done += ROUND;
			runs++;
		} while (done < fuzz_calls || time_before(jiffies, end));
		kunit_info(test, "syscall_fuzz: %u calls in %u runs, %lu s", done, runs,
			   (jiffies - start) / HZ);
	}
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
