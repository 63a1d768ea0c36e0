/*
 * KTAP suite `syscall`: every system call from user mode, its happy path and
 * its errors. Each case runs /bin/syscall_test (user/bin/syscall_test.c) with
 * the case's name; the program checks what the calls return and exits with
 * the number of failed checks. The kernel side adds what only it can see.
 */
#include <asm/msr.h>
#include <asm/processor.h>
#include <asm/segment.h>
#include <asm/vsyscall.h>
#include <kunit/test.h>
#include <linux/errno.h>
#include <linux/jiffies.h>
#include <linux/mm.h>
#include <linux/sched.h>
#include <linux/sched/task.h>
#include <janus/log.h>
#include "user_helpers.h"

#define PROGRAM "/bin/syscall_test"

static void run(struct kunit *test, const char *name)
{
	KUNIT_EXPECT_PROGRAM_PASSES(test, run_user_program(NULL, PROGRAM, name, NULL));
}

static void getpid_and_getppid(struct kunit *test) { run(test, "ids"); }
static void open_read_write_close(struct kunit *test) { run(test, "files"); }
static void sixteen_descriptors_then_emfile(struct kunit *test) { run(test, "too-many-files"); }
static void ioctl_on_a_file_without_it_is_enotty(struct kunit *test) { run(test, "ioctls"); }
static void unknown_numbers_are_enosys(struct kunit *test) { run(test, "unknown-numbers"); }
static void spawn_wait_and_exit_status(struct kunit *test) { run(test, "children"); }
static void exit_status_reaches_the_parent(struct kunit *test) { run(test, "exit-codes"); }
static void kill_and_the_default_action(struct kunit *test) { run(test, "kill"); }
static void a_signal_makes_a_sleeping_call_fail_eintr(struct kunit *test) { run(test, "eintr"); }
static void sa_restart_restarts_the_call(struct kunit *test) { run(test, "restart"); }
static void nanosleep_is_cut_short_with_the_time_left(struct kunit *test)
{
	run(test, "nanosleep-eintr");
}

/* The 200 ms nanosleep really took the time: at least 20 ticks at HZ=100. */
static void nanosleep_sleeps(struct kunit *test)
{
	unsigned long start = jiffies;

	run(test, "sleeping");
	KUNIT_EXPECT_GE(test, jiffies - start, msecs_to_jiffies(200));
}

static void proc_listings_and_stdio(struct kunit *test) { run(test, "proc"); }

/* A write to /dev/kmsg becomes a record of the kernel log. */
static void kmsg_reads_and_writes_the_log(struct kunit *test)
{
	u64 seq = log_next_sequence();

	run(test, "kmsg");
	KUNIT_EXPECT_TRUE(test, log_contains(seq, "syscall_test: hello, kernel log"));
}

/* SIGSTOP, waitpid(WUNTRACED), SIGCONT, SIGKILL of a stopped process. */
static void stop_continue_and_kill_a_stopped_process(struct kunit *test)
{
	run(test, "stop-continue");
}

/* A stopped group orphaned by its parent's exit gets SIGHUP and SIGCONT. */
static void an_orphaned_stopped_group_is_hung_up(struct kunit *test) { run(test, "orphan"); }

/* kill(pid, 0) finds an exiting process and a zombie (0, as in Linux); a reaped one is ESRCH. */
static void kill_finds_a_process_until_it_is_reaped(struct kunit *test)
{
	run(test, "kill-until-reaped");
}

/* Reaped, a process is gone for every pid lookup at once, while its task
 * may linger: here a reference the test holds, as the CPU it ran on holds one
 * until it has switched away for the last time (kill(reaped, 0) was 0 in that
 * window: stress, smp4). */
static void a_reaped_process_is_gone_while_its_task_lingers(struct kunit *test)
{
	long pid = start_user_program("/bin/true", NULL);
	struct task_struct *p, *again;
	int status;

	KUNIT_ASSERT_GT(test, pid, 0L);
	p = find_get_process_by_pid(pid);
	KUNIT_ASSERT_NOT_NULL(test, p);
	KUNIT_EXPECT_TRUE(test, wait_until(READ_ONCE(p->exit_state) == EXIT_ZOMBIE, TEST_WAIT_MS));
	KUNIT_EXPECT_EQ(test, kernel_wait(pid, &status, 0), pid);
	again = find_get_process_by_pid(pid);
	KUNIT_EXPECT_NULL(test, again);
	if (again)
		put_task_struct(again);
	put_task_struct(p);
}

/* A blocking read at the end of the log waits for the next record (dmesg -w). */
static void kmsg_read_waits_for_the_next_record(struct kunit *test) { run(test, "kmsg-follow"); }

/* The two entries (user/bin/entry_test.c): int 0x80 and the vsyscall page. */
static void entry(struct kunit *test, const char *name)
{
	KUNIT_EXPECT_PROGRAM_PASSES(test, run_user_program(NULL, "/bin/entry_test", name, NULL));
}

static void int80_and_vsyscall_agree_and_keep_registers(struct kunit *test)
{
	entry(test, "both-entries");
}
static void a_bad_pointer_is_efault_through_both(struct kunit *test) { entry(test, "bad-pointer"); }
static void a_signal_arrives_on_return_from_sysenter(struct kunit *test)
{
	entry(test, "signal-on-return");
}
static void a_call_through_the_page_restarts(struct kunit *test) { entry(test, "restart"); }
static void sysexit_keeps_the_flags_but_the_status_flags(struct kunit *test)
{
	entry(test, "flags");
}

/* sysenter lands on entry_SYSENTER_32 with the TSS's sp0 as its stack. */
static void sysenter_msrs_point_at_the_entry(struct kunit *test)
{
	u32 a, b, c, d;

	cpuid(1, &a, &b, &c, &d);
	KUNIT_ASSERT_EQ(test, vsyscall_uses_sysenter(), !!(d & X86_FEATURE_SEP));
	if (!vsyscall_uses_sysenter())
		kunit_skip(test, "the CPU has no sysenter: the page uses int 0x80");
	preempt_disable();
	KUNIT_EXPECT_EQ(test, rdmsr(MSR_IA32_SYSENTER_CS), (u64)__KERNEL_CS);
	KUNIT_EXPECT_EQ(test, rdmsr(MSR_IA32_SYSENTER_EIP), (u64)(unsigned long)entry_SYSENTER_32);
	KUNIT_EXPECT_EQ(test, *(unsigned long *)(unsigned long)rdmsr(MSR_IA32_SYSENTER_ESP),
			(unsigned long)current->stack + THREAD_SIZE);
	preempt_enable();
}
static void fork_copies_the_process(struct kunit *test) { run(test, "fork"); }
static void execve_runs_another_program_in_the_process(struct kunit *test) { run(test, "execve"); }
static void process_groups_and_waitpid_by_group(struct kunit *test) { run(test, "groups"); }

static void a_missing_program_is_enoent(struct kunit *test)
{
	KUNIT_EXPECT_EQ(test, run_user_program(NULL, "/bin/nonexistent", NULL), -ENOENT);
}

/* What a process holds is given back when it ends: threads, pages, files. */
static void nothing_is_left_behind(struct kunit *test)
{
	unsigned int threads;
	unsigned long pages;

	run(test, "children"); /* once first: caches that grow once are not leaks */
	KUNIT_ASSERT_TRUE(test, wait_until(!nr_exiting_tasks(), TEST_WAIT_MS));
	threads = nr_threads();
	pages = nr_free_pages();
	run(test, "children");
	KUNIT_ASSERT_TRUE(test, wait_until(!nr_exiting_tasks(), TEST_WAIT_MS));
	KUNIT_EXPECT_EQ(test, nr_threads(), threads);
	KUNIT_EXPECT_EQ(test, nr_free_pages(), pages);
}

static struct kunit_case syscall_cases[] = {
	KUNIT_CASE(getpid_and_getppid),
	KUNIT_CASE(open_read_write_close),
	KUNIT_CASE(sixteen_descriptors_then_emfile),
	KUNIT_CASE(ioctl_on_a_file_without_it_is_enotty),
	KUNIT_CASE(unknown_numbers_are_enosys),
	KUNIT_CASE(nanosleep_sleeps),
	KUNIT_CASE(spawn_wait_and_exit_status),
	KUNIT_CASE(exit_status_reaches_the_parent),
	KUNIT_CASE(kill_and_the_default_action),
	KUNIT_CASE(a_signal_makes_a_sleeping_call_fail_eintr),
	KUNIT_CASE(sa_restart_restarts_the_call),
	KUNIT_CASE(nanosleep_is_cut_short_with_the_time_left),
	KUNIT_CASE(proc_listings_and_stdio),
	KUNIT_CASE(kmsg_reads_and_writes_the_log),
	KUNIT_CASE(kmsg_read_waits_for_the_next_record),
	KUNIT_CASE(stop_continue_and_kill_a_stopped_process),
	KUNIT_CASE(an_orphaned_stopped_group_is_hung_up),
	KUNIT_CASE(kill_finds_a_process_until_it_is_reaped),
	KUNIT_CASE(a_reaped_process_is_gone_while_its_task_lingers),
	KUNIT_CASE(sysenter_msrs_point_at_the_entry),
	KUNIT_CASE(int80_and_vsyscall_agree_and_keep_registers),
	KUNIT_CASE(a_bad_pointer_is_efault_through_both),
	KUNIT_CASE(a_signal_arrives_on_return_from_sysenter),
	KUNIT_CASE(a_call_through_the_page_restarts),
	KUNIT_CASE(sysexit_keeps_the_flags_but_the_status_flags),
	KUNIT_CASE(fork_copies_the_process),
	KUNIT_CASE(execve_runs_another_program_in_the_process),
	KUNIT_CASE(process_groups_and_waitpid_by_group),
	KUNIT_CASE(a_missing_program_is_enoent),
	KUNIT_CASE(nothing_is_left_behind),
	{}
};

static struct kunit_suite syscall_suite = {
	.name = "syscall",
	.test_cases = syscall_cases,
};
kunit_test_suite(syscall_suite);
