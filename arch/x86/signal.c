/*
 * Delivering signals to a user process, on its way back to user mode
 * (exit_to_user_mode, called by entry.asm after every system call, interrupt
 * and exception that came from user mode).
 *
 * A handler: the registers are saved in a frame on the user stack, under a
 * return address that is the handler's sa_restorer (libc's trampoline, which
 * calls sigreturn), and the process resumes in the handler. sigreturn puts
 * the saved registers back. The default action of every signal but SIGCHLD
 * ends the process.
 *
 * A system call that slept and was cut short by a signal returns
 * -ERESTARTSYS inside the kernel. If a handler runs, the call fails with
 * -EINTR, or starts again if the handler has SA_RESTART; if no handler runs,
 * it starts again (eax = the number, eip back over `int 0x80`). User space
 * never sees -ERESTARTSYS. (docs/syscalls.md)
 */
#include <asm/irq_vectors.h>
#include <asm/ptrace.h>
#include <asm/segment.h>
#include <linux/errno.h>
#include <linux/irqflags.h>
#include <linux/kernel.h>
#include <linux/sched.h>
#include <linux/sched/signal.h>
#include <linux/syscalls.h>
#include <linux/uaccess.h>
#include <uapi/asm/unistd.h>

/* What the frame on the user stack holds below the handler's argument. */
struct sigcontext {
	unsigned long bx, cx, dx, si, di, bp, ax, ip, flags, sp;
};

struct sigframe {
	unsigned long retaddr; /* the handler returns here: sa_restorer */
	int sig;               /* the handler's argument */
	struct sigcontext sc;
};

/* The flags user code may set; IF always stays on. */
#define FLAGS_USER_MASK (X86_EFLAGS_CF | X86_EFLAGS_PF | X86_EFLAGS_AF | X86_EFLAGS_ZF | \
			 X86_EFLAGS_SF | X86_EFLAGS_DF | X86_EFLAGS_OF | X86_EFLAGS_AC)


static bool in_syscall(const struct pt_regs *regs)
{
	return regs->vector == IA32_SYSCALL_VECTOR;
}

/* -ERESTART*: with a handler about to run, fail with -EINTR unless SA_RESTART.
 * -ERESTART_RESTARTBLOCK goes on as restart_syscall (nanosleep: the time left). */
static void restart_syscall(struct pt_regs *regs, const struct sigaction *handler)
{
	long ret = (long)regs->ax;

	if (!in_syscall(regs) || (ret != -ERESTARTSYS && ret != -ERESTARTNOINTR &&
				  ret != -ERESTARTNOHAND && ret != -ERESTART_RESTARTBLOCK))
		return;
	if (handler && (ret == -ERESTARTNOHAND || ret == -ERESTART_RESTARTBLOCK ||
			(ret == -ERESTARTSYS && !(handler->sa_flags & SA_RESTART)))) {
		regs->ax = -EINTR;
		return;
	}
	regs->ax = ret == -ERESTART_RESTARTBLOCK ? __NR_restart_syscall : regs->orig_ax;
	regs->ip -= 2; /* back over `int 0x80` */
}

static int setup_frame(int sig, const struct sigaction *ka, struct pt_regs *regs)
{
	struct sigframe __user *frame = (struct sigframe __user *)((regs->sp - sizeof(struct sigframe)) & ~15ul);
	struct sigframe f = {
		.retaddr = (unsigned long)ka->sa_restorer,
		.sig = sig,
		.sc = { regs->bx, regs->cx, regs->dx, regs->si, regs->di, regs->bp, regs->ax,
			regs->ip, regs->flags, regs->sp },
	};

	if (copy_to_user(frame, &f, sizeof(f)))
		return -EFAULT;
	regs->sp = (unsigned long)frame;
	regs->ip = (unsigned long)ka->sa_handler;
	return 0;
}

static void handle_signal(int sig, const struct sigaction *ka, struct pt_regs *regs)
{
	if (ka->sa_handler == SIG_IGN)
		return restart_syscall(regs, NULL);
	if (ka->sa_handler == SIG_DFL) {
		if (sig_default_ignored(sig))
			return restart_syscall(regs, NULL);
		if (sig_kernel_stop(sig)) {
			do_signal_stop(sig); /* until SIGCONT; then the call starts again */
			return restart_syscall(regs, NULL);
		}
		do_exit(sig); /* killed: the wait status is the signal */
	}
	restart_syscall(regs, ka);
	if (setup_frame(sig, ka, regs)) {
		pr_info("%s[%d]: no room for a signal frame at %08lx: killed\n", current->comm,
			current->pid, regs->sp);
		do_exit(SIGSEGV);
	}
}

/**
 * exit_to_user_mode() - The work due before returning to user mode: reschedule, deliver signals.
 * @regs: the user state to return to
 *
 * Loops until neither is pending, then restarts a system call a signal cut
 * short (if the handler asked for it).
 *
 * Context: irqentry_exit(), interrupts off on entry and exit; may sleep
 * (it calls schedule() with interrupts on).
 */
__attribute__((used)) void exit_to_user_mode(struct pt_regs *regs)
{
	for (;;) {
		struct sigaction ka;
		int sig;

		if (need_resched()) {
			local_irq_enable();
			schedule();
		} else if (signal_pending(current)) {
			local_irq_enable();
			sig = dequeue_signal(&ka);
			if (sig)
				handle_signal(sig, &ka, regs);
		} else {
			break;
		}
		local_irq_disable();
	}
	restart_syscall(regs, NULL); /* cut short by a signal that has gone since */
	regs->vector = 0;            /* done with this call: nothing to restart twice */
}

/**
 * sys_sigreturn() - The sigreturn(2) system call: restore the state saved before a signal handler ran.
 *
 * A signal frame that cannot be read kills the process with SIGSEGV.
 *
 * Context: process context (a system call from the signal trampoline); may
 * sleep (reads user memory).
 * Return: the restored EAX, so the interrupted code sees its own value.
 */
long sys_sigreturn(void)
{
	struct pt_regs *regs = task_pt_regs(current);
	struct sigframe __user *frame = (struct sigframe __user *)(regs->sp - 4);
	struct sigcontext sc;

	if (copy_from_user(&sc, &frame->sc, sizeof(sc))) {
		pr_info("%s[%d]: bad signal frame at %p: killed\n", current->comm, current->pid,
			frame);
		do_exit(SIGSEGV);
	}
	regs->bx = sc.bx;
	regs->cx = sc.cx;
	regs->dx = sc.dx;
	regs->si = sc.si;
	regs->di = sc.di;
	regs->bp = sc.bp;
	regs->ip = sc.ip;
	regs->sp = sc.sp;
	regs->flags = (regs->flags & ~FLAGS_USER_MASK) | (sc.flags & FLAGS_USER_MASK);
	regs->vector = 0; /* not a system call to restart */
	return sc.ax;
}
