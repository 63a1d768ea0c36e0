/* System calls on files: read, write, open, close, ioctl, dup, dup2, pipe, pipe2. */
#include <dirent.h>
#include <fcntl.h>
#include <stdarg.h>
#include <sys/ioctl.h>
#include <unistd.h>
#include "syscall.h"

ssize_t read(int fd, void *buf, size_t count)
{
	return syscall3(__NR_read, fd, buf, count);
}

ssize_t write(int fd, const void *buf, size_t count)
{
	return syscall3(__NR_write, fd, buf, count);
}

int open(const char *path, int flags)
{
	return syscall2(__NR_open, path, flags);
}

int close(int fd)
{
	return syscall1(__NR_close, fd);
}

int ioctl(int fd, unsigned long cmd, ...)
{
	va_list ap;
	unsigned long arg;

	va_start(ap, cmd);
	arg = va_arg(ap, unsigned long);
	va_end(ap);
	return syscall3(__NR_ioctl, fd, cmd, arg);
}

int getdents64(int fd, void *buf, unsigned int size)
{
	return syscall3(__NR_getdents64, fd, buf, size);
}

int dup(int fd)
{
	return syscall1(__NR_dup, fd);
}

int dup2(int oldfd, int newfd)
{
	return syscall2(__NR_dup2, oldfd, newfd);
}

int pipe(int fds[2])
{
	return syscall1(__NR_pipe, fds);
}

int pipe2(int fds[2], int flags)
{
	return syscall2(__NR_pipe2, fds, flags);
}
