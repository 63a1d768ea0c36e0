/* System calls on processes: exit, spawn, waitpid, wait, the ids (pid, parent, group,
 * session), sched_yield. */
#include <janus.h>
#include <sched.h>
#include <stdlib.h>
#include <sys/wait.h>
#include <unistd.h>
#include "syscall.h"

_Noreturn void exit(int status)
{
	__syscall1(__NR_exit, status);
	__builtin_trap(); /* exit returned: a kernel bug; fault rather than run on */
}

int klogctl(int type, char *buf, int len)
{
	return syscall3(__NR_syslog, type, buf, len);
}

pid_t fork(void)
{
	return syscall0(__NR_fork);
}

int execve(const char *path, char *const argv[], char *const envp[])
{
	return syscall3(__NR_execve, path, argv, envp);
}

int execv(const char *path, char *const argv[])
{
	return execve(path, argv, NULL);
}

pid_t spawn(const char *path, char *const argv[])
{
	return syscall2(__NR_spawn, path, argv);
}

pid_t waitpid(pid_t pid, int *status, int options)
{
	return syscall3(__NR_waitpid, pid, status, options);
}

pid_t wait(int *status)
{
	return waitpid(-1, status, 0);
}

pid_t getpid(void)
{
	return syscall0(__NR_getpid);
}

pid_t getppid(void)
{
	return syscall0(__NR_getppid);
}

int sched_yield(void)
{
	return syscall0(__NR_sched_yield);
}

int setpgid(pid_t pid, pid_t pgid)
{
	return syscall2(__NR_setpgid, pid, pgid);
}

pid_t getpgid(pid_t pid)
{
	return syscall1(__NR_getpgid, pid);
}

pid_t getpgrp(void)
{
	return syscall0(__NR_getpgrp);
}

pid_t setsid(void)
{
	return syscall0(__NR_setsid);
}

pid_t getsid(pid_t pid)
{
	return syscall1(__NR_getsid, pid);
}
