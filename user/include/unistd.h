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
pid_t getpid(void);
pid_t getppid(void);
unsigned int sleep(unsigned int seconds);
int usleep(useconds_t us);

/*
 * System call `number` (asm/unistd.h) with up to five arguments: its
 * result, or -1 with errno set. Arguments a call does not take are ignored.
 */
long syscall(long number, ...);

#endif
