/*
 * What the lock validator prints: saved backtraces, a class's usage "{+.+.}",
 * the held locks, and the circular and recursive locking reports, in Linux's words.
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

/**
 * trace_save_bp() - Save the backtrace from frame @bp, and the task.
 * @t:  where to
 * @bp: the frame to start from (lock_acquire's: it starts in the lock primitive)
 *
 * Context: any; never sleeps.
 */
void trace_save_bp(struct lock_trace *t, unsigned long bp)
{
	t->nr = stack_trace_save_bp(bp, t->entries, TRACE_DEPTH);
	strscpy(t->comm, current->comm, sizeof(t->comm));
	t->pid = current->pid;
}

/**
 * lock_trace_save() - Save the caller's backtrace and task.
 * @t: where to
 *
 * Context: any; never sleeps.
 */
void lock_trace_save(struct lock_trace *t)
{
	trace_save_bp(t, current_frame_pointer());
}

/**
 * lock_trace_print() - Print a saved backtrace, one indented frame a line.
 * @t: the trace
 *
 * Context: any; never sleeps.
 */
void lock_trace_print(const struct lock_trace *t)
{
	for (unsigned int i = 0; i < t->nr; i++)
		pr_warn("       %pS\n", (void *)t->entries[i]);
	pr_warn("       (by %s/%d)\n", t->comm, t->pid);
}

/**
 * lock_class_usage_str() - Linux's "{+.+.}": hardirq and softirq usage.
 * @class: the class
 * @buf:   four characters and a NUL: '.' never seen, '+' with them enabled,
 *         '-' inside one, '?' both (the read positions stay '.')
 *
 * Context: any.
 */
void lock_class_usage_str(const struct lock_class *class, char buf[5])
{
	static const char chars[4] = { '.', '-', '+', '?' };
	unsigned int u = READ_ONCE(class->usage);

	buf[0] = chars[(u >> IN_HARDIRQ & 1) | (u >> HARDIRQ_ON & 1) << 1];
	buf[1] = '.';
	buf[2] = chars[(u >> IN_SOFTIRQ & 1) | (u >> SOFTIRQ_ON & 1) << 1];
	buf[3] = '.';
	buf[4] = '\0';
}

static void print_lock(const char *prefix, struct lockdep_map *map, unsigned long ip)
{
	char usage[5] = "....";

	if (map->class)
		lock_class_usage_str(map->class, usage);
	pr_warn("%s%p (%s){%s}, at: %pS\n", prefix, map, lockdep_map_name(map), usage,
		(void *)ip);
}

void lockdep_print_held_locks(struct task_struct *p)
{
	unsigned int depth = min(READ_ONCE(p->lock_depth), (unsigned int)MAX_HELD_LOCKS);

	if (!depth) {
		pr_warn("no locks held by %s/%d.\n", p->comm, p->pid);
		return;
	}
	pr_warn("%u lock%s held by %s/%d:\n", depth, depth > 1 ? "s" : "", p->comm, p->pid);
	for (unsigned int i = 0; i < depth; i++) {
		char prefix[8];

		snprintf(prefix, sizeof(prefix), " #%u: ", i);
		print_lock(prefix, p->held_locks[i].map, p->held_locks[i].ip);
	}
}

/**
 * print_banner() - A report's title between a line of '=' and a line of '-', as Linux prints it.
 * @title: the title
 *
 * Context: inside report_begin()/report_end(); never sleeps.
 */
void print_banner(const char *title)
{
	size_t n = strlen(title);
	char line[80];

	n = min(n, sizeof(line) - 1);
	memset(line, '=', n);
	line[n] = '\0';
	pr_warn("%s\n", line);
	pr_warn("%s\n", title);
	memset(line, '-', n);
	pr_warn("%s\n", line);
}

static void print_trying(struct lockdep_map *next, unsigned long ip, const struct held_lock *held)
{
	pr_warn("%s/%d is trying to acquire lock:\n", current->comm, current->pid);
	print_lock("", next, ip);
	pr_warn("\nbut task is already holding lock:\n");
	print_lock("", held->map, held->ip);
}

/**
 * lockdep_print_report_end() - The end of every validator report.
 *
 * The locks current holds, then the backtrace.
 *
 * Context: inside report_begin()/report_end(); never sleeps.
 */
void lockdep_print_report_end(void)
{
	pr_warn("\n");
	lockdep_print_held_locks(current);
	pr_warn("\nstack backtrace:\n");
	dump_stack_lvl(KERN_WARNING);
}

/**
 * report_circular() - Report a possible circular locking dependency.
 * @held: the held lock the new edge starts at
 * @next: the lock being acquired
 * @ip:   where @next is being acquired
 * @path: the existing chain from @next's class back to @held's, in order
 * @n:    its length
 *
 * Context: inside the validator, interrupts off; never sleeps.
 */
void report_circular(const struct held_lock *held, struct lockdep_map *next,
		     unsigned long ip, struct lock_dep **path, unsigned int n)
{
	struct lock_class *target = held->map->class;
	const char *parent = n > 1 ? path[n - 1]->from->name : next->class->name;
	char usage[5];

	lockdep_circular_reports++;
	report_begin();
	print_banner("WARNING: possible circular locking dependency detected");
	print_trying(next, ip, held);
	pr_warn("\nwhich lock already depends on the new lock.\n\n");
	pr_warn("the existing dependency chain (in reverse order) is:\n");
	for (unsigned int i = n; i > 0; i--) {
		lock_class_usage_str(path[i - 1]->to, usage);
		pr_warn("\n-> #%u (%s){%s}:\n", i, path[i - 1]->to->name, usage);
		lock_trace_print(&path[i - 1]->trace);
	}
	lock_class_usage_str(next->class, usage);
	pr_warn("\n-> #0 (%s){%s}:\n", next->class->name, usage);
	pr_warn("       %pS\n", (void *)ip);
	pr_warn("       (by %s/%d, now: see the backtrace below)\n", current->comm, current->pid);
	pr_warn("\nother info that might help us debug this:\n\n");
	pr_warn(" Possible unsafe locking scenario:\n\n");
	pr_warn("       CPU0                    CPU1\n");
	pr_warn("       ----                    ----\n");
	pr_warn("  lock(%s);\n", target->name);
	pr_warn("                               lock(%s);\n", parent);
	pr_warn("                               lock(%s);\n", target->name);
	pr_warn("  lock(%s);\n", next->class->name);
	pr_warn("\n *** DEADLOCK ***\n");
	lockdep_print_report_end();
	report_end();
}

/**
 * report_recursive() - Report taking a lock of a class the task already holds.
 * @held: the held lock of that class
 * @next: the lock being acquired
 * @ip:   where @next is being acquired
 *
 * Context: inside the validator, interrupts off; never sleeps.
 */
void report_recursive(const struct held_lock *held, struct lockdep_map *next,
		      unsigned long ip)
{
	lockdep_recursive_reports++;
	report_begin();
	print_banner("WARNING: possible recursive locking detected");
	print_trying(next, ip, held);
	pr_warn("\nother info that might help us debug this:\n");
	pr_warn(" Possible unsafe locking scenario:\n\n");
	pr_warn("       CPU0\n");
	pr_warn("       ----\n");
	pr_warn("  lock(%s);\n", next->class->name);
	pr_warn("  lock(%s);\n", next->class->name);
	pr_warn("\n *** DEADLOCK ***\n\n");
	pr_warn(" May be due to missing lock nesting notation\n");
	lockdep_print_report_end();
	report_end();
}
