/*
 * Tasks, `current` and the scheduler's API. Every CPU always runs some task;
 * `current` is this CPU's, read through the per-CPU segment (never a global).
 * In interrupt context it is whichever task was interrupted
 * (docs/process-context.md, docs/scheduler.md).
 */
#ifndef _LINUX_SCHED_H
#define _LINUX_SCHED_H
#include <asm/atomic.h>
#include <linux/cpumask.h>
#include <linux/list.h>
#include <linux/lockdep.h>
#include <linux/percpu.h>
#include <linux/preempt.h>
#include <linux/types.h>

#define THREAD_SIZE 8192 /* each task's kernel stack */
#define TASK_COMM_LEN 16
#define STACK_END_MAGIC 0x57ac6e9du /* the canary at the bottom of every task stack */

/* task->state */
#define TASK_RUNNING 0x0000
#define TASK_INTERRUPTIBLE 0x0001   /* asleep; a signal wakes it too */
#define TASK_UNINTERRUPTIBLE 0x0002 /* asleep; only the awaited event wakes it */
#define TASK_STOPPED 0x0004         /* stopped by SIGSTOP, ^Z...; SIGCONT or SIGKILL wakes it */
#define TASK_DEAD 0x0080            /* exited; reaped at the next switch */
#define TASK_NEW 0x0800             /* created, never woken yet */
#define TASK_NORMAL (TASK_INTERRUPTIBLE | TASK_UNINTERRUPTIBLE)

/* task->flags */
#define PF_IDLE 0x00000002
#define PF_EXITING 0x00000004
#define PF_KTHREAD 0x00200000

/* Priorities: 0 is the highest, MAX_PRIO - 1 the lowest; kthreads start at DEFAULT_PRIO. */
#define MAX_PRIO 40
#define DEFAULT_PRIO 20

#define MAX_SCHEDULE_TIMEOUT ((long)(~0UL >> 1))

struct completion;
struct files_struct;
struct kthread;
struct mm_struct;
struct sighand_struct;
struct tty_struct;
struct prio_array;

struct task_struct {
	volatile long state;
	unsigned int flags;
	bool need_resched;      /* set by the tick and by wake-ups; honoured soon */
	bool in_preempt_irq;    /* inside preempt_schedule_irq: no second one on this stack */
	void *stack;            /* lowest address of the THREAD_SIZE kernel stack */
	unsigned long sp;       /* saved stack pointer while switched out */
	atomic_t usage;         /* references; the task is freed at 0 */

	/* Scheduling (kernel/sched/core.c). */
	int prio;
	int cpu;
	bool on_rq;
	unsigned int time_slice; /* ticks left */
	struct list_head run_list;
	struct prio_array *array; /* which of the runqueue's two arrays holds it */
	cpu_bits_t cpus_allowed; /* bit per CPU */
	bool sched_new;          /* never woken yet: the first wake-up picks its CPU */
	int migrate_to;          /* CPU + 1 to move to at the next switch, else 0 */
	unsigned long nvcsw, nivcsw; /* voluntary and involuntary switches */
	u64 utime, stime;        /* ns in user and kernel mode, tick-sampled (kernel/sched/cputime.c) */
	/* The switch count and when it was last seen to change (kernel/hung_task.c);
	 * for a runnable task, its CPU then and that CPU's tick count. */
	unsigned long last_switch_count, last_switch_time;
	unsigned long last_switch_ticks;
	int last_switch_cpu;

	pid_t pid;
	char comm[TASK_COMM_LEN];
	struct list_head tasks;   /* every task (kernel/fork.c) */
	struct task_struct *parent;
	int exit_code;

	/* Locks held right now (kernel/locking/lockdep.c): for reports, and
	 * the checks at exit and on the way back to user mode. */
	struct held_lock held_locks[MAX_HELD_LOCKS];
	unsigned int lock_depth;

	struct kthread *kthread;  /* kthreads only (kernel/kthread.c) */
	unsigned long pending;    /* pending signals, bit per signal (kernel/signal.c) */

	/* User processes (kernel/exec.c, kernel/exit.c); NULL for kernel threads. */
	struct mm_struct *mm;              /* user address space */
	struct files_struct *files;        /* open files (kernel/fs/file.c) */
	struct sighand_struct *sighand;    /* signal handlers (kernel/signal.c) */
	struct list_head children, sibling; /* processes it spawned; its place among its parent's */
	int exit_state;                    /* EXIT_ZOMBIE from its exit until reaped, then EXIT_DEAD */
	pid_t pgid, sid;                   /* its process group and session (kernel/sys.c) */
	struct tty_struct *tty;            /* its controlling terminal, or NULL (drivers/tty/) */
	bool did_exec;                     /* ran execve since fork: its parent may not setpgid it */
	int stop_signal;                   /* the signal that stopped it, until waitpid reports it */
	struct restart_block {             /* how restart_syscall goes on with an interrupted call */
		long (*fn)(struct restart_block *rb);
		unsigned long expires;     /* nanosleep: the jiffies it sleeps until */
		void __user *rmtp;         /* nanosleep: where the time left goes */
	} restart_block;
	unsigned int continued, continued_seen; /* SIGCONTs sent; and counted at the last dequeue */
};

#define EXIT_ZOMBIE 1
/* Reaped: no pid lookup finds it, though it may still be switching out for the last time. */
#define EXIT_DEAD 2

DECLARE_PER_CPU(struct task_struct *, current_task);

/**
 * get_current() - The task running on this CPU (what `current` reads).
 *
 * In a hardirq or softirq handler this is just the task that was
 * interrupted: it is not the handler's, and it must not be put to sleep.
 *
 * Context: any context; does not sleep.
 * Return: this CPU's current task.
 */
static __always_inline struct task_struct *get_current(void)
{
	return this_cpu_read(current_task);
}
#define current get_current()

/* CPU 0's first task: the boot flow itself, on the boot stack; later CPU 0's idle task. */
extern struct task_struct init_task;

/* Set the state before testing the condition you will sleep on, so that a
 * wake-up between the test and schedule() turns the state back to running. */
#define __set_current_state(s) (current->state = (s))
#define set_current_state(s) __atomic_store_n(&current->state, (s), __ATOMIC_SEQ_CST)

/* Process context: gives the CPU to the next task; sleeps if current's state is not running. */
void schedule(void);
/* Sleeps at most timeout jiffies (state set by the caller); returns the jiffies left. */
long schedule_timeout(long timeout);
long schedule_timeout_interruptible(long timeout);
long schedule_timeout_uninterruptible(long timeout);
/* Lets another runnable task of the same priority run first. */
void yield(void);
/* Is current the only runnable task on this CPU? */
bool single_task_running(void);
/* A preemption point for long loops in process context. */
int _cond_resched(void);
#define cond_resched() _cond_resched()

/* Is p running on a CPU right now? And what is CPU cpu running? (any context; a snapshot) */
bool task_curr(const struct task_struct *p);
struct task_struct *cpu_curr_snapshot(int cpu);

/* Any context: makes p runnable if it sleeps in one of the states in `state`. */
int wake_up_state(struct task_struct *p, unsigned int state);
int wake_up_process(struct task_struct *p);

/**
 * set_tsk_need_resched() - Ask @p to give up its CPU at the next chance.
 * @p: the task
 *
 * Context: any context, with @p's runqueue lock held; does not sleep.
 */
static inline void set_tsk_need_resched(struct task_struct *p) { WRITE_ONCE(p->need_resched, true); }
/**
 * need_resched() - Whether the current task has been asked to give up the CPU.
 *
 * Context: any context; does not sleep.
 * Return: true if need_resched is set (a tick ended its slice, or a more
 * important task woke).
 */
static inline bool need_resched(void) { return READ_ONCE(current->need_resched); }

void set_user_nice(struct task_struct *p, long nice);
void sched_set_prio(struct task_struct *p, int prio);
int task_nice(const struct task_struct *p);
/* SMP: where p may run (a bit per CPU). p moves at once if it sleeps or
 * waits in a runqueue, and at its next switch if it is running: right away
 * if p is current. -EINVAL if no CPU of mask is online. */
int set_cpus_allowed(struct task_struct *p, cpu_bits_t mask);

/* A secondary CPU's idle task, pid 0 (kernel/fork.c). */
struct task_struct *fork_idle(int cpu);
/* The idle loop of this CPU; never returns. */
__noreturn void cpu_idle(void);
void sched_init(void);
/* A CPU's runqueue, with idle (already running there) as its idle task. */
void sched_init_cpu(int cpu, struct task_struct *idle);
/* The tick's share: time slices, need_resched (hardirq context). */
void scheduler_tick(void);
/* Called with interrupts off on the way back from an interrupt or exception. */
void preempt_schedule_irq(void);

/* References and lifetime (kernel/fork.c, kernel/exit.c). */

/**
 * get_task_struct() - Take a reference to @p, so it is not freed while used.
 * @p: the task
 *
 * Context: any context; does not sleep. Pair with put_task_struct().
 */
static inline void get_task_struct(struct task_struct *p) { atomic_inc(&p->usage); }
void put_task_struct(struct task_struct *p);
__noreturn void do_exit(long code);
/* Kills current after an oops in process context (arch/x86/traps.c). */
__noreturn void make_task_dead(int signr);

/* The number of tasks, those of them on their way out, and the ps-like
 * listing (kernel/fork.c). */
unsigned int nr_threads(void);
unsigned int nr_exiting_tasks(void);
/* Calls fn(p, arg) for every task, under tasklist_lock (interrupts off): fn must not sleep. */
void for_each_task(void (*fn)(struct task_struct *p, void *arg), void *arg);
struct seq_file;
int show_tasks(struct seq_file *m);
/**
 * task_stack_end_corrupted() - Whether the canary at the bottom of @p's stack is overwritten.
 * @p: the task
 *
 * Context: any context; does not sleep.
 * Return: true if the stack has overflowed into its last word.
 */
static inline bool task_stack_end_corrupted(const struct task_struct *p)
{
	return *(const u32 *)p->stack != STACK_END_MAGIC;
}

#endif
