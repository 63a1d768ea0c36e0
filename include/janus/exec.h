/* Starting user programs from the initrd (kernel/exec.c). */
#ifndef _JANUS_EXEC_H
#define _JANUS_EXEC_H
#include <linux/compiler.h>

#define MAX_ARGS 16
#define PATH_MAX 256

struct program_args {
	int argc;
	char *argv[MAX_ARGS];
	char strings[2048]; /* where argv points */
};

/* A new process running path (a child of current): its pid, or a negative
 * errno (-ENOENT, -ENOEXEC, -ENOMEM). */
long do_spawn(const char *path, const struct program_args *args);
/* Makes the calling kernel thread a process running path, and leaves for
 * user mode; returns only on failure, with a negative errno. */
int kernel_execve(const char *path, const struct program_args *args);

#endif
