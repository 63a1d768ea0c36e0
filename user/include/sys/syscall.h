/* sys/syscall.h: the system call numbers, __NR_name (asm/unistd.h), for syscall(). */
#ifndef _SYS_SYSCALL_H
#define _SYS_SYSCALL_H

#include <asm/unistd.h>

#endif
