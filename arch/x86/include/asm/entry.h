/*
 * The test at the end of every return to user mode (irqentry_exit,
 * arch/x86/traps.c): is there work before the user's registers can be
 * restored? Inline, because nearly every return has none, and a system
 * call's whole cost is a few dozen instructions: the work itself is
 * exit_to_user_mode() (arch/x86/signal.c), out of line.
 */
#ifndef _ASM_ENTRY_H
#define _ASM_ENTRY_H
#include <asm/irq_vectors.h>
#include <asm/ptrace.h>
#include <linux/errno.h>
#include <linux/sched.h>
#include <linux/sched/signal.h>

/**
 * syscall_restart_asked() - Whether @regs are a system call's that returned an -ERESTART* code.
 * @regs: the user state about to be restored
 *
 * -ERESTART_RESTARTBLOCK .. -ERESTARTSYS, in one unsigned compare; the
 * caller's slow path (restart_syscall()) tells the codes apart.
 *
 * Context: the way back to user mode, interrupts off.
 * Return: true if the result may ask for a restart.
 */
static __always_inline bool syscall_restart_asked(const struct pt_regs *regs)
{
	return regs->vector == IA32_SYSCALL_VECTOR &&
	       regs->ax + ERESTART_RESTARTBLOCK <= ERESTART_RESTARTBLOCK - ERESTARTSYS;
}

/**
 * exit_to_user_mode_pending() - Whether the way back to user mode has work to do first.
 * @regs: the user state about to be restored
 *
 * Context: the way back to user mode, interrupts off.
 * Return: true if current must reschedule, has a signal pending, or
 * returns from a system call that may have to restart: then
 * exit_to_user_mode() must run.
 */
static __always_inline bool exit_to_user_mode_pending(const struct pt_regs *regs)
{
	const struct task_struct *p = current;

	return READ_ONCE(p->need_resched) | signal_pending(p) | syscall_restart_asked(regs);
}

#endif
