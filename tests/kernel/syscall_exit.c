/*
 * KTAP suite `syscall_exit`: the way back to user mode. A system call that
 * returns with interrupts off or preemption off is reported and repaired
 * (kernel/syscall_exit.c), and the process that made it goes on; init
 * (pid 1) cannot be killed or stopped by a signal from user space
 * (kernel/signal.c). Each case runs /bin/syscall_exit_test.
 */
#include <kunit/test.h>
#include <linux/errno.h>
#include <linux/sched/signal.h>
#include <linux/sched/task.h>
#include <linux/sprintf.h>
#include <linux/syscalls.h>
#include <janus/exec.h>
#include <janus/nosleep.h>
#include "user_helpers.h"

#define PROGRAM "/bin/syscall_exit_test"

static void a_call_that_leaves_irqs_off_is_reported_and_repaired(struct kunit *test)
{
	unsigned long reports = syscall_exit_irqs_disabled, warns = warn_count;

	kunit_expect_report(test, "syscall 54 left IRQs disabled");
	KUNIT_EXPECT_PROGRAM_PASSES(test, run_user_program(NULL, PROGRAM, "leak-irqs", NULL));
	KUNIT_EXPECT_EQ(test, syscall_exit_irqs_disabled, reports + 1);
	KUNIT_EXPECT_EQ(test, warn_count, warns + 1);
}

static void a_call_that_leaks_preempt_count_is_reported_and_repaired(struct kunit *test)
{
	unsigned long leaks = nosleep_stats.preempt_leaks;

	kunit_expect_report(test, "BUG: system call sys_ioctl leaked preempt count 0 -> 1");
	KUNIT_EXPECT_PROGRAM_PASSES(test, run_user_program(NULL, PROGRAM, "leak-preempt", NULL));
	KUNIT_EXPECT_EQ(test, nosleep_stats.preempt_leaks, leaks + 1);
}

/* Starts the target, waits until its SIGUSR1 handler is in place, and makes
 * it what kernel_execve makes pid 1: unkillable from user space. */
static pid_t start_init_like_target(struct kunit *test)
{
	static struct program_args args = { .argc = 2, .argv = { PROGRAM, "target" } };
	struct task_struct *t;
	long pid = do_spawn(PROGRAM, &args);

	KUNIT_ASSERT_GT(test, pid, 0);
	t = find_get_task_by_pid(pid);
	KUNIT_ASSERT_NOT_NULL(test, t);
	KUNIT_EXPECT_TRUE(test, wait_until(READ_ONCE(t->sighand->action[SIGUSR1].sa_handler) !=
						   SIG_DFL, 5000));
	t->sighand->flags |= SIGNAL_UNKILLABLE;
	put_task_struct(t);
	return pid;
}

/* The target's wait status, or -ETIMEDOUT if it is still alive after 5 s. */
static int wait_for(pid_t pid)
{
	int status = 0;
	long reaped = 0;

	/* wait_until() evaluates its condition once more at the end: keep the result. */
	wait_until(reaped || (reaped = kernel_wait(pid, &status, WNOHANG)), 5000);
	return reaped == pid ? status : reaped < 0 ? reaped : -ETIMEDOUT;
}

static void init_ignores_kill_and_stop_from_user_space(struct kunit *test)
{
	pid_t pid = start_init_like_target(test);
	char arg[16];

	snprintf(arg, sizeof(arg), "%d", pid);
	KUNIT_EXPECT_PROGRAM_PASSES(test, run_user_program(NULL, PROGRAM, "kill-init", arg, NULL));
	/* SIGKILL, SIGSTOP, SIGTERM... were dropped (a child it forks is not
	 * init: SIGTERM ends that one); SIGUSR1, which it
	 * handles, arrived, and it exited on its own, with 0. */
	KUNIT_EXPECT_PROGRAM_PASSES(test, wait_for(pid));
}

static void the_kernel_itself_can_still_kill_it(struct kunit *test)
{
	pid_t pid = start_init_like_target(test);
	struct task_struct *t = find_get_task_by_pid(pid);
	int status;

	KUNIT_ASSERT_NOT_NULL(test, t);
	KUNIT_EXPECT_EQ(test, send_sig(SIGKILL, t, 1), 0);
	put_task_struct(t);
	status = wait_for(pid);
	KUNIT_EXPECT_TRUE(test, status >= 0 && WIFSIGNALED(status));
	KUNIT_EXPECT_EQ(test, WTERMSIG(status), SIGKILL);
}

static struct kunit_case syscall_exit_cases[] = {
	KUNIT_CASE(a_call_that_leaves_irqs_off_is_reported_and_repaired),
	KUNIT_CASE(a_call_that_leaks_preempt_count_is_reported_and_repaired),
	KUNIT_CASE(init_ignores_kill_and_stop_from_user_space),
	KUNIT_CASE(the_kernel_itself_can_still_kill_it),
	{}
};

static struct kunit_suite syscall_exit_suite = {
	.name = "syscall_exit",
	.test_cases = syscall_exit_cases,
};
kunit_test_suite(syscall_exit_suite);
