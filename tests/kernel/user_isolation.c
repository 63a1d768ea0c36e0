/*
 * KTAP suite `user_isolation`: ring 3 cannot reach the kernel. For each
 * forbidden act, /bin/misbehave (user/bin/misbehave.c) tries it: reading,
 * writing or jumping into kernel memory, writing its own code, the
 * privileged instructions cli, hlt, in, out and lgdt, dividing by zero, an
 * invalid opcode. Each time only that process dies, by the signal the CPU's
 * exception maps to, after a one-line report naming it, its pid and the
 * address; the kernel goes on, and the next program runs as usual.
 */
#include <kunit/test.h>
#include <linux/kernel.h>
#include <linux/sched/signal.h>
#include <linux/sprintf.h>
#include <janus/log.h>
#include "user_helpers.h"

static void expect_killed(struct kunit *test, const char *what, int sig, const char *report)
{
	u64 seq = log_next_sequence();
	char line[64];
	pid_t pid = 0;
	int status = run_user_program(&pid, "/bin/misbehave", what, NULL);

	KUNIT_ASSERT_GE(test, status, 0);
	KUNIT_EXPECT_TRUE(test, WIFSIGNALED(status));
	KUNIT_EXPECT_EQ(test, WTERMSIG(status), sig);
	snprintf(line, sizeof(line), "misbehave[%d]: %s", pid, report);
	KUNIT_EXPECT_TRUE(test, log_contains(seq, line));
	/* The kernel goes on: a well-behaved program still runs and exits 0. */
	KUNIT_EXPECT_PROGRAM_PASSES(test, run_user_program(NULL, "/bin/syscall_test", "ids", NULL));
}

static void reading_kernel_memory(struct kunit *test)
{
	expect_killed(test, "read-kernel", SIGSEGV, "segfault at c0100000");
}

static void writing_kernel_memory(struct kunit *test)
{
	expect_killed(test, "write-kernel", SIGSEGV, "segfault at c0100000");
}

static void jumping_into_the_kernel(struct kunit *test)
{
	expect_killed(test, "jump-kernel", SIGSEGV, "segfault at c0100000 ip c0100000");
}

static void a_null_pointer(struct kunit *test)
{
	expect_killed(test, "null", SIGSEGV, "segfault at 00000000");
}

static void writing_its_own_code(struct kunit *test)
{
	expect_killed(test, "write-code", SIGSEGV, "segfault at 0804");
}

static void cli(struct kunit *test) { expect_killed(test, "cli", SIGSEGV, "general protection"); }
static void hlt(struct kunit *test) { expect_killed(test, "hlt", SIGSEGV, "general protection"); }
static void in(struct kunit *test) { expect_killed(test, "in", SIGSEGV, "general protection"); }
static void out(struct kunit *test) { expect_killed(test, "out", SIGSEGV, "general protection"); }
static void lgdt(struct kunit *test) { expect_killed(test, "lgdt", SIGSEGV, "general protection"); }

static void dividing_by_zero(struct kunit *test)
{
	expect_killed(test, "divide", SIGFPE, "divide error");
}

static void an_invalid_opcode(struct kunit *test)
{
	expect_killed(test, "ud2", SIGILL, "invalid opcode");
}

static struct kunit_case user_isolation_cases[] = {
	KUNIT_CASE(reading_kernel_memory),
	KUNIT_CASE(writing_kernel_memory),
	KUNIT_CASE(jumping_into_the_kernel),
	KUNIT_CASE(a_null_pointer),
	KUNIT_CASE(writing_its_own_code),
	KUNIT_CASE(cli),
	KUNIT_CASE(hlt),
	KUNIT_CASE(in),
	KUNIT_CASE(out),
	KUNIT_CASE(lgdt),
	KUNIT_CASE(dividing_by_zero),
	KUNIT_CASE(an_invalid_opcode),
	{}
};

static struct kunit_suite user_isolation_suite = {
	.name = "user_isolation",
	.test_cases = user_isolation_cases,
};
kunit_test_suite(user_isolation_suite);
