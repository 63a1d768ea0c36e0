/*
 * Making tasks: a task_struct, a pid, and an 8 KiB kernel stack from the
 * vmalloc area (so an unmapped guard page sits below it), painted so its
 * high-water mark can be read, with a canary in its lowest word.
 */
#include <asm/stacktrace.h>
#include <linux/kernel_stat.h>
#include <asm/switch_to.h>
#include <linux/export.h>
#include <linux/kallsyms.h>
#include <linux/kernel.h>
#include <linux/kthread.h>
#include <linux/module.h>
#include <linux/sched.h>
#include <linux/sched/task.h>
#include <linux/seq_file.h>
#include <linux/slab.h>
#include <linux/sprintf.h>
#include <linux/spinlock.h>
#include <linux/string.h>
#include <linux/vmalloc.h>
#include <janus/leftovers.h>
#include <janus/stack.h>

void sched_fork(struct task_struct *p);

static LIST_HEAD(task_list);
DEFINE_SPINLOCK(tasklist_lock); /* the task list and the processes' family links */
static pid_t last_pid;
static unsigned int task_count = 1; /* init_task */

/* A task_struct and its painted stack, not yet listed. */
static struct task_struct *alloc_task(const char *name)
{
	struct task_struct *p = kzalloc(sizeof(*p), GFP_KERNEL);

	if (!p)
		return NULL;
	p->stack = vmalloc(THREAD_SIZE);
	if (!p->stack) {
		kfree(p);
		return NULL;
	}
	stack_paint(p->stack, THREAD_SIZE);
	*(u32 *)p->stack = STACK_END_MAGIC;
	atomic_set(&p->usage, 1);
	p->state = TASK_UNINTERRUPTIBLE; /* until the first wake_up_process */
	strscpy(p->comm, name, sizeof(p->comm));
	p->parent = current;
	INIT_LIST_HEAD(&p->children);
	INIT_LIST_HEAD(&p->sibling);
	sched_fork(p);
	return p;
}

static void list_task(struct task_struct *p, bool new_pid)
{
	unsigned long flags;

	spin_lock_irqsave(&tasklist_lock, flags);
	if (new_pid)
		p->pid = ++last_pid;
	list_add_tail(&p->tasks, &task_list);
	task_count++;
	spin_unlock_irqrestore(&tasklist_lock, flags);
}

/**
 * create_task() - Allocate a task with a new pid and an 8 KiB vmalloc'ed kernel stack; not yet runnable.
 * @name: its command name (truncated to TASK_COMM_LEN)
 *
 * The stack has an unmapped guard page below it, a canary in its lowest
 * word, and paint to measure its high-water mark. The task sleeps
 * (TASK_UNINTERRUPTIBLE) until its first wake_up_process(); the caller
 * sets up its first frame (copy_thread()).
 *
 * Context: process context; may sleep (GFP_KERNEL, vmalloc()).
 * Return: the task, listed and holding one reference, or NULL without memory.
 */
struct task_struct *create_task(const char *name)
{
	struct task_struct *p = alloc_task(name);

	if (p)
		list_task(p, true);
	return p;
}

/**
 * fork_idle() - Make the idle task "swapper/@cpu" of a secondary CPU (pid 0).
 * @cpu: the CPU it belongs to and is pinned to
 *
 * Its stack is the CPU's first stack when it starts (arch/x86/smpboot.c).
 *
 * Context: boot, process context on the boot CPU; may sleep (allocates).
 * Return: the task, or NULL without memory.
 */
struct task_struct *fork_idle(int cpu)
{
	char name[TASK_COMM_LEN];
	struct task_struct *p;

	snprintf(name, sizeof(name), "swapper/%d", cpu);
	p = alloc_task(name);
	if (!p)
		return NULL;
	p->state = TASK_RUNNING;
	p->cpus_allowed = CPU_BIT(cpu);
	p->sched_new = false;
	list_task(p, false);
	return p;
}

/*
 * The last few freed kthreads, remembered by address, with their memory held
 * back from reuse (and poisoned) until KTHREAD_QUARANTINE more have gone: a
 * kthread_stop() of a kthread that already exited and was freed (a stale
 * pointer) then finds it here and can name it, instead of reading freed
 * memory or stopping a new task that happens to live at the same address.
 */
#define KTHREAD_QUARANTINE 8
struct dead_kthread {
	struct task_struct *task; /* poisoned memory, not yet freed */
	void *kthread;            /* its struct kthread, freed with it */
	struct task_obituary obit;
};
static struct dead_kthread quarantine[KTHREAD_QUARANTINE];
static unsigned int quarantine_next;

static void free_task_memory(struct task_struct *p, void *kthread)
{
	kfree(kthread);
	kfree(p);
}

/* Under tasklist_lock: p's memory waits in the quarantine; the oldest there is
 * returned for freeing. */
static struct dead_kthread quarantine_task(struct task_struct *p)
{
	struct dead_kthread *slot = &quarantine[quarantine_next];
	struct dead_kthread oldest = *slot;

	quarantine_next = (quarantine_next + 1) % KTHREAD_QUARANTINE;
	slot->task = p;
	slot->kthread = p->kthread;
	slot->obit.pid = p->pid;
	slot->obit.exit_code = p->exit_code;
	strscpy(slot->obit.comm, p->comm, sizeof(slot->obit.comm));
	memset(p, POISON_FREE, sizeof(*p));
	return oldest;
}

/* Tasks off the task list whose memory is not yet freed: nr_exiting_tasks()
 * still counts them, so that a leak check waiting for it to reach 0 does not
 * count in the middle of free_task() (on another CPU, that can be long). */
static unsigned int tasks_being_freed;

static void free_task(struct task_struct *p)
{
	struct dead_kthread evicted = { .task = p, .kthread = p->kthread };
	void *stack = p->stack, *sighand = p->sighand;
	unsigned long flags;

	spin_lock_irqsave(&tasklist_lock, flags);
	list_del(&p->tasks);
	task_count--;
	__atomic_add_fetch(&tasks_being_freed, 1, __ATOMIC_SEQ_CST);
	if (p->flags & PF_KTHREAD)
		evicted = quarantine_task(p);
	spin_unlock_irqrestore(&tasklist_lock, flags);
	vfree(stack);
	kfree(sighand); /* kept to the end: a signal sender may still look at it */
	if (evicted.task)
		free_task_memory(evicted.task, evicted.kthread);
	__atomic_sub_fetch(&tasks_being_freed, 1, __ATOMIC_SEQ_CST);
}

/**
 * task_quarantine_drain() - Free every kthread held in the quarantine now.
 *
 * For leak checks that compare free-page counts: which objects sit in the
 * quarantine at each count would otherwise decide how many slab pages are in use.
 *
 * Context: process context (it frees memory); takes tasklist_lock.
 */
void task_quarantine_drain(void)
{
	struct dead_kthread drained[KTHREAD_QUARANTINE];
	unsigned long flags;

	spin_lock_irqsave(&tasklist_lock, flags);
	memcpy(drained, quarantine, sizeof(drained));
	memset(quarantine, 0, sizeof(quarantine));
	spin_unlock_irqrestore(&tasklist_lock, flags);
	for (unsigned int i = 0; i < KTHREAD_QUARANTINE; i++)
		if (drained[i].task)
			free_task_memory(drained[i].task, drained[i].kthread);
}

/**
 * put_task_struct() - Drop a reference to a task; the last one frees it.
 * @p: the task
 *
 * Every task holds one reference to itself, dropped by the CPU that switches
 * away from it for the last time after it exited; a zombie holds one more for
 * its parent. Whoever keeps a task pointer across the task's exit must hold a
 * reference of their own (get_task_struct()).
 *
 * Context: any context; does not sleep.
 */
void put_task_struct(struct task_struct *p)
{
	if (atomic_dec_and_test(&p->usage))
		free_task(p);
}
EXPORT_SYMBOL_GPL(put_task_struct);

static bool task_listed(const struct task_struct *p)
{
	const struct task_struct *t;

	list_for_each_entry(t, &task_list, tasks)
		if (t == p)
			return true;
	return false;
}

/* Under tasklist_lock: what the quarantine remembers of p, if anything. */
static bool find_obituary(const struct task_struct *p, struct task_obituary *obit)
{
	for (unsigned int i = 0; i < KTHREAD_QUARANTINE; i++) {
		if (quarantine[i].task == p) {
			*obit = quarantine[i].obit;
			return true;
		}
	}
	return false;
}

/**
 * try_get_task_struct() - Take a reference to a task, if it still exists.
 * @p: a pointer that was a task once (a stale one is allowed: it is never read
 *     unless it is still a task)
 * @obit: if @p no longer exists: what is known of it (pid -1 if nothing)
 *
 * A task freed a moment ago, one whose last reference is being dropped right
 * now, and an address that never was a task all count as gone.
 *
 * Context: any context; takes tasklist_lock.
 * Return: true with a reference taken (drop it with put_task_struct()), false
 * if @p is gone.
 */
bool try_get_task_struct(struct task_struct *p, struct task_obituary *obit)
{
	unsigned long flags;
	bool alive = false;

	spin_lock_irqsave(&tasklist_lock, flags);
	if (p == &init_task || task_listed(p)) {
		/* usage 0: the last put is under way; free_task waits for our lock. */
		alive = atomic_inc_not_zero(&p->usage);
		if (!alive) {
			*obit = (struct task_obituary){ .pid = p->pid, .exit_code = p->exit_code };
			strscpy(obit->comm, p->comm, sizeof(obit->comm));
		}
	} else if (!find_obituary(p, obit)) {
		*obit = (struct task_obituary){ .pid = -1 };
	}
	spin_unlock_irqrestore(&tasklist_lock, flags);
	return alive;
}

/* The task with @pid, referenced: a live one, or also a zombie. */
static struct task_struct *find_get_pid(pid_t pid, bool zombies)
{
	struct task_struct *p, *found = NULL;
	unsigned long flags;

	if (pid <= 0)
		return NULL; /* pid 0 is every CPU's idle task: nobody to signal */
	spin_lock_irqsave(&tasklist_lock, flags);
	list_for_each_entry(p, &task_list, tasks) {
		if (p->pid == pid && (p->exit_state == EXIT_ZOMBIE ? zombies :
				      !(p->state & TASK_DEAD) && !p->exit_state)) {
			found = p;
			get_task_struct(found);
			break;
		}
	}
	spin_unlock_irqrestore(&tasklist_lock, flags);
	return found;
}

/**
 * find_get_task_by_pid() - Find a live task by pid and take a reference to it.
 * @pid: the pid; 0 (the idle tasks) and negative pids find nothing
 *
 * Context: any context; does not sleep.
 * Return: the task (release it with put_task_struct()), or NULL if there is
 * no live task with @pid.
 */
struct task_struct *find_get_task_by_pid(pid_t pid)
{
	return find_get_pid(pid, false);
}

/**
 * find_get_process_by_pid() - Find a task by pid, a zombie included, as kill() sees it.
 * @pid: the pid; 0 and negative pids find nothing
 *
 * A process exists until its parent reaps it (Linux's kill(zombie, 0) is 0).
 *
 * Context: any context; does not sleep.
 * Return: the task, referenced (put_task_struct()), or NULL.
 */
struct task_struct *find_get_process_by_pid(pid_t pid)
{
	return find_get_pid(pid, true);
}

/**
 * link_child() - Make @p a child of the current task, so it can be waited for.
 * @p: the new task
 *
 * Context: process context; does not sleep.
 */
void link_child(struct task_struct *p)
{
	unsigned long flags;

	spin_lock_irqsave(&tasklist_lock, flags);
	p->parent = current;
	list_add_tail(&p->sibling, &current->children);
	spin_unlock_irqrestore(&tasklist_lock, flags);
}

/**
 * nr_threads() - How many tasks exist, idle tasks and those on their way out included.
 *
 * Context: any context; does not sleep.
 * Return: the count.
 */
unsigned int nr_threads(void)
{
	return READ_ONCE(task_count);
}

/**
 * for_each_task() - Call @fn on every listed task, with the task list locked.
 * @fn:  called with each task and @arg, interrupts off; must not sleep
 * @arg: passed to @fn
 *
 * init_task (pid 0 of the boot CPU) is not on the list.
 *
 * Context: any context; does not sleep.
 */
void for_each_task(void (*fn)(struct task_struct *p, void *arg), void *arg)
{
	struct task_struct *p;
	unsigned long flags;

	spin_lock_irqsave(&tasklist_lock, flags);
	list_for_each_entry(p, &task_list, tasks)
		fn(p, arg);
	spin_unlock_irqrestore(&tasklist_lock, flags);
}

static void count_exiting(struct task_struct *p, void *n)
{
	*(unsigned int *)n += !!(p->flags & PF_EXITING);
}

/**
 * nr_exiting_tasks() - How many tasks are on their way out but still counted by nr_threads().
 *
 * Exiting tasks, zombies, the reaped dead whose CPU has not yet switched
 * away from them for the last time, and those whose memory is being freed.
 *
 * Context: any context; does not sleep.
 * Return: the count.
 */
unsigned int nr_exiting_tasks(void)
{
	unsigned int n = 0;

	for_each_task(count_exiting, &n);
	return n + __atomic_load_n(&tasks_being_freed, __ATOMIC_SEQ_CST);
}

static char state_letter(const struct task_struct *p)
{
	if (p->state == TASK_RUNNING)
		return 'R';
	if (p->state & TASK_INTERRUPTIBLE)
		return 'S';
	if (p->state & TASK_UNINTERRUPTIBLE)
		return 'D';
	if (p->state & TASK_STOPPED)
		return 'T';
	return 'X';
}

/* The ways to go to sleep: a wait channel is the first caller outside them. */
static bool sleeping_primitive(const char *name)
{
	static const char *const prefixes[] = { "__schedule", "schedule", "preempt_schedule",
						"wait_for_", "mutex_lock", "down", "msleep" };

	for (unsigned int i = 0; i < ARRAY_SIZE(prefixes); i++)
		if (!strncmp(name, prefixes[i], strlen(prefixes[i])))
			return true;
	return false;
}

/* Where a sleeping task sleeps, as Linux's /proc/PID/wchan says it: the
 * function that called into the scheduler ("n_tty_read", "pipe_read",
 * "sys_nanosleep"); "-" for a task that runs or waits to run. */
static const char *wchan(struct task_struct *p)
{
	unsigned long trace[16];
	unsigned int n;

	if (p->state == TASK_RUNNING || p == current)
		return "-";
	n = stack_trace_save_tsk(p, trace, ARRAY_SIZE(trace));
	for (unsigned int i = 0; i < n; i++) {
		const char *name = kallsyms_lookup(trace[i] - 1, NULL, NULL);

		if (name && !sleeping_primitive(name))
			return name;
	}
	return "?";
}

static void show_task(struct task_struct *p, void *m)
{
	/* The lowest word is the canary, not paint. */
	size_t used = stack_used((u32 *)p->stack + 1, THREAD_SIZE - sizeof(u32)) + sizeof(u32);

	seq_printf(m, "%5d %c %3d %4d %5u/%u %8lu %8lu %7llu %7llu %-15s %s\n", p->pid,
		   state_letter(p), p->cpu, p->prio, used, THREAD_SIZE, p->nvcsw, p->nivcsw,
		   nsec_to_clock_t(p->utime), nsec_to_clock_t(p->stime), p->comm, wchan(p));
}

/**
 * show_tasks() - Write a ps-like listing of the tasks (/proc/tasks).
 * @m: the seq_file to write to
 *
 * State R running or runnable, S interruptible sleep, D uninterruptible
 * sleep, X dead; STACK is the deepest use of the kernel stack; UTIME and
 * STIME are the time in user and kernel mode, in USER_HZ ticks (1/100 s);
 * WCHAN, for a sleeping task, the function that went to sleep (Linux's wchan).
 *
 * Context: process context; does not sleep.
 * Return: 0.
 */
int show_tasks(struct seq_file *m)
{
	seq_printf(m, "  PID S CPU PRIO  STACK/SIZE    VOLSW  INVOLSW   UTIME   STIME COMMAND         WCHAN\n");
	show_task(&init_task, m);
	for_each_task(show_task, m);
	return 0;
}

struct task_leftovers {
	struct module *mod;
	unsigned int found;
};

/* A switched-out task whose stack holds a return address into the module:
 * it sleeps (or waits to run) inside the module's code, on its wait queue. */
static void check_task(struct task_struct *p, void *arg)
{
	struct task_leftovers *l = arg;
	unsigned long trace[32];
	unsigned int n;

	if (p == current || p->state == TASK_DEAD || per_cpu(current_task, p->cpu) == p ||
	    kthread_owned_by(p, l->mod)) /* reported as a kthread */
		return;
	n = stack_trace_save_tsk(p, trace, ARRAY_SIZE(trace));
	for (unsigned int i = 0; i < n; i++) {
		if (within_module(trace[i], l->mod)) {
			module_leftover(l->mod, NULL, "task %d (%s) still %s in %pB", p->pid, p->comm,
					p->state == TASK_RUNNING ? "stopped" : "sleeping",
					(void *)trace[i]);
			l->found++;
			return;
		}
	}
}

/* What a module left in the tasks: any task asleep inside its code, for
 * instance in its read() on its wait queue (include/janus/leftovers.h). */
static unsigned int task_leftovers(struct module *mod)
{
	struct task_leftovers l = { mod, 0 };

	for_each_task(check_task, &l);
	return l.found;
}
MODULE_LEFTOVER_CHECK(task, task_leftovers);
