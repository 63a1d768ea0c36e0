/*
 * The system calls (the table is arch/x86/syscall.c; numbers in
 * include/uapi/asm/unistd.h). Each runs in process context, on behalf of the
 * calling process, and returns a value or a negative errno.
 */
#ifndef _LINUX_SYSCALLS_H
#define _LINUX_SYSCALLS_H
#include <linux/types.h>

struct timespec;
struct sigaction;
struct sockaddr;

long sys_exit(int status);                                           /* kernel/exit.c */
long sys_waitpid(pid_t pid, int __user *status, int options);
long sys_read(unsigned int fd, char __user *buf, size_t count);      /* kernel/fs/ */
long sys_write(unsigned int fd, const char __user *buf, size_t count);
long sys_open(const char __user *path, unsigned int flags);
long sys_close(unsigned int fd);
long sys_ioctl(unsigned int fd, unsigned int cmd, unsigned long arg);
long sys_dup(unsigned int oldfd);
long sys_dup2(unsigned int oldfd, unsigned int newfd);
long sys_pipe(int __user *fds);
long sys_pipe2(int __user *fds, int flags);
long sys_syslog(int type, char __user *buf, int len);                 /* kernel/printk/printk.c */
long sys_getdents64(unsigned int fd, void __user *dirent, unsigned int count);
long sys_clock_gettime(int clock, struct timespec __user *tp);
long sys_getpid(void);                                               /* kernel/sys.c */
long sys_getppid(void);
long sys_sched_yield(void);
long sys_restart_syscall(void);
long sys_nanosleep(const struct timespec __user *req, struct timespec __user *rem);
long sys_setpgid(pid_t pid, pid_t pgid);                             /* kernel/pgrp.c */
long sys_getpgid(pid_t pid);
long sys_getpgrp(void);
long sys_setsid(void);
long sys_getsid(pid_t pid);
long sys_kill(pid_t pid, int sig);                                   /* kernel/signal.c */
long sys_sigaction(int sig, const struct sigaction __user *act, struct sigaction __user *oact);
long sys_sigreturn(void);                                            /* arch/x86/signal.c */
long sys_init_module(void __user *umod, unsigned long len, const char __user *uargs); /* kernel/module/ */
long sys_finit_module(int fd, const char __user *uargs, int flags);
long sys_delete_module(const char __user *name, unsigned int flags);
long sys_spawn(const char __user *path, const char __user *const __user *argv); /* kernel/exec.c */
long sys_fork(void);
long sys_execve(const char __user *path, const char __user *const __user *argv,
		const char __user *const __user *envp);
long sys_socketcall(int call, unsigned long __user *args);          /* net/socket.c */
long sys_socket(int family, int type, int protocol);
long sys_socketpair(int family, int type, int protocol, int __user *sv);
long sys_bind(int fd, struct sockaddr __user *addr, int addrlen);
long sys_connect(int fd, struct sockaddr __user *addr, int addrlen);
long sys_listen(int fd, int backlog);
long sys_accept4(int fd, struct sockaddr __user *addr, int __user *addrlen, int flags);
long sys_getsockopt(int fd, int level, int optname, void __user *optval, int __user *optlen);
long sys_setsockopt(int fd, int level, int optname, const void __user *optval, int optlen);
long sys_getsockname(int fd, struct sockaddr __user *addr, int __user *addrlen);
long sys_getpeername(int fd, struct sockaddr __user *addr, int __user *addrlen);
long sys_sendto(int fd, const void __user *buf, size_t len, unsigned int flags,
		struct sockaddr __user *addr, int addrlen);
long sys_sendmsg(int fd, void __user *msg, unsigned int flags);
long sys_recvfrom(int fd, void __user *buf, size_t size, unsigned int flags,
		  struct sockaddr __user *addr, int __user *addrlen);
long sys_recvmsg(int fd, void __user *msg, unsigned int flags);
long sys_shutdown(int fd, int how);

/**
 * syscall_exit_checks() - Check and repair what a system call left behind.
 * @nr: the system call's number
 * @fn: its function (NULL for an unknown number), to name it in reports
 *
 * Reports a system call that returns with interrupts disabled, with
 * preempt_count raised or with locks held, and repairs each: interrupts
 * back on, the count back to 0, the locks released.
 *
 * Context: process context, at the end of every system call (do_syscall),
 * before the way back to user mode; the call's own work is done.
 */
void syscall_exit_checks(unsigned long nr, void *fn);
/* Calls that returned with interrupts disabled, so far (kernel/syscall_exit.c). */
extern unsigned long syscall_exit_irqs_disabled;

#endif
