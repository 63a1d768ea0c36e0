/*
 * For the suites that test user mode: run a program from the initrd as a
 * child of the test (which runs in init, a kernel thread), wait for it, and
 * hand back its wait status. Its output goes to the console (/dev/ttyS0).
 */
#include <linux/errno.h>
#include <linux/kernel.h>
#include <linux/sched/task.h>
#include <linux/slab.h>
#include <linux/stdarg.h>
#include <linux/string.h>
#include <janus/exec.h>
#include "helpers.h"

/* A child running path with the arguments in ap: its pid, or a negative errno. */
static long spawn_va(const char *path, va_list ap)
{
	struct program_args *args = kzalloc(sizeof(*args), GFP_KERNEL);
	char *next;
	long pid;

	if (!args)
		return -ENOMEM;
	next = args->strings;
	for (const char *arg = path; arg && args->argc < MAX_ARGS; arg = va_arg(ap, const char *)) {
		args->argv[args->argc++] = strcpy(next, arg);
		next += strlen(arg) + 1;
	}
	pid = do_spawn(path, args);
	kfree(args);
	return pid;
}

int run_user_program(pid_t *pidp, const char *path, ...)
{
	va_list ap;
	long pid;
	int status = 0;

	va_start(ap, path);
	pid = spawn_va(path, ap);
	va_end(ap);
	if (pid < 0)
		return pid;
	if (pidp)
		*pidp = pid;
	return kernel_wait(pid, &status, 0) == pid ? status : -ECHILD;
}

long start_user_program(const char *path, ...)
{
	va_list ap;
	long pid;

	va_start(ap, path);
	pid = spawn_va(path, ap);
	va_end(ap);
	return pid;
}
