/* sys/ioctl.h: device-specific requests on a file descriptor. */
#ifndef _SYS_IOCTL_H
#define _SYS_IOCTL_H

/* The optional third argument is an integer or a pointer, as cmd wants. */
int ioctl(int fd, unsigned long cmd, ...);

#endif
