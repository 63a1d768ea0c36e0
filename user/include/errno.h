/* errno.h: the error numbers (the kernel's, include/uapi) and the errno variable. */
#ifndef _ERRNO_H
#define _ERRNO_H

#include <linux/errno.h>

/* Set by a failed library call (which then returns -1); never cleared by one. */
extern int errno;

#endif
