/*
 * demo SUBCOMMAND: one of the seeds' concepts, made to happen now, with
 * what to look for. `demo` alone lists them. The kernel side is /dev/demo
 * (drivers/demo.c) and seed 003's driver; reports go to the kernel log
 * (dmesg), the way they would for a driver of your own.
 */
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <sys/ioctl.h>
#include <unistd.h>
#include <janus/demo.h>

static struct {
	struct demo_report r;
	char user[32];
} buf;

static void where(const char *what, const struct demo_where *w)
{
	printf("  %-22s current = %s (pid %d), %s, preempt_count %#x\n", what, w->comm, w->pid,
	       w->in_hardirq ? "hardirq context" : w->in_softirq ? "softirq context" :
	       w->in_task ? "process context" : "atomic", w->preempt_count);
}

static int ask(unsigned int cmd)
{
	int fd = open("/dev/demo", O_RDONLY), ret;

	if (fd < 0) {
		printf("demo: cannot open /dev/demo\n");
		return -1;
	}
	ret = ioctl(fd, cmd, &buf);
	close(fd);
	if (ret < 0)
		printf("demo: the kernel said %s\n", strerror(ret));
	return ret;
}

static void context(void)
{
	if (ask(DEMO_CONTEXT) < 0)
		return;
	where("your ioctl:", &buf.r.caller);
	where("the handler:", &buf.r.handler);
	printf("The handler ran in interrupt context: `current` there is whichever task the\n"
	       "interrupt stopped (here: you, in the kernel), not a task it runs for.\n"
	       "docs/process-context.md, docs/interrupts.md\n");
}

static void sleep_in_handler(void)
{
	if (ask(DEMO_SLEEP_IN_HANDLER) < 0)
		return;
	where("the handler:", &buf.r.handler);
	printf("The handler called msleep(). Look at the console or `dmesg`: \"BUG: sleeping\n"
	       "function called from invalid context\", and the kernel went on (atomic_sleep=warn).\n"
	       "docs/no-sleep-rules.md\n");
}

static void user_memory(void)
{
	if (ask(DEMO_USER_MEMORY_IN_HANDLER) < 0)
		return;
	printf("The handler tried copy_to_user() into this program's buffer: %ld of 17 bytes\n"
	       "were not copied, and the buffer still holds \"%s\". `dmesg` shows \"BUG: user\n"
	       "memory accessed from interrupt context\". docs/user-memory.md\n",
	       buf.r.value, buf.user);
}

static void bottom_halves(void)
{
	if (ask(DEMO_BOTTOM_HALVES) < 0)
		return;
	where("hardirq handler:", &buf.r.handler);
	where("tasklet:", &buf.r.tasklet);
	where("work item:", &buf.r.work);
	printf("The tasklet ran in softirq context (it may not sleep); the work item in a\n"
	       "kworker, process context (it may). docs/bottom-halves.md\n");
}

static void shared_line(void)
{
	static char *const cat[] = { "/bin/grep", " 1:", "/proc/interrupts", NULL };

	printf("IRQ 1 has two handlers, seed 003's and the keyboard's, both IRQF_SHARED.\n"
	       "Each key you press on the keyboard (QEMU window) runs both:\n");
	if (fork() == 0) {
		execve(cat[0], cat, NULL);
		exit(1);
	}
	wait(NULL);
	printf("docs/seed003-driver.md, docs/tty.md\n");
}

static void process_sleep(void)
{
	static char *const seed[] = { "/bin/seed003", NULL };

	printf("seed 003's read sleeps a second in process context, on your behalf:\n");
	if (fork() == 0) {
		execve(seed[0], seed, NULL);
		exit(1);
	}
	wait(NULL);
	printf("docs/seed003-driver.md\n");
}

static const struct {
	const char *name, *what;
	void (*run)(void);
} demos[] = {
	{ "context", "who `current` is in a handler: interrupt vs process context", context },
	{ "sleep-in-handler", "a handler that sleeps: the kernel reports it", sleep_in_handler },
	{ "user-memory", "a handler that touches user memory: refused", user_memory },
	{ "bottom-halves", "a hardirq, a tasklet and a work item: where each runs", bottom_halves },
	{ "shared-line", "IRQ 1, shared by seed 003's handler and the keyboard", shared_line },
	{ "process-sleep", "a driver's read that sleeps in process context", process_sleep },
};
#define NR_DEMOS (int)(sizeof(demos) / sizeof(demos[0]))

int main(int argc, char **argv)
{
	for (int i = 0; argc == 2 && i < NR_DEMOS; i++) {
		if (!strcmp(argv[1], demos[i].name)) {
			demos[i].run();
			return 0;
		}
	}
	printf("usage: demo SUBCOMMAND\n");
	for (int i = 0; i < NR_DEMOS; i++)
		printf("  demo %-17s %s\n", demos[i].name, demos[i].what);
	return argc == 1 ? 0 : 1;
}
