/*
 * Sending signals: set the pending bit, wake an interruptible sleeper. A user
 * process's handlers (sigaction) decide what delivery does
 * (arch/x86/signal.c); a signal it ignores is dropped here, at once, so it
 * never interrupts a sleep. Kernel threads only ever see the pending bit.
 */
#include <linux/errno.h>
#include <linux/sched/signal.h>
#include <linux/sched/task.h>
#include <linux/syscalls.h>
#include <linux/uaccess.h>

/**
 * sig_default_ignored() - Whether @sig is dropped when its handler is SIG_DFL.
 * @sig: the signal number
 *
 * Linux's list. (SIGCONT's "continue" is done when it is sent, see send_sig(),
 * whatever the handler; delivered with SIG_DFL it does nothing more.)
 *
 * Context: any context; does not sleep.
 * Return: true for SIGCHLD, SIGCONT, SIGURG and SIGWINCH.
 */
bool sig_default_ignored(int sig)
{
	return sig == SIGCHLD || sig == SIGCONT || sig == SIGURG || sig == SIGWINCH;
}

/* The signals a process can neither catch nor ignore. */
static bool sig_kernel_only(int sig)
{
	return sig == SIGKILL || sig == SIGSTOP;
}

#define STOP_SIGNALS (1ul << SIGSTOP | 1ul << SIGTSTP | 1ul << SIGTTIN | 1ul << SIGTTOU)

/**
 * sig_kernel_stop() - Whether @sig's default action stops the process.
 * @sig: the signal number
 *
 * Context: any context; does not sleep.
 * Return: true for SIGSTOP, SIGTSTP (^Z), SIGTTIN and SIGTTOU.
 */
bool sig_kernel_stop(int sig)
{
	return STOP_SIGNALS & (1ul << sig);
}

/*
 * Whether p would drop sig. init is special (Linux's SIGNAL_UNKILLABLE): a
 * signal it has no handler for is dropped, SIGKILL and SIGSTOP included,
 * unless the kernel itself (force) sends one of those two. Otherwise any
 * user process could end the system with kill(1, SIGKILL).
 */
static bool sig_ignored(struct task_struct *p, int sig, bool force)
{
	__sighandler_t handler;

	if (!p->sighand)
		return false;
	handler = READ_ONCE(p->sighand->action[sig].sa_handler);
	if (unlikely(p->sighand->flags & SIGNAL_UNKILLABLE) && handler == SIG_DFL &&
	    !(force && sig_kernel_only(sig)))
		return true;
	if (sig_kernel_only(sig))
		return false;
	return handler == SIG_IGN || (handler == SIG_DFL && sig_default_ignored(sig));
}

/**
 * send_sig() - Make @sig pending for @p and wake @p from an interruptible sleep.
 * @sig:  the signal number, 1 .. _NSIG-1
 * @p:    the task
 * @priv: Linux's "sent by the kernel" flag: only the kernel can make init
 *        take a SIGKILL or SIGSTOP
 *
 * A signal @p ignores is dropped at once, so it never interrupts a sleep.
 * Job control, as in Linux: SIGCONT continues a stopped @p whatever its
 * handler and throws away its pending stop signals; a stop signal throws
 * away a pending SIGCONT; SIGKILL wakes a stopped @p too.
 *
 * Context: any context, a hardirq handler included; does not sleep.
 * Return: 0, or -EINVAL for a bad @sig.
 */
int send_sig(int sig, struct task_struct *p, int priv)
{
	if (sig <= 0 || sig >= _NSIG)
		return -EINVAL;
	if (sig == SIGCONT) {
		__atomic_and_fetch(&p->pending, ~STOP_SIGNALS, __ATOMIC_SEQ_CST);
		__atomic_add_fetch(&p->continued, 1, __ATOMIC_SEQ_CST);
		wake_up_state(p, TASK_STOPPED);
	} else if (sig_kernel_stop(sig)) {
		__atomic_and_fetch(&p->pending, ~(1ul << SIGCONT), __ATOMIC_SEQ_CST);
	}
	if (sig_ignored(p, sig, priv))
		return 0;
	__atomic_or_fetch(&p->pending, 1ul << sig, __ATOMIC_SEQ_CST);
	wake_up_state(p, TASK_INTERRUPTIBLE | (sig == SIGKILL ? TASK_STOPPED : 0));
	return 0;
}

/**
 * force_sig() - Make @sig pending for the current task, even if it ignores it.
 * @sig: the signal, for a fault the task caused (SIGSEGV, SIGFPE...)
 *
 * An ignored fault signal would only come back, so its handler is reset to
 * SIG_DFL.
 *
 * Context: process context, from an exception handler; does not sleep.
 */
void force_sig(int sig)
{
	struct task_struct *p = current;

	/* A fault that is ignored would only come back: back to the default. */
	if (p->sighand && p->sighand->action[sig].sa_handler == SIG_IGN)
		p->sighand->action[sig].sa_handler = SIG_DFL;
	__atomic_or_fetch(&p->pending, 1ul << sig, __ATOMIC_SEQ_CST);
}

/**
 * flush_signals() - Forget every pending signal of @p.
 * @p: the task
 *
 * Context: any context; does not sleep.
 */
void flush_signals(struct task_struct *p)
{
	__atomic_store_n(&p->pending, 0, __ATOMIC_SEQ_CST);
}

/**
 * dequeue_signal() - Take the lowest pending signal of the current task.
 * @action: where the signal's sigaction goes (all zero for a kernel thread)
 *
 * Context: process context, the task itself; does not sleep.
 * Return: the signal number, or 0 if none is pending.
 */
int dequeue_signal(struct sigaction *action)
{
	struct task_struct *tsk = current;
	unsigned long pending, seen;
	int sig;

	do {
		/* A SIGCONT counted from here on cancels the stop this may be. */
		seen = READ_ONCE(tsk->continued);
		pending = READ_ONCE(tsk->pending);
		if (!pending)
			return 0;
		sig = __builtin_ctzl(pending);
		/* Taken by us, not thrown away meanwhile by a SIGCONT? */
	} while (!(__atomic_fetch_and(&tsk->pending, ~(1ul << sig), __ATOMIC_SEQ_CST) & (1ul << sig)));
	tsk->continued_seen = seen;
	*action = tsk->sighand ? tsk->sighand->action[sig] : (struct sigaction){ 0 };
	return sig;
}

/**
 * do_signal_stop() - Stop the current process: a stop signal's default action.
 * @sig: SIGSTOP, SIGTSTP (^Z), SIGTTIN or SIGTTOU, just dequeued
 *
 * The process sleeps in TASK_STOPPED (ps shows T) until SIGCONT or SIGKILL
 * wakes it; meanwhile its parent's waitpid(WUNTRACED) reports it stopped,
 * as the shell does for ^Z. A SIGCONT sent since the dequeue cancels it.
 *
 * Context: process context, on the way back to user mode; sleeps.
 */
void do_signal_stop(int sig)
{
	struct task_struct *tsk = current;

	WRITE_ONCE(tsk->stop_signal, sig);
	set_current_state(TASK_STOPPED);
	if (READ_ONCE(tsk->continued) == tsk->continued_seen &&
	    !(READ_ONCE(tsk->pending) & (1ul << SIGKILL))) {
		wake_up_parent();
		schedule();
	}
	__set_current_state(TASK_RUNNING);
	WRITE_ONCE(tsk->stop_signal, 0); /* running again: nothing to report */
}

struct group_kill {
	pid_t pgrp;      /* the group, or 0 for every process (kill -1) */
	pid_t skip;      /* kill -1 spares the caller */
	int sig;
	int priv;        /* sent by the kernel: only then may init take SIGKILL */
	unsigned int found;
};

/* One process of the group (kernel threads have none: they are skipped). */
static void kill_member(struct task_struct *p, void *arg)
{
	struct group_kill *k = arg;

	if (!p->mm || p->exit_state || (k->pgrp && p->pgid != k->pgrp) ||
	    (!k->pgrp && (p->pid == 1 || p->pid == k->skip)))
		return;
	k->found++;
	if (k->sig)
		send_sig(k->sig, p, k->priv);
}

/**
 * kill_pgrp() - Send a signal to every process of a process group.
 * @pgrp: the group (a process group id, as setpgid made it)
 * @sig:  the signal; 0 only checks that the group has members
 * @priv: 1 if the kernel sends it (the terminal's ^C), 0 for kill()
 *
 * Context: any context, never sleeps (the task list is walked under
 * tasklist_lock with interrupts off).
 * Return: 0, or -ESRCH if no process is in the group.
 */
int kill_pgrp(pid_t pgrp, int sig, int priv)
{
	struct group_kill k = { .pgrp = pgrp, .sig = sig, .priv = priv };

	if (pgrp <= 0)
		return -ESRCH;
	for_each_task(kill_member, &k);
	return k.found ? 0 : -ESRCH;
}

/* kill(-1, sig): every process but init and the caller. */
static long kill_everyone(int sig)
{
	struct group_kill k = { .sig = sig, .skip = current->pid };

	for_each_task(kill_member, &k);
	return k.found ? 0 : -ESRCH;
}

/**
 * sys_kill() - The kill(2) system call: send @sig to a process or a group.
 * @pid: > 0 that process; 0 the caller's process group; -1 every process
 *       but init and the caller; < -1 the process group -@pid
 * @sig: the signal; 0 only checks that the target exists
 *
 * Only processes can be signalled: a kernel thread decides itself what a
 * signal means. A signal init drops (see sig_ignored) still counts as
 * sent, as in Linux: kill(1, SIGKILL) returns 0 and init lives on.
 *
 * Context: process context (a system call); does not sleep.
 * Return: 0 (also for a zombie, which exists until it is reaped); -EINVAL
 * for a bad @sig, -ESRCH if there is no such process or group, -EPERM for a
 * kernel thread.
 */
long sys_kill(pid_t pid, int sig)
{
	struct task_struct *p;
	long ret;

	if (sig < 0 || sig >= _NSIG)
		return -EINVAL;
	if (pid == 0)
		return kill_pgrp(current->pgid, sig, 0);
	if (pid == -1)
		return kill_everyone(sig);
	if (pid < 0)
		return kill_pgrp(-pid, sig, 0);
	p = find_get_process_by_pid(pid);
	if (!p)
		return -ESRCH;
	/* A kernel thread, not a process without memory: one that is exiting
	 * (its memory already given back) or a zombie exists until it is
	 * reaped, and a signal to it is dropped. (!p->mm said EPERM then, and
	 * a zombie was ESRCH.) */
	ret = p->flags & PF_KTHREAD ? -EPERM : sig && !p->exit_state ? send_sig(sig, p, 0) : 0;
	put_task_struct(p);
	return ret;
}

/**
 * sys_sigaction() - The sigaction(2) system call: read and/or set how @sig is handled.
 * @sig:  the signal; SIGKILL cannot be caught or ignored
 * @act:  user pointer to the new action, or NULL
 * @oact: user pointer for the old action, or NULL
 *
 * Ignoring a signal drops one that is already pending.
 *
 * Context: process context (a system call); may sleep (copies from and to
 * user memory, which may fault).
 * Return: 0, -EINVAL, or -EFAULT for a bad user pointer.
 */
long sys_sigaction(int sig, const struct sigaction __user *act, struct sigaction __user *oact)
{
	struct sigaction *slot, new;

	if (sig <= 0 || sig >= _NSIG || !current->sighand)
		return -EINVAL;
	slot = &current->sighand->action[sig];
	if (oact && copy_to_user(oact, slot, sizeof(*slot)))
		return -EFAULT;
	if (!act)
		return 0;
	if (sig_kernel_only(sig))
		return -EINVAL; /* cannot be caught or ignored */
	if (copy_from_user(&new, act, sizeof(new)))
		return -EFAULT;
	WRITE_ONCE(slot->sa_handler, new.sa_handler);
	slot->sa_flags = new.sa_flags;
	slot->sa_restorer = new.sa_restorer;
	/* Ignoring a signal drops one that is already pending. */
	if (sig_ignored(current, sig, false))
		__atomic_and_fetch(&current->pending, ~(1ul << sig), __ATOMIC_SEQ_CST);
	return 0;
}
