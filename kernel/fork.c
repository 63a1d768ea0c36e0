/*
 * Making tasks: a task_struct, a pid, and an 8 KiB kernel stack from the
 * vmalloc area (so an unmapped guard page sits below it), painted so its
 * high-water mark can be read, with a canary in its lowest word.
 */
#include <asm/switch_to.h>
#include <linux/kernel.h>
#include <linux/kthread.h>
#include <linux/sched.h>
#include <linux/sched/task.h>
#include <linux/seq_file.h>
#include <linux/slab.h>
#include <linux/sprintf.h>
#include <linux/spinlock.h>
#include <linux/string.h>
#include <linux/vmalloc.h>
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
	p->cpus_allowed = 1u << cpu;
	p->sched_new = false;
	list_task(p, false);
	return p;
}

static void free_task(struct task_struct *p)
{
	unsigned long flags;

	spin_lock_irqsave(&tasklist_lock, flags);
	list_del(&p->tasks);
	task_count--;
	spin_unlock_irqrestore(&tasklist_lock, flags);
	vfree(p->stack);
	kfree(p->kthread);
	kfree(p->sighand); /* kept to the end: a signal sender may still look at it */
	kfree(p);
}

/**
 * put_task_struct() - Drop a reference to a task; the last one frees it and its stack.
 * @p: the task
 *
 * Context: any context; does not sleep. A task never drops its own last
 * reference: finish_task_switch() does it for a dead task.
 */
void put_task_struct(struct task_struct *p)
{
	if (atomic_dec_and_test(&p->usage))
		free_task(p);
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
	struct task_struct *p, *found = NULL;
	unsigned long flags;

	if (pid <= 0)
		return NULL; /* pid 0 is every CPU's idle task: nobody to signal */
	spin_lock_irqsave(&tasklist_lock, flags);
	list_for_each_entry(p, &task_list, tasks) {
		if (p->pid == pid && !(p->state & TASK_DEAD) && !p->exit_state) {
			found = p;
			get_task_struct(found);
			break;
		}
	}
	spin_unlock_irqrestore(&tasklist_lock, flags);
	return found;
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
 * Exiting tasks, zombies, and the reaped dead whose CPU has not yet
 * switched away from them for the last time.
 *
 * Context: any context; does not sleep.
 * Return: the count.
 */
unsigned int nr_exiting_tasks(void)
{
	unsigned int n = 0;

	for_each_task(count_exiting, &n);
	return n;
}

static char state_letter(const struct task_struct *p)
{
	if (p->state == TASK_RUNNING)
		return 'R';
	if (p->state & TASK_INTERRUPTIBLE)
		return 'S';
	if (p->state & TASK_UNINTERRUPTIBLE)
		return 'D';
	return 'X';
}

static void show_task(struct task_struct *p, void *m)
{
	/* The lowest word is the canary, not paint. */
	size_t used = stack_used((u32 *)p->stack + 1, THREAD_SIZE - sizeof(u32)) + sizeof(u32);

	seq_printf(m, "%5d %c %3d %4d %5u/%u %8lu %8lu %s\n", p->pid, state_letter(p), p->cpu,
		   p->prio, used, THREAD_SIZE, p->nvcsw, p->nivcsw, p->comm);
}

/**
 * show_tasks() - Write a ps-like listing of the tasks (/proc/tasks).
 * @m: the seq_file to write to
 *
 * State R running or runnable, S interruptible sleep, D uninterruptible
 * sleep, X dead; STACK is the deepest use of the kernel stack.
 *
 * Context: process context; does not sleep.
 * Return: 0.
 */
int show_tasks(struct seq_file *m)
{
	seq_printf(m, "  PID S CPU PRIO  STACK/SIZE    VOLSW  INVOLSW COMMAND\n");
	show_task(&init_task, m);
	for_each_task(show_task, m);
	return 0;
}
