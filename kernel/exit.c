/*
 * How tasks end: do_exit marks current dead and switches away for the last
 * time; the next task frees its stack (finish_task_switch). A task whose code
 * oopsed is killed the same way, after its locks' counts are cleaned up.
 *
 * A process first gives back its address space and files. Then, if its
 * parent is there to wait for it, it stays a zombie (its task_struct, with
 * the exit status) until kernel_wait reaps it; an orphan is freed at once.
 */
#include <asm/mmu_context.h>
#include <linux/completion.h>
#include <linux/errno.h>
#include <linux/interrupt.h>
#include <linux/kernel.h>
#include <linux/kthread.h>
#include <linux/lockdep.h>
#include <linux/sched.h>
#include <linux/sched/signal.h>
#include <linux/sched/task.h>
#include <linux/syscalls.h>
#include <linux/tty.h>
#include <linux/uaccess.h>
#include <linux/wait.h>
#include <janus/nosleep.h>
#include <janus/vfs.h>
#include <uapi/linux/wait.h>

void __noreturn do_task_dead(void);

/* Parents waiting for a child: each looks at its own children when woken. */
static DECLARE_WAIT_QUEUE_HEAD(child_exit_wq);

static void exit_mm(struct task_struct *tsk)
{
	struct mm_struct *mm = tsk->mm;

	if (!mm)
		return;
	preempt_disable(); /* no switch may load it again once it is gone */
	tsk->mm = NULL;
	switch_mm(NULL);
	preempt_enable();
	mm_destroy(mm);
}

static void exit_files(struct task_struct *tsk)
{
	if (tsk->files)
		files_release(tsk->files);
	tsk->files = NULL;
}

/* Orphans its children (a zombie one is freed now) and becomes a zombie
 * itself if a parent will wait for it. */
static void exit_notify(struct task_struct *tsk)
{
	struct task_struct *child, *next;
	LIST_HEAD(reap);
	unsigned long flags;
	bool zombie = false;

	spin_lock_irqsave(&tasklist_lock, flags);
	list_for_each_entry_safe(child, next, &tsk->children, sibling) {
		child->parent = NULL;
		list_del_init(&child->sibling);
		if (child->exit_state == EXIT_ZOMBIE) {
			child->exit_state = EXIT_DEAD;
			list_add(&child->sibling, &reap);
		}
	}
	if (tsk->parent && !list_empty(&tsk->sibling)) {
		tsk->exit_state = EXIT_ZOMBIE;
		get_task_struct(tsk); /* the parent's, dropped when it reaps us */
		zombie = true;
	}
	spin_unlock_irqrestore(&tasklist_lock, flags);
	list_for_each_entry_safe(child, next, &reap, sibling)
		put_task_struct(child);
	if (zombie)
		wake_up_all(&child_exit_wq);
}

/**
 * do_exit() - End the current task with exit code @code.
 * @code: the exit code (wait status for a process, the result for a kthread)
 *
 * Gives back the address space and files, orphans the children, becomes a
 * zombie if a parent will wait for it, wakes a kthread_stop() caller, and
 * switches away for the last time. A task that leaked preempt_count or left
 * interrupts off is reported first.
 *
 * Context: process context only; never returns. From interrupt context it
 * panics ("Aiee, killing interrupt handler!"), as it does for the idle task
 * and for init.
 */
void do_exit(long code)
{
	struct task_struct *tsk = current;

	if (in_interrupt())
		panic("Aiee, killing interrupt handler!");
	if (tsk->flags & PF_IDLE)
		panic("Attempted to kill the idle task!");
	if (tsk->pid == 1)
		panic("Attempted to kill init! exitcode=0x%08lx", code);

	/* A task must end the way it started: no lock held (its waiters would
	 * wait forever: each is named and released), preemptible, interrupts
	 * on. The count is per CPU, so a leak would be inherited by whoever
	 * runs next. */
	debug_check_no_locks_held();
	if (preempt_count())
		report_preempt_leak("kthread", tsk->comm, NULL, 0, preempt_count());
	if (irqs_disabled()) {
		nosleep_stats.irqs_enabled_leaks++;
		pr_err("BUG: kthread %s/%d exited with interrupts disabled\n", tsk->comm, tsk->pid);
		local_irq_enable();
	}
	tsk->flags |= PF_EXITING;
	tsk->exit_code = code;
	exit_mm(tsk);
	exit_files(tsk);
	if (tsk->sid == tsk->pid)
		disassociate_ctty(tsk); /* a session leader frees its terminal */
	kill_orphaned_pgrps(tsk);
	exit_notify(tsk);
	kthread_exited(tsk, code);
	do_task_dead();
}

/**
 * make_task_dead() - Kill the current task after an oops in process context.
 * @signr: the signal the fault stands for (e.g. SIGSEGV), the exit code
 *
 * Says which locks or disabled interrupts it leaves behind, resets them,
 * prints "was killed by the oops", and exits: the kernel goes on.
 *
 * Context: process context, from the fault handler; never returns.
 */
void make_task_dead(int signr)
{
	struct task_struct *tsk = current;

	/* The oops may have struck with locks held or interrupts off: the locks
	 * are released (so their waiters go on), the rest cannot be undone
	 * properly, so say so and start the exit clean. */
	debug_check_no_locks_held();
	if (preempt_count())
		pr_err("note: %s[%d] exited with preempt_count %d\n", tsk->comm, tsk->pid,
		       preempt_count());
	if (irqs_disabled())
		pr_err("note: %s[%d] exited with irqs disabled\n", tsk->comm, tsk->pid);
	preempt_count_set(0);
	local_irq_enable();
	pr_err("note: %s[%d] was killed by the oops (signal %d); the kernel goes on\n", tsk->comm,
	       tsk->pid, signr);
	do_exit(signr);
}

/**
 * wake_up_parent() - Let the processes sleeping in waitpid look at their children again.
 *
 * A child stopped (do_signal_stop()): a waitpid(WUNTRACED) may report it.
 *
 * Context: any context; does not sleep.
 */
void wake_up_parent(void)
{
	wake_up_all(&child_exit_wq);
}

/* waitpid's pid: > 0 that child, -1 any, 0 any of the caller's process
 * group, < -1 any of group -pid. */
static bool child_matches(const struct task_struct *child, pid_t pid)
{
	if (pid > 0)
		return child->pid == pid;
	if (pid == 0)
		return child->pgid == current->pgid;
	return pid == -1 || child->pgid == -pid;
}

/* A child of current that matches pid: whether there is one, and the first
 * zombie among them, unlinked (the caller reaps it); or, with WUNTRACED, the
 * first that stopped and was not reported yet (its status in *stopped). */
static bool find_child(pid_t pid, int options, struct task_struct **zombie, int *stopped)
{
	struct task_struct *child;
	unsigned long flags;
	bool found = false;

	*zombie = NULL;
	spin_lock_irqsave(&tasklist_lock, flags);
	list_for_each_entry(child, &current->children, sibling) {
		if (!child_matches(child, pid))
			continue;
		found = true;
		if (child->exit_state == EXIT_ZOMBIE) {
			/* Reaped: gone for kill() and every pid lookup from now
			 * on, though on another CPU it may still be on its way
			 * out of its last schedule() (Linux's release_task()). */
			child->exit_state = EXIT_DEAD;
			list_del_init(&child->sibling);
			child->parent = NULL;
			*zombie = child;
			break;
		}
		if ((options & WUNTRACED) && READ_ONCE(child->state) == TASK_STOPPED &&
		    READ_ONCE(child->stop_signal)) {
			*stopped = child->stop_signal << 8 | 0x7f; /* Linux's "stopped" status */
			WRITE_ONCE(child->stop_signal, 0);      /* reported once */
			get_task_struct(child);
			*zombie = child;
			break;
		}
	}
	spin_unlock_irqrestore(&tasklist_lock, flags);
	return found;
}

/**
 * kernel_wait() - Wait for a child of the current task to exit, and reap it.
 * @pid:     the child's pid, -1 for any child, 0 or -PGID for any in a process group
 * @status:  where the child's exit code goes
 * @options: WNOHANG: do not wait if no child has exited yet; WUNTRACED:
 *           also report a child that stopped (not reaped: it lives on)
 *
 * Context: process context only; may sleep (interruptibly).
 * Return: the reaped (or, with WUNTRACED, stopped) child's pid; 0 with WNOHANG if none has exited;
 * -ECHILD if there is no such child; -ERESTARTSYS if a signal came.
 */
long kernel_wait(pid_t pid, int *status, int options)
{
	struct task_struct *zombie;
	int stopped = 0;
	DEFINE_WAIT(wait);
	long ret;

	for (;;) {
		prepare_to_wait(&child_exit_wq, &wait, TASK_INTERRUPTIBLE);
		if (!find_child(pid, options, &zombie, &stopped)) {
			ret = -ECHILD;
			break;
		}
		if (zombie) {
			*status = stopped ?: zombie->exit_code;
			ret = zombie->pid;
			put_task_struct(zombie);
			break;
		}
		if (options & WNOHANG) {
			ret = 0;
			break;
		}
		if (signal_pending(current)) {
			ret = -ERESTARTSYS;
			break;
		}
		schedule();
	}
	finish_wait(&child_exit_wq, &wait);
	return ret;
}

/**
 * sys_waitpid() - The waitpid(2) system call.
 * @pid:     a child's pid; -1 any child; 0 any child in the caller's
 *           process group; < -1 any child in process group -@pid
 * @ustatus: user pointer for the exit status, or NULL
 * @options: 0, WNOHANG, WUNTRACED (report stopped children too, with
 *           Linux's status: WIFSTOPPED, WSTOPSIG)
 *
 * Context: process context (a system call); may sleep.
 * Return: as kernel_wait(); -EINVAL for other @options values,
 * -EFAULT if @ustatus is not writable.
 */
long sys_waitpid(pid_t pid, int __user *ustatus, int options)
{
	int status = 0;
	long ret;

	if (options & ~(WNOHANG | WUNTRACED))
		return -EINVAL;
	ret = kernel_wait(pid, &status, options);
	if (ret > 0 && ustatus && put_user(status, ustatus))
		return -EFAULT;
	return ret;
}

/**
 * sys_exit() - The exit(2) system call: end the calling process.
 * @status: the exit status; its low 8 bits go into the wait status
 *
 * Context: process context (a system call); never returns.
 * Return: never.
 */
long sys_exit(int status)
{
	do_exit((status & 0xff) << 8);
}
