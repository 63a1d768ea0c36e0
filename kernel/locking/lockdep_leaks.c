/*
 * Locks left held: by a handler (lockdep_repair_leaks), on the way back to user
 * space, by an exiting task. Each is reported and released, so the kernel runs on.
 */
#include <asm/processor.h>
#include <asm/stacktrace.h>
#include <linux/hardirq.h>
#include <linux/init.h>
#include <linux/irqflags.h>
#include <linux/kernel.h>
#include <linux/mutex.h>
#include <linux/rwlock.h>
#include <linux/sched.h>
#include <linux/semaphore.h>
#include <linux/spinlock.h>
#include <linux/sprintf.h>
#include <linux/string.h>
#include <janus/log.h>
#include "lockdep_internals.h"

static void force_release(struct lockdep_map *map)
{
	switch (map->type) {
	case LD_SPINLOCK:
		spin_force_release(map);
		break;
	case LD_RWLOCK:
		rwlock_force_release(map);
		break;
	case LD_MUTEX:
		mutex_force_release(map);
		break;
	case LD_SEMAPHORE:
		sem_force_release(map);
		break;
	}
}

/* Releases current's locks above depth, newest first; returns how many. */
static unsigned int release_above(unsigned int depth)
{
	struct task_struct *tsk = current;
	unsigned int n = 0;

	while (tsk->lock_depth > depth) {
		struct held_lock hl = tsk->held_locks[tsk->lock_depth - 1];

		tsk->lock_depth--;
		pr_warn("releasing %s (taken at %pS)\n", lockdep_map_name(hl.map), (void *)hl.ip);
		force_release(hl.map);
		n++;
	}
	return n;
}

/* A report of the locks @tsk holds above @depth begins, if it holds any. */
static bool leak_report_begin(struct task_struct *tsk, unsigned int depth)
{
	if (!lockdep_enabled())
		return false;
	purge_stale(tsk);
	if (tsk->lock_depth <= depth)
		return false;
	lockdep_leak_reports++;
	report_begin();
	return true;
}

/* The leaked locks are released, and the report ends: how many there were. */
static unsigned int leak_report_end(unsigned int depth)
{
	unsigned int n = release_above(depth);

	report_end();
	return n;
}

unsigned int lockdep_repair_leaks(unsigned int depth, const char *what)
{
	struct task_struct *tsk = current;

	if (!leak_report_begin(tsk, depth))
		return 0;
	pr_err("BUG: %s leaked lock %s (taken at %pS)\n", what,
	       lockdep_map_name(tsk->held_locks[depth].map), (void *)tsk->held_locks[depth].ip);
	lockdep_print_held_locks(tsk);
	dump_stack();
	return leak_report_end(depth);
}

void lockdep_sys_exit(void)
{
	struct task_struct *tsk = current;

	if (!leak_report_begin(tsk, 0))
		return;
	print_banner("WARNING: lock held when returning to user space!");
	pr_warn("%s/%d is leaving the kernel with locks still held!\n", tsk->comm, tsk->pid);
	lockdep_print_held_locks(tsk);
	leak_report_end(0);
}

void debug_check_no_locks_held(void)
{
	struct task_struct *tsk = current;
	char title[64];

	if (!leak_report_begin(tsk, 0))
		return;
	snprintf(title, sizeof(title), "WARNING: %s/%d still has locks held!", tsk->comm, tsk->pid);
	print_banner(title);
	lockdep_print_held_locks(tsk);
	pr_warn("\nstack backtrace:\n");
	dump_stack_lvl(KERN_WARNING);
	leak_report_end(0);
}
