/* errno, the POSIX convention for system call results, and syscall(). */
#include <errno.h>
#include <stdarg.h>
#include <unistd.h>
#include "syscall.h"

int errno;

/*
 * Always reads six arguments: on i386 those the caller did not pass are
 * whatever lies above them on its stack, and the kernel ignores them.
 */
long syscall(long number, ...)
{
	va_list ap;
	long a[6];

	va_start(ap, number);
	for (int i = 0; i < 6; i++)
		a[i] = va_arg(ap, long);
	va_end(ap);
	return __syscall_ret(__syscall6(number, a[0], a[1], a[2], a[3], a[4], a[5]));
}
