/*
 * Signals (kernel/signal.c): a pending bit per signal. send_sig() to a task
 * sleeping in TASK_INTERRUPTIBLE wakes it, and its interruptible wait returns
 * -ERESTARTSYS. Any context. A user process also has handlers (sigaction);
 * on its way back to user mode (arch/x86/signal.c) a pending signal runs its
 * handler, or its default action: for most signals, the end of the process.
 */
#ifndef _LINUX_SCHED_SIGNAL_H
#define _LINUX_SCHED_SIGNAL_H
#include <linux/sched.h>
#include <uapi/asm/signal.h>

struct sighand_struct {
	struct sigaction action[_NSIG];
	unsigned int flags;
};

/* sighand->flags: init (pid 1) gets only the signals it has a handler for
 * from user space; SIGKILL and SIGSTOP from user space never reach it. */
#define SIGNAL_UNKILLABLE 0x1

/**
 * signal_pending() - Whether @p has a signal pending (an interruptible sleep should end).
 * @p: the task
 *
 * Context: any context; does not sleep.
 * Return: true if any signal is pending.
 */
static inline bool signal_pending(const struct task_struct *p) { return READ_ONCE(p->pending) != 0; }
/**
 * fatal_signal_pending() - Whether @p has SIGKILL pending.
 * @p: the task
 *
 * Context: any context; does not sleep.
 * Return: true if SIGKILL is pending.
 */
static inline bool fatal_signal_pending(const struct task_struct *p)
{
	return READ_ONCE(p->pending) & (1ul << SIGKILL);
}
/**
 * signal_pending_state() - Whether a signal should cut short a sleep in @state.
 * @state: the sleep's task state
 * @p:     the task
 *
 * Context: any context; does not sleep.
 * Return: true if @state is interruptible and a signal is pending.
 */
static inline bool signal_pending_state(long state, const struct task_struct *p)
{
	return (state & TASK_INTERRUPTIBLE) && signal_pending(p);
}

int send_sig(int sig, struct task_struct *p, int priv);
/* Every process of process group pgrp (kernel/signal.c); -ESRCH if there is none. Any context. */
int kill_pgrp(pid_t pgrp, int sig, int priv);
/* Job control's orphaned process groups (kernel/pgrp.c). Process context. */
bool is_orphaned_pgrp(pid_t pgid);
void kill_orphaned_pgrps(struct task_struct *tsk);
void flush_signals(struct task_struct *p);
/* A signal current cannot ignore, for a fault it caused (arch/x86/traps.c). */
void force_sig(int sig);
/* On the way back to user mode: reschedule, deliver signals (arch/x86/signal.c). */
struct pt_regs;
void exit_to_user_mode(struct pt_regs *regs);
/* Takes the lowest pending signal of current, with its action; 0 if none. */
int dequeue_signal(struct sigaction *action);
bool sig_kernel_stop(int sig);
void do_signal_stop(int sig);
/* Wakes the parents sleeping in waitpid (kernel/exit.c). */
void wake_up_parent(void);
/* Signals the default action of which is to do nothing (SIGCHLD). */
bool sig_default_ignored(int sig);

#endif
