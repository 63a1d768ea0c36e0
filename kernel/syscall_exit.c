/*
 * What must hold when a system call goes back to user mode (called by
 * do_syscall, arch/x86/syscall.c, right after the call's function returns):
 * the kernel leaves the way it came in, interrupts on, preempt_count 0, no
 * lock held. A call that breaks one of these has a bug that would otherwise
 * strike later and elsewhere (the next task on this CPU inherits the count;
 * nobody ever gets the lock again), so each is reported where it happened,
 * named by the call's number and function, and repaired.
 */
#include <linux/irqflags.h>
#include <linux/kernel.h>
#include <linux/lockdep.h>
#include <linux/preempt.h>
#include <linux/sched.h>
#include <linux/syscalls.h>
#include <janus/nosleep.h>

unsigned long syscall_exit_irqs_disabled; /* reports so far (the tests read it) */

void syscall_exit_checks(unsigned long nr, void *fn)
{
	/* Locks first: releasing a spinlock also gives back its preempt count. */
	if (unlikely(current->lock_depth))
		lockdep_sys_exit();
	if (unlikely(preempt_count())) {
		report_preempt_leak("system call", NULL, fn, 0, preempt_count());
		preempt_count_set(0);
	}
	if (unlikely(irqs_disabled())) {
		syscall_exit_irqs_disabled++;
		WARN(1, "syscall %lu left IRQs disabled (%ps)\n", nr, fn);
		local_irq_enable();
	}
}
