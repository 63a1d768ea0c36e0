/*
 * System call numbers: the contract between user programs (user/lib) and
 * the kernel's table (arch/x86/syscall_table.c). The numbers are Linux
 * i386's where Linux has the call, so a student's strace-trained eye knows
 * them; spawn is Janus's own (it has no fork/exec pair).
 *
 * int 0x80 with eax = number, arguments in ebx, ecx, edx, esi, edi, ebp;
 * the result comes back in eax, a negative errno on failure.
 */
#ifndef _UAPI_ASM_UNISTD_H
#define _UAPI_ASM_UNISTD_H

#define __NR_restart_syscall 0
#define __NR_exit 1
#define __NR_fork 2
#define __NR_read 3
#define __NR_write 4
#define __NR_open 5
#define __NR_close 6
#define __NR_waitpid 7
#define __NR_execve 11
#define __NR_getpid 20
#define __NR_kill 37
#define __NR_dup 41
#define __NR_pipe 42
#define __NR_ioctl 54
#define __NR_setpgid 57
#define __NR_dup2 63
#define __NR_getppid 64
#define __NR_getpgrp 65
#define __NR_setsid 66
#define __NR_sigaction 67
#define __NR_socketcall 102 /* every socket operation: SYS_SOCKET... (linux/net.h) and an argument array */
#define __NR_syslog 103
#define __NR_sigreturn 119
#define __NR_init_module 128
#define __NR_delete_module 129
#define __NR_getpgid 132
#define __NR_getsid 147
#define __NR_sched_yield 158
#define __NR_nanosleep 162
#define __NR_getdents64 220
#define __NR_clock_gettime 265
#define __NR_pipe2 331
#define __NR_finit_module 350
#define __NR_socket 359
#define __NR_socketpair 360
#define __NR_bind 361
#define __NR_connect 362
#define __NR_listen 363
#define __NR_accept4 364
#define __NR_getsockopt 365
#define __NR_setsockopt 366
#define __NR_getsockname 367
#define __NR_getpeername 368
#define __NR_sendto 369 /* six arguments: the sixth in ebp */
#define __NR_sendmsg 370
#define __NR_recvfrom 371 /* six arguments: the sixth in ebp */
#define __NR_recvmsg 372
#define __NR_shutdown 373
#define __NR_spawn 400 /* spawn(path, argv): a new process running path; its pid */

#define NR_syscalls 401

#endif
