/* sys/ioctl.h: device-specific requests on a file descriptor; the terminal ones are Linux's. */
#ifndef _SYS_IOCTL_H
#define _SYS_IOCTL_H

#include <asm/ioctls.h>
#include <asm/termbits.h>

/* The optional third argument is an integer or a pointer, as cmd wants. */
int ioctl(int fd, unsigned long cmd, ...);

#endif
