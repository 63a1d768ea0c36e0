/*
 * Process groups and sessions, Linux's rules. A shell puts each job (the
 * processes of one pipeline) in a process group of its own, and makes it
 * the terminal's foreground group while it waits for it (TIOCSPGRP,
 * drivers/tty/tty_jobctrl.c): ^C then reaches the job, never the shell. A
 * session is what a login (here: a shell on a terminal) owns, with at most
 * one controlling terminal. A process created by a kernel thread starts as
 * the leader of a session and a group of its own (init is session 1); fork
 * inherits both.
 */
#include <linux/errno.h>
#include <linux/sched.h>
#include <linux/sched/task.h>
#include <linux/syscalls.h>
#include <linux/tty.h>

/**
 * init_process_ids() - Give a new process its process group and session.
 * @p:      the new process
 * @parent: who made it: a process (p inherits its group, session and
 *          controlling terminal) or a kernel thread (p leads its own)
 *
 * Context: process context, before p runs.
 */
void init_process_ids(struct task_struct *p, struct task_struct *parent)
{
	if (parent->mm) {
		p->pgid = parent->pgid;
		p->sid = parent->sid;
		p->tty = parent->tty;
	} else {
		p->pgid = p->sid = p->pid;
		p->tty = NULL;
	}
}

struct group_scan {
	pid_t pgid, sid;
	bool found;
};

static void find_group(struct task_struct *p, void *arg)
{
	struct group_scan *g = arg;

	g->found |= p->mm && !p->exit_state && p->pgid == g->pgid && (!g->sid || p->sid == g->sid);
}

/* Whether a process group pgid exists (in session sid, unless 0). */
static bool group_exists(pid_t pgid, pid_t sid)
{
	struct group_scan g = { .pgid = pgid, .sid = sid };

	for_each_task(find_group, &g);
	return g.found;
}

/* current, or a child of current with that pid; under tasklist_lock. */
static struct task_struct *self_or_child(pid_t pid)
{
	struct task_struct *child;

	if (!pid || pid == current->pid)
		return current;
	list_for_each_entry(child, &current->children, sibling)
		if (child->pid == pid && !child->exit_state)
			return child;
	return NULL;
}

/**
 * sys_setpgid() - The setpgid(2) system call: move a process into a process group.
 * @pid:  0 for the caller, or one of its children
 * @pgid: the group; 0 for a new group led by @pid
 *
 * The group must be new or exist in the same session; a session leader
 * cannot move, nor a child that has already run execve.
 *
 * Context: process context (a system call).
 * Return: 0; -EINVAL, -ESRCH (no such child), -EPERM, -EACCES (it ran execve).
 */
long sys_setpgid(pid_t pid, pid_t pgid)
{
	struct task_struct *p;
	unsigned long flags;
	long ret = 0;

	if (pid < 0 || pgid < 0)
		return -EINVAL;
	spin_lock_irqsave(&tasklist_lock, flags);
	p = self_or_child(pid);
	if (!pgid && p)
		pgid = p->pid;
	if (!p)
		ret = -ESRCH;
	else if (p != current && p->sid != current->sid)
		ret = -EPERM;
	else if (p != current && p->did_exec)
		ret = -EACCES;
	else if (p->sid == p->pid)
		ret = -EPERM;
	spin_unlock_irqrestore(&tasklist_lock, flags);
	if (ret)
		return ret;
	/* The group must be p's own new one, or exist in its session. */
	if (pgid != p->pid && !group_exists(pgid, p->sid))
		return -EPERM;
	WRITE_ONCE(p->pgid, pgid);
	return 0;
}

static long id_of(pid_t pid, bool session)
{
	struct task_struct *p;
	long id;

	if (!pid)
		return session ? current->sid : current->pgid;
	p = find_get_task_by_pid(pid);
	if (!p)
		return -ESRCH;
	id = !p->mm ? -ESRCH : session ? p->sid : p->pgid;
	put_task_struct(p);
	return id;
}

/**
 * sys_getpgid() - The getpgid(2) system call.
 * @pid: a process, 0 for the caller
 *
 * Context: process context (a system call).
 * Return: its process group, or -ESRCH.
 */
long sys_getpgid(pid_t pid)
{
	return id_of(pid, false);
}

/**
 * sys_getpgrp() - The getpgrp(2) system call: the caller's process group.
 *
 * Context: process context (a system call).
 * Return: the group id.
 */
long sys_getpgrp(void)
{
	return current->pgid;
}

/**
 * sys_getsid() - The getsid(2) system call.
 * @pid: a process, 0 for the caller
 *
 * Context: process context (a system call).
 * Return: its session (the pid of the session leader), or -ESRCH.
 */
long sys_getsid(pid_t pid)
{
	return id_of(pid, true);
}

/**
 * sys_setsid() - The setsid(2) system call: a new session led by the caller.
 *
 * The caller also leads a new process group and has no controlling
 * terminal until it opens one.
 *
 * Context: process context (a system call).
 * Return: the new session id, or -EPERM for a process group leader.
 */
long sys_setsid(void)
{
	struct task_struct *p = current;

	if (p->pgid == p->pid || group_exists(p->pid, 0))
		return -EPERM;
	p->sid = p->pgid = p->pid;
	p->tty = NULL;
	return p->sid;
}
