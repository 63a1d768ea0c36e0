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

struct task_struct *create_task(const char *name)
{
	struct task_struct *p = alloc_task(name);

	if (p)
		list_task(p, true);
	return p;
}

/* A secondary CPU's idle task: pid 0 like init_task, "swapper/N". It is that
 * CPU's first flow (arch/x86/smpboot.c starts the CPU on its stack). */
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

void put_task_struct(struct task_struct *p)
{
	if (atomic_dec_and_test(&p->usage))
		free_task(p);
}

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

void link_child(struct task_struct *p)
{
	unsigned long flags;

	spin_lock_irqsave(&tasklist_lock, flags);
	p->parent = current;
	list_add_tail(&p->sibling, &current->children);
	spin_unlock_irqrestore(&tasklist_lock, flags);
}

unsigned int nr_threads(void)
{
	return READ_ONCE(task_count);
}

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

/* Tasks on their way out, still counted by nr_threads: exiting, zombies, and
 * the reaped dead whose CPU has not yet switched away from them for the last
 * time (finish_task_switch frees them then). */
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

/* A ps-like listing: state R running or runnable, S interruptible sleep,
 * D uninterruptible sleep, X dead; stack = deepest use of the kernel stack. */
int show_tasks(struct seq_file *m)
{
	seq_printf(m, "  PID S CPU PRIO  STACK/SIZE    VOLSW  INVOLSW COMMAND\n");
	show_task(&init_task, m);
	for_each_task(show_task, m);
	return 0;
}
