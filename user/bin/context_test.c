/*
 * context_test CASE: process context seen from inside a system call, through
 * /dev/selftest (run by the kernel's `process_context` suite). The kernel
 * runs there on behalf of this process: current is this process, on its own
 * kernel stack, preemptible (preempt_count 0), and the tick can switch it
 * away in the middle of the call.
 */
#include <check.h>
#include <fcntl.h>
#include <janus.h>
#include <sched.h>
#include <signal.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/wait.h>
#include <unistd.h>
#include <janus/selftest.h>

static int dev;

static void whoami(void)
{
	struct st_whoami w;

	CHECK(ioctl(dev, ST_WHOAMI, &w) == 0);
	CHECK(w.pid == getpid());
	CHECK(w.preempt_count == 0);
	CHECK(w.in_task == 1);
	CHECK(w.irqs_disabled == 0);
	CHECK(w.on_own_stack == 1);
}

/* A busy child on the same CPU: it takes the CPU whenever the tick lets it. */
static void hog(void)
{
	for (;;)
		;
}

static void preempted(void)
{
	static char *const child[] = { "/bin/context_test", "hog", NULL };
	pid_t pid = spawn(child[0], child);
	long switches;
	int status;

	CHECK(pid > 0);
	sched_yield(); /* let it start */
	switches = ioctl(dev, ST_SPIN, 20000); /* in the kernel until preempted, 20 s at most */
	printf("    # one long system call: switched away %ld times\n", switches);
	CHECK(switches > 0);
	CHECK(kill(pid, SIGKILL) == 0);
	CHECK(waitpid(pid, &status, 0) == pid && WTERMSIG(status) == SIGKILL);
}

static const struct check_case cases[] = {
	{ "whoami", whoami },
	{ "hog", hog },
	{ "preempted", preempted },
	{ 0 },
};

int main(int argc, char **argv)
{
	dev = open("/dev/selftest", O_RDWR);
	if (dev < 0) {
		printf("    # context_test: no /dev/selftest\n");
		return 1;
	}
	return check_main(argc, argv, cases);
}
