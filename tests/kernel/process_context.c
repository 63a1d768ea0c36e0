/*
 * KTAP suite `process_context`: "the kernel executing on behalf of a
 * process, e.g. a system call" (seeds 000-002), checked from both sides.
 * /bin/context_test (user/bin/context_test.c) asks /dev/selftest what the
 * kernel sees inside its system call: current is the caller, on its own
 * kernel stack, with preempt_count 0 and interrupts on; and a 300 ms system
 * call is preempted by the tick when another process wants the CPU. The
 * suite stays on one CPU, so the two processes share it.
 */
#include <kunit/test.h>
#include "user_helpers.h"

static void inside_a_syscall_current_is_the_caller(struct kunit *test)
{
	KUNIT_EXPECT_PROGRAM_PASSES(test, run_user_program(NULL, "/bin/context_test", "whoami", NULL));
}

static void a_long_syscall_is_preempted_by_the_tick(struct kunit *test)
{
	KUNIT_EXPECT_PROGRAM_PASSES(test,
				    run_user_program(NULL, "/bin/context_test", "preempted", NULL));
}

static struct kunit_case process_context_cases[] = {
	KUNIT_CASE(inside_a_syscall_current_is_the_caller),
	KUNIT_CASE(a_long_syscall_is_preempted_by_the_tick),
	{}
};

static struct kunit_suite process_context_suite = {
	.name = "process_context",
	.test_cases = process_context_cases,
	.one_cpu = true, /* the caller and its competitor on the same CPU */
};
kunit_test_suite(process_context_suite);
