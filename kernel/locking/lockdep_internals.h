/* What the files of the lock validator share (kernel/locking/lockdep*.c, lockcheck.c). */
#ifndef _KERNEL_LOCKING_LOCKDEP_INTERNALS_H
#define _KERNEL_LOCKING_LOCKDEP_INTERNALS_H
#include <asm/spinlock.h>
#include <linux/lockdep.h>
#include <linux/sched.h>

#define TRACE_DEPTH 12
#define MAX_CLASSES 512

/* Where something happened: a backtrace and the task. */
struct lock_trace {
	unsigned long entries[TRACE_DEPTH];
	unsigned int nr;
	char comm[TASK_COMM_LEN];
	pid_t pid;
};

enum lock_usage { IN_HARDIRQ, HARDIRQ_ON, IN_SOFTIRQ, SOFTIRQ_ON, NR_USAGE };

struct lock_dep;

struct lock_class {
	const void *key;
	const char *name;
	unsigned int usage;               /* bit per enum lock_usage */
	bool usage_reported;
	bool order_reported;              /* an irq-safe -> irq-unsafe order was reported */
	struct lock_trace usage_trace[NR_USAGE]; /* where each usage was first seen */
	struct lock_dep *after;           /* the classes taken while this one was held */
	/* Breadth-first search state (graph_lock held). */
	unsigned int bfs_gen;
	struct lock_dep *bfs_parent;
};

/* An edge of the dependency graph: `to` was taken while `from` was held. */
struct lock_dep {
	struct lock_class *from, *to;
	struct lock_dep *next;   /* from's next edge */
	unsigned long from_ip;   /* where from had been taken */
	struct lock_trace trace; /* where to was taken, with from held */
};

/* Guards the classes and the graph; taken with interrupts off. */
extern arch_spinlock_t lockdep_graph_lock;

/* Saves the caller's backtrace and task (lockdep_report.c). */
void lock_trace_save(struct lock_trace *t);
/* Prints a saved backtrace, one frame a line, indented. */
void lock_trace_print(const struct lock_trace *t);
/* "{+.+.}": which usages the class has seen (lockdep_report.c). */
void lock_class_usage_str(const struct lock_class *class, char buf[5]);
/* A class with a usage, along the edges from a class or against them (lockdep_graph.c). */
struct lock_class *lockdep_find_usage(struct lock_class *from, bool backwards,
				      enum lock_usage u, bool skip_self);
/* The end of every validator report: the held locks and the backtrace. */
void lockdep_print_report_end(void);
/* lockdep.c: turning the validator off, the held locks. */
void lockdep_off(const char *why);
void purge_stale(struct task_struct *tsk);
/* lockdep_graph.c: the edge held -> next. */
void check_dependency(const struct held_lock *held, struct lockdep_map *next,
		      unsigned long ip, unsigned long bp);
/* lockdep_report.c: backtraces and reports. */
void trace_save_bp(struct lock_trace *t, unsigned long bp);
void print_banner(const char *title);
void report_circular(const struct held_lock *held, struct lockdep_map *next,
		     unsigned long ip, struct lock_dep **path, unsigned int n);
void report_recursive(const struct held_lock *held, struct lockdep_map *next,
		      unsigned long ip);
/* The IRQ-safety check of one acquisition in the current context (lockcheck.c). */
unsigned int lockcheck_usage_now(void);
void lockcheck_check_usage(struct lock_class *class, unsigned int usage);
/* The irq-safe -> irq-unsafe check of a new edge held -> next (lockcheck.c). */
void lockcheck_check_new_dep(const struct held_lock *held, struct lockdep_map *next,
			     unsigned long ip);

#endif
