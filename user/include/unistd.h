/* unistd.h: file descriptors, process ids, sleeping, and the raw system call. */
#ifndef _UNISTD_H
#define _UNISTD_H

#include <sys/types.h>

#define STDIN_FILENO 0
#define STDOUT_FILENO 1
#define STDERR_FILENO 2

ssize_t read(int fd, void *buf, size_t count);
ssize_t write(int fd, const void *buf, size_t count);
int close(int fd);
int dup(int fd);
int dup2(int oldfd, int newfd);
/* fds[0] reads what fds[1] writes. */
int pipe(int fds[2]);
/* flags: O_NONBLOCK */
int pipe2(int fds[2], int flags);
/* syslog(2): type 8 sets the console's log level to len (dmesg -n), 6 off, 7 on. */
int klogctl(int type, char *buf, int len);
/* A copy of the calling process: the child's pid in the parent, 0 in the child. */
pid_t fork(void);
/* Runs another program in this process; returns only on failure. envp is not passed on. */
int execve(const char *path, char *const argv[], char *const envp[]);
int execv(const char *path, char *const argv[]);
pid_t getpid(void);
pid_t getppid(void);
/* Process groups and sessions (Linux's rules: kernel/pgrp.c). */
int setpgid(pid_t pid, pid_t pgid);
pid_t getpgid(pid_t pid);
pid_t getpgrp(void);
pid_t setsid(void);
pid_t getsid(pid_t pid);
/* The terminal's foreground process group (TIOCGPGRP/TIOCSPGRP). */
pid_t tcgetpgrp(int fd);
int tcsetpgrp(int fd, pid_t pgrp);
/* Whether fd is a terminal (TCGETS works on it). */
int isatty(int fd);
unsigned int sleep(unsigned int seconds);
int usleep(useconds_t us);

/*
 * System call `number` (asm/unistd.h) with up to six arguments: its
 * result, or -1 with errno set. Arguments a call does not take are ignored.
 */
long syscall(long number, ...);

#endif
