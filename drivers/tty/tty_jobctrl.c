/*
 * Job control on a terminal: the session it is the controlling terminal of,
 * and the foreground process group, the one that gets ^C. A session leader
 * (setsid) that opens a terminal without O_NOCTTY, while neither has a
 * partner yet, makes it its controlling terminal; a shell then moves each
 * job to the foreground with TIOCSPGRP and back. When the session leader
 * exits, the terminal is free again and its foreground group gets SIGHUP.
 * Processes get their groups and sessions in kernel/sys.c.
 */
#include <linux/errno.h>
#include <linux/fs.h>
#include <linux/kernel.h>
#include <linux/sched.h>
#include <linux/sched/signal.h>
#include <linux/sched/task.h>
#include <linux/tty.h>
#include <linux/uaccess.h>
#include <uapi/asm/ioctls.h>

/**
 * tty_check_read() - May current read from @tty now?
 * @tty: the terminal
 *
 * A member of a background process group of the terminal's session may
 * not: its group gets SIGTTIN, which stops it (the shell's `fg` lets it go
 * on, in the foreground, and the read starts again), as in Linux. If it
 * ignores SIGTTIN, or its group is orphaned (nobody could continue it), the
 * read fails instead.
 *
 * Context: process context.
 * Return: 0; -ERESTARTSYS after sending SIGTTIN; -EIO if SIGTTIN is
 * ignored or the group orphaned.
 */
int tty_check_read(struct tty_struct *tty)
{
	pid_t fg = READ_ONCE(tty->pgrp);

	if (current->tty != tty || !fg || current->pgid == fg)
		return 0;
	if (current->sighand->action[SIGTTIN].sa_handler == SIG_IGN ||
	    is_orphaned_pgrp(current->pgid))
		return -EIO;
	kill_pgrp(current->pgid, SIGTTIN, 1);
	return -ERESTARTSYS;
}

/* Makes tty current's controlling terminal if both are free; ctrl_lock held. */
static bool make_ctty(struct tty_struct *tty)
{
	struct task_struct *p = current;

	if (p->sid != p->pid || p->tty || tty->session)
		return false;
	tty->session = p->sid;
	tty->pgrp = p->pgid;
	p->tty = tty;
	return true;
}

/**
 * tty_open_set_ctty() - Opening a terminal may make it the controlling one.
 * @tty:  the terminal being opened (without O_NOCTTY)
 * @file: the new open file
 *
 * It does if current leads a session that has no controlling terminal and
 * the terminal belongs to no session: what getty and init rely on.
 *
 * Context: process context.
 */
void tty_open_set_ctty(struct tty_struct *tty, struct file *file)
{
	unsigned long flags;

	(void)file;
	if (!current->mm)
		return; /* kernel threads have no sessions */
	spin_lock_irqsave(&tty->ctrl_lock, flags);
	make_ctty(tty);
	spin_unlock_irqrestore(&tty->ctrl_lock, flags);
}

struct session_scan {
	pid_t sid, pgrp;
	struct tty_struct *tty;
	bool found;
};

static void find_pgrp_in_session(struct task_struct *p, void *arg)
{
	struct session_scan *s = arg;

	s->found |= p->mm && !p->exit_state && p->sid == s->sid && p->pgid == s->pgrp;
}

/* TIOCSPGRP: the group must be one of the caller's session. */
static long set_pgrp(struct tty_struct *tty, const pid_t __user *arg)
{
	struct session_scan s = { .sid = current->sid };
	unsigned long flags;
	pid_t pgrp;

	if (current->tty != tty || tty->session != current->sid)
		return -ENOTTY;
	if (get_user(pgrp, arg))
		return -EFAULT;
	if (pgrp < 0)
		return -EINVAL;
	s.pgrp = pgrp;
	for_each_task(find_pgrp_in_session, &s);
	if (!s.found)
		return -EPERM;
	spin_lock_irqsave(&tty->ctrl_lock, flags);
	tty->pgrp = pgrp;
	spin_unlock_irqrestore(&tty->ctrl_lock, flags);
	return 0;
}

static long get_id(struct tty_struct *tty, pid_t id, unsigned long arg)
{
	if (current->tty != tty || !id)
		return -ENOTTY;
	return put_user(id, (pid_t __user *)arg) ? -EFAULT : 0;
}

/**
 * tty_jobctrl_ioctl() - TIOCGPGRP, TIOCSPGRP, TIOCSCTTY, TIOCNOTTY, TIOCGSID.
 * @tty: the terminal
 * @cmd: the call
 * @arg: its argument
 *
 * Context: process context.
 * Return: 0; -ENOTTY if @tty is not the caller's controlling terminal (or
 * @cmd is unknown), -EPERM, -EINVAL, -EFAULT.
 */
long tty_jobctrl_ioctl(struct tty_struct *tty, unsigned int cmd, unsigned long arg)
{
	unsigned long flags;
	bool ok;

	switch (cmd) {
	case TIOCGPGRP:
		return get_id(tty, current->tty == tty ? READ_ONCE(tty->pgrp) : 0, arg);
	case TIOCGSID:
		return get_id(tty, READ_ONCE(tty->session), arg);
	case TIOCSPGRP:
		return set_pgrp(tty, (const pid_t __user *)arg);
	case TIOCSCTTY:
		if (current->tty == tty)
			return 0;
		spin_lock_irqsave(&tty->ctrl_lock, flags);
		ok = make_ctty(tty);
		spin_unlock_irqrestore(&tty->ctrl_lock, flags);
		return ok ? 0 : -EPERM;
	case TIOCNOTTY:
		if (current->tty != tty)
			return -ENOTTY;
		if (current->sid == current->pid)
			disassociate_ctty(current);
		else
			current->tty = NULL;
		return 0;
	}
	return -ENOTTY;
}

/**
 * tty_signal_pgrp() - Send @sig to the terminal's foreground process group.
 * @tty: the terminal
 * @sig: SIGINT for ^C, SIGQUIT for ^\
 *
 * Context: any context, never sleeps.
 */
void tty_signal_pgrp(struct tty_struct *tty, int sig)
{
	pid_t pgrp = READ_ONCE(tty->pgrp);

	if (pgrp)
		kill_pgrp(pgrp, sig, 1);
}

static void drop_ctty(struct task_struct *p, void *arg)
{
	struct session_scan *s = arg;

	if (p->sid == s->sid && p->tty == s->tty)
		p->tty = NULL;
}

/**
 * disassociate_ctty() - A session leader lets go of its controlling terminal.
 * @leader: the session leader (exiting, or calling TIOCNOTTY)
 *
 * The terminal belongs to no session afterwards, nobody in the session has
 * it as controlling terminal, and its foreground process group gets SIGHUP.
 *
 * Context: process context.
 */
void disassociate_ctty(struct task_struct *leader)
{
	struct tty_struct *tty = leader->tty;
	struct session_scan s = { .sid = leader->sid, .tty = tty };
	unsigned long flags;
	pid_t fg;

	if (!tty)
		return;
	spin_lock_irqsave(&tty->ctrl_lock, flags);
	fg = tty->session == leader->sid ? tty->pgrp : 0;
	if (tty->session == leader->sid)
		tty->session = tty->pgrp = 0;
	spin_unlock_irqrestore(&tty->ctrl_lock, flags);
	for_each_task(drop_ctty, &s);
	if (fg)
		kill_pgrp(fg, SIGHUP, 1);
}
