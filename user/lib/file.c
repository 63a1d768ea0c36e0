/* System calls on files: read, write, open, close, ioctl. */
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
