/*
 * syscall_exit_test CASE [PID]: what the kernel does about the way back to
 * user mode (run by the kernel's `syscall_exit` suite,
 * tests/kernel/syscall_exit.c). Exits with the number of failed checks.
 *
 *   leak-irqs, leak-preempt,  a deliberately buggy ioctl of /dev/selftest
 *   leak-spinlock, leak-mutex returns with interrupts off / preemption off /
 *                             a lock held;
 *                             the kernel repairs it, and this process goes on
 *                             with a clean kernel under it
 *   target                    waits for SIGUSR1 (the suite makes it act as init)
 *   kill-init PID             sends PID every signal that kills or stops a
 *                             process, then SIGUSR1
 */
#include <check.h>
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdlib.h>
#include <sys/ioctl.h>
#include <sys/wait.h>
#include <unistd.h>
#include <janus/selftest.h>

static char **args;

/* The next call finds the kernel as it should be. */
static void check_clean_kernel(int dev)
{
	struct st_whoami w;

	CHECK(ioctl(dev, ST_WHOAMI, &w) == 0);
	CHECK(w.preempt_count == 0);
	CHECK(w.irqs_disabled == 0);
}

static void leak(int what)
{
	int dev = open("/dev/selftest", O_RDWR);

	CHECK(dev >= 0);
	CHECK(ioctl(dev, ST_LEAK, what) == 0);
	check_clean_kernel(dev);
	CHECK(usleep(20000) == 0); /* sleeping and being woken still work */
	check_clean_kernel(dev);
	close(dev);
}

static void leak_irqs(void) { leak(ST_LEAK_IRQS_OFF); }
static void leak_preempt(void) { leak(ST_LEAK_PREEMPT); }
static void leak_spinlock(void) { leak(ST_LEAK_SPINLOCK); }
static void leak_mutex(void) { leak(ST_LEAK_MUTEX); }

static volatile int got_usr1;

static void on_usr1(int sig)
{
	got_usr1 += sig == SIGUSR1;
}

/* Exits 0 once SIGUSR1 came; any signal that kills ends it otherwise.
 * Its children are not init: SIGTERM ends one as usual. */
static void target(void)
{
	int status = 0;
	pid_t child;

	CHECK(signal(SIGUSR1, on_usr1) != SIG_ERR);
	while (!got_usr1)
		usleep(10000);
	CHECK(got_usr1 == 1);
	child = fork();
	if (child == 0) {
		sleep(5);
		exit(0);
	}
	CHECK(child > 0 && kill(child, SIGTERM) == 0);
	CHECK(waitpid(child, &status, 0) == child && WIFSIGNALED(status) &&
	      WTERMSIG(status) == SIGTERM);
}

static void kill_init(void)
{
	static const int fatal[] = { SIGKILL, SIGSTOP, SIGTERM, SIGINT, SIGHUP, SIGSEGV };
	pid_t pid = args[2] ? atoi(args[2]) : 0;
	struct sigaction sa = { .sa_handler = on_usr1 };

	CHECK(pid > 1);
	for (unsigned int i = 0; i < sizeof(fatal) / sizeof(fatal[0]); i++) {
		CHECK(kill(pid, fatal[i]) == 0); /* sent, as far as the sender can tell */
		CHECK(kill(-pid, fatal[i]) == 0); /* to its process group: the same */
	}
	CHECK(kill(pid, SIGUSR1) == 0);
	CHECK_ERR(sigaction(SIGKILL, &sa, 0), EINVAL);
	CHECK_ERR(sigaction(SIGSTOP, &sa, 0), EINVAL);
}

static const struct check_case cases[] = {
	{ "leak-irqs", leak_irqs },
	{ "leak-preempt", leak_preempt },
	{ "leak-spinlock", leak_spinlock },
	{ "leak-mutex", leak_mutex },
	{ "target", target },
	{ "kill-init", kill_init },
	{ 0 },
};

int main(int argc, char **argv)
{
	args = argv;
	return check_main(argc, argv, cases);
}
