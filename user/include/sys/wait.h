/* sys/wait.h: waiting for child processes; the status macros are the kernel's. */
#ifndef _SYS_WAIT_H
#define _SYS_WAIT_H

#include <sys/types.h>
#include <linux/wait.h>

pid_t waitpid(pid_t pid, int *status, int options);
pid_t wait(int *status);

#endif
