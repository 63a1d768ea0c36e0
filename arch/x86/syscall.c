/*
 * System calls: `int 0x80` from user mode (entry.asm) lands in do_syscall, on
 * the calling task's own kernel stack, in process context: this is the kernel
 * running on behalf of a process. eax picks the function; ebx, ecx, edx, esi
 * and edi are its arguments; its result goes back in eax. The way out
 * (irqentry_exit -> exit_to_user_mode) switches tasks if needed and delivers
 * signals, which may turn -ERESTARTSYS into -EINTR or a restart.
 */
#include <asm/ptrace.h>
#include <asm/vsyscall.h>
#include <linux/errno.h>
#include <linux/irqflags.h>
#include <linux/kernel.h>
#include <linux/sched.h>
#include <linux/syscalls.h>
#include <linux/uaccess.h>
#include <uapi/asm/unistd.h>
#include <trace/events/syscalls.h>

typedef long (*syscall_fn_t)(unsigned long, unsigned long, unsigned long, unsigned long,
			     unsigned long, unsigned long);

/* Every entry is called with six arguments; cdecl lets a function take fewer. */
#define SYSCALL(nr, fn) [nr] = (syscall_fn_t)(void (*)(void))(fn)

static const syscall_fn_t sys_call_table[NR_syscalls] = {
	SYSCALL(__NR_restart_syscall, sys_restart_syscall),
	SYSCALL(__NR_exit, sys_exit),
	SYSCALL(__NR_fork, sys_fork),
	SYSCALL(__NR_read, sys_read),
	SYSCALL(__NR_write, sys_write),
	SYSCALL(__NR_open, sys_open),
	SYSCALL(__NR_close, sys_close),
	SYSCALL(__NR_waitpid, sys_waitpid),
	SYSCALL(__NR_execve, sys_execve),
	SYSCALL(__NR_getpid, sys_getpid),
	SYSCALL(__NR_kill, sys_kill),
	SYSCALL(__NR_dup, sys_dup),
	SYSCALL(__NR_pipe, sys_pipe),
	SYSCALL(__NR_ioctl, sys_ioctl),
	SYSCALL(__NR_setpgid, sys_setpgid),
	SYSCALL(__NR_dup2, sys_dup2),
	SYSCALL(__NR_getppid, sys_getppid),
	SYSCALL(__NR_getpgrp, sys_getpgrp),
	SYSCALL(__NR_setsid, sys_setsid),
	SYSCALL(__NR_sigaction, sys_sigaction),
	SYSCALL(__NR_syslog, sys_syslog),
	SYSCALL(__NR_sigreturn, sys_sigreturn),
	SYSCALL(__NR_init_module, sys_init_module),
	SYSCALL(__NR_delete_module, sys_delete_module),
	SYSCALL(__NR_getpgid, sys_getpgid),
	SYSCALL(__NR_getsid, sys_getsid),
	SYSCALL(__NR_sched_yield, sys_sched_yield),
	SYSCALL(__NR_nanosleep, sys_nanosleep),
	SYSCALL(__NR_getdents64, sys_getdents64),
	SYSCALL(__NR_clock_gettime, sys_clock_gettime),
	SYSCALL(__NR_pipe2, sys_pipe2),
	SYSCALL(__NR_finit_module, sys_finit_module),
	SYSCALL(__NR_socketcall, sys_socketcall),
	SYSCALL(__NR_socket, sys_socket),
	SYSCALL(__NR_socketpair, sys_socketpair),
	SYSCALL(__NR_bind, sys_bind),
	SYSCALL(__NR_connect, sys_connect),
	SYSCALL(__NR_listen, sys_listen),
	SYSCALL(__NR_accept4, sys_accept4),
	SYSCALL(__NR_getsockopt, sys_getsockopt),
	SYSCALL(__NR_setsockopt, sys_setsockopt),
	SYSCALL(__NR_getsockname, sys_getsockname),
	SYSCALL(__NR_getpeername, sys_getpeername),
	SYSCALL(__NR_sendto, sys_sendto),
	SYSCALL(__NR_sendmsg, sys_sendmsg),
	SYSCALL(__NR_recvfrom, sys_recvfrom),
	SYSCALL(__NR_recvmsg, sys_recvmsg),
	SYSCALL(__NR_shutdown, sys_shutdown),
	SYSCALL(__NR_spawn, sys_spawn),
};

/*
 * The sixth argument, of the two calls that have one. `int 0x80` brings it
 * in ebp. sysenter cannot: the vsyscall page pushed ebp and carries the
 * user's stack pointer in it (vsyscall_page.asm), so it is read from there,
 * as Linux's do_fast_syscall_32 does. A call restarted after a signal
 * re-enters through the page's `int 0x80` with that same ebp and return
 * address, so the return address tells the two apart.
 */
static long syscall_arg6(unsigned long nr, const struct pt_regs *regs, unsigned long *arg6)
{
	u32 v;

	*arg6 = regs->bp;
	if ((nr != __NR_sendto && nr != __NR_recvfrom) || regs->ip != VSYSCALL_SYSEXIT_RETURN)
		return 0;
	if (get_user(v, (const u32 __user *)regs->bp))
		return -EFAULT;
	*arg6 = v;
	return 0;
}

/* What syscall_exit_checks() checks, in three tests: nearly every call passes. */
static __always_inline bool syscall_exit_clean(void)
{
	return !(current->lock_depth | preempt_count() | irqs_disabled());
}

/**
 * do_syscall() - Dispatch a system call (int 0x80) by its number in EAX; result in EAX.
 * @regs: the caller's state: number in orig_ax, arguments in EBX, ECX, EDX, ESI, EDI, EBP
 *
 * Turns interrupts on: a system call is process context. An unknown number
 * returns -ENOSYS; a call that returns with preempt_count raised is
 * reported and repaired.
 *
 * Context: entry.asm, process context of the calling task; may sleep (the
 * system calls do).
 */
__attribute__((used)) void do_syscall(struct pt_regs *regs)
{
	unsigned long nr = regs->orig_ax;
	syscall_fn_t fn = nr < NR_syscalls ? sys_call_table[nr] : NULL;
	unsigned long arg6;
	long err;

	local_irq_enable(); /* the gate turned them off; a system call is process context */
	trace_sys_enter(regs, nr);
	err = syscall_arg6(nr, regs, &arg6);
	if (err)
		regs->ax = err;
	else
		regs->ax = fn ? fn(regs->bx, regs->cx, regs->dx, regs->si, regs->di, arg6) : -ENOSYS;
	trace_sys_exit(regs, regs->ax);
	if (unlikely(!syscall_exit_clean()))
		syscall_exit_checks(nr, (void *)fn);
	/* Off again for the way out: exit_to_user_mode's last look at
	 * need_resched and signals must not be overtaken by an interrupt. */
	local_irq_disable();
}
