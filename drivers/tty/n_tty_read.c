/*
 * read() on a terminal (step 6 of the path of one keystroke is its wake-up):
 * a finished line in canonical mode, VMIN/VTIME's bytes in raw mode, taken
 * from N_TTY's read buffer under tty->ldisc_lock.
 */
#include <linux/errno.h>
#include <linux/fs.h>
#include <linux/jiffies.h>
#include <linux/kernel.h>
#include <linux/sched.h>
#include <linux/sched/signal.h>
#include <linux/string.h>
#include <linux/tty.h>
#include <linux/tty_flip.h>
#include <linux/uaccess.h>
#include <uapi/linux/fcntl.h>
#include "n_tty_internal.h"

/* Bytes a reader may take now: finished lines in canonical mode. */
static size_t readable(struct tty_struct *tty)
{
	const struct n_tty_data *ld = &tty->ldata;

	return READ_ONCE(ld->canon_head) - READ_ONCE(ld->read_tail);
}

/**
 * n_tty_readable() - How many bytes a read would find now (FIONREAD).
 * @tty: the terminal
 *
 * Context: any context.
 * Return: the bytes of finished lines (canonical mode) or all bytes (raw).
 */
size_t n_tty_readable(struct tty_struct *tty)
{
	return readable(tty);
}

/* Copies [tail, tail + n) to the user, in at most two pieces (the ring wraps). */
static int copy_out(struct n_tty_data *ld, char __user *buf, size_t n)
{
	size_t start = ld->read_tail % N_TTY_BUF_SIZE;
	size_t first = min(n, N_TTY_BUF_SIZE - start);

	if (copy_to_user(buf, ld->read_buf + start, first) ||
	    copy_to_user(buf + first, ld->read_buf, n - first))
		return -EFAULT;
	return 0;
}

/* Takes up to nr bytes: in canonical mode at most one line, with its end if
 * that is data (a newline; the EOF mark of ^D is taken but not copied). */
static ssize_t take(struct tty_struct *tty, char __user *buf, size_t nr)
{
	struct n_tty_data *ld = &tty->ldata;
	size_t avail = ld->canon_head - ld->read_tail, n = 0;
	bool eof = false;

	while (n < avail) {
		size_t i = ld->read_tail + n;

		if (L(tty, ICANON) && line_end_at(ld, i)) {
			eof = *buf_at(ld, i) == EOF_MARK;
			if (!eof && n < nr)
				n++;
			break;
		}
		if (n == nr)
			break;
		n++;
	}
	if (n && copy_out(ld, buf, n))
		return -EFAULT;
	ld->read_tail += n + eof;
	if (ld->no_room && n_tty_room(tty)) {
		ld->no_room = false;
		tty_flip_buffer_push(tty->port); /* the bottom half had stopped: there is room now */
	}
	return n;
}

/* Raw mode: VMIN bytes to wait for, VTIME tenths of a second. 1 once there
 * is something to take, 0 if the read should return 0 now. */
static long raw_wait(struct tty_struct *tty, size_t nr)
{
	unsigned int want = max(min_t(size_t, tty->termios.c_cc[VMIN], nr), (size_t)1);
	long time = tty->termios.c_cc[VTIME] * HZ / 10, ret;

	if (!tty->termios.c_cc[VMIN] && !time)
		return readable(tty) > 0; /* a poll */
	if (!time)
		return wait_event_interruptible(tty->read_wait, readable(tty) >= want) ?: 1;
	/* With VMIN, VTIME runs from the first byte on; without it, from now. */
	if (tty->termios.c_cc[VMIN] && wait_event_interruptible(tty->read_wait, readable(tty)))
		return -ERESTARTSYS;
	ret = wait_event_interruptible_timeout(tty->read_wait, readable(tty) >= want, time);
	return ret < 0 ? ret : readable(tty) > 0;
}

static long wait_for_input(struct tty_struct *tty, struct file *file, size_t nr)
{
	if (file && (file->f_flags & O_NONBLOCK))
		return readable(tty) ? 1 : -EAGAIN;
	if (!L(tty, ICANON))
		return raw_wait(tty, nr);
	return wait_event_interruptible(tty->read_wait, readable(tty)) ?: 1;
}

/**
 * n_tty_read() - read() on a terminal: a line, or raw bytes.
 * @tty:  the terminal
 * @file: the open file (O_NONBLOCK)
 * @buf:  the reader's buffer
 * @nr:   its size
 *
 * In canonical mode it sleeps until a line is finished and returns it (or
 * as much of it as fits; the rest stays for the next read); an empty line
 * ended by ^D returns 0, end of file. In raw mode VMIN and VTIME say how
 * many bytes to wait for and how long. A member of a background process
 * group of the terminal's session gets -EIO (Linux would stop it with
 * SIGTTIN; Janus has no stopped processes).
 *
 * Context: process context; sleeps (interruptibly) until there is input.
 * Return: bytes read, 0 at end of file (or raw mode's time ran out),
 * -EAGAIN (O_NONBLOCK and nothing there), -EIO, -EFAULT, or -ERESTARTSYS
 * if a signal came first.
 */
ssize_t n_tty_read(struct tty_struct *tty, struct file *file, char __user *buf, size_t nr)
{
	long ret = tty_check_read(tty);

	if (ret || !nr)
		return ret;
	for (;;) {
		ret = wait_for_input(tty, file, nr);
		if (ret <= 0)
			return ret;
		mutex_lock(&tty->ldisc_lock);
		if (readable(tty)) { /* another reader may have been quicker */
			ret = take(tty, buf, nr);
			mutex_unlock(&tty->ldisc_lock);
			return ret;
		}
		mutex_unlock(&tty->ldisc_lock);
	}
}
