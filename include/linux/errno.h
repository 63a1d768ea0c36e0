/* Error numbers: user space's (include/uapi/linux/errno.h), plus the
 * kernel-internal restart codes that a system call's exit turns into -EINTR
 * or a restart (arch/x86/signal.c); user space never sees those. */
#ifndef _LINUX_ERRNO_H
#define _LINUX_ERRNO_H
#include <uapi/linux/errno.h>

#define ERESTARTSYS 512
#define ERESTARTNOINTR 513
#define ERESTARTNOHAND 514
#define ERESTART_RESTARTBLOCK 516 /* go on with current->restart_block (restart_syscall) */

#endif
