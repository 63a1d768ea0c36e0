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
#include <linux/sched/signal.h>
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

	/* A zombie still counts, as in Linux: a pipeline's first command may have
	 * ended before the shell puts the second in its group. */
	g->found |= (p->mm || p->exit_state == EXIT_ZOMBIE) && p->pgid == g->pgid &&
		    (!g->sid || p->sid == g->sid);
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

struct orphan_scan {
	pid_t pgid;
	const struct task_struct *leaving; /* an exiting parent: it anchors nothing */
	bool anchored, stopped;
};

/* POSIX: a group is anchored while a member has a parent in another group
 * of the same session (a shell that can continue it). */
static void scan_group(struct task_struct *p, void *arg)
{
	struct orphan_scan *s = arg;
	const struct task_struct *parent = p->parent;

	if (p->pgid != s->pgid || !p->mm || p->exit_state)
		return;
	s->stopped |= READ_ONCE(p->state) == TASK_STOPPED;
	s->anchored |= parent && parent != s->leaving && parent->mm && parent->pgid != p->pgid &&
		       parent->sid == p->sid;
}

/**
 * is_orphaned_pgrp() - Whether no process outside a group but in its session is a member's parent.
 * @pgid: the process group
 *
 * Nobody could continue such a group once stopped: the terminal's stop
 * signals are not for it (a background read gets -EIO instead of SIGTTIN).
 *
 * Context: process context; does not sleep.
 * Return: true if orphaned.
 */
bool is_orphaned_pgrp(pid_t pgid)
{
	struct orphan_scan s = { .pgid = pgid };

	for_each_task(scan_group, &s);
	return !s.anchored;
}

/* The distinct process groups of tsk's children, but tsk's own. */
static unsigned int children_groups(struct task_struct *tsk, pid_t *pgids, unsigned int max)
{
	struct task_struct *child;
	unsigned long flags;
	unsigned int n = 0, i;

	spin_lock_irqsave(&tasklist_lock, flags);
	list_for_each_entry(child, &tsk->children, sibling) {
		for (i = 0; i < n && pgids[i] != child->pgid; i++)
			;
		if (i == n && n < max && child->pgid != tsk->pgid)
			pgids[n++] = child->pgid;
	}
	spin_unlock_irqrestore(&tasklist_lock, flags);
	return n;
}

/**
 * kill_orphaned_pgrps() - Hang up the stopped groups an exiting process leaves orphaned.
 * @tsk: the exiting process, its children still its own
 *
 * POSIX's rule, as in Linux: a process group that the exit orphans and that
 * has a stopped member gets SIGHUP, then SIGCONT, so a job stopped with ^Z is
 * not left stopped for ever when its shell goes.
 *
 * Context: process context (do_exit); does not sleep.
 */
void kill_orphaned_pgrps(struct task_struct *tsk)
{
	pid_t pgids[8];
	unsigned int n = children_groups(tsk, pgids, ARRAY_SIZE(pgids));

	for (unsigned int i = 0; i < n; i++) {
		struct orphan_scan s = { .pgid = pgids[i], .leaving = tsk };

		for_each_task(scan_group, &s);
		if (!s.anchored && s.stopped) {
			kill_pgrp(pgids[i], SIGHUP, 1);
			kill_pgrp(pgids[i], SIGCONT, 1);
		}
	}
}
