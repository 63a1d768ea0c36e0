/*
 * write() on a terminal: the output processing (OPOST, ONLCR), which echo
 * uses too, and the driver's queue, sleeping while it is full.
 */
#include <linux/ctype.h>
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
#include "n_tty_internal.h"

/**
 * n_tty_output_char() - One character through the output processing (OPOST, ONLCR).
 * @tty: the terminal
 * @c:   the character
 * @out: where its 1 or 2 output bytes go
 *
 * Keeps the column, which erasing a tab needs.
 *
 * Context: echo (tty->ldisc_lock held) or a writer (tty->write_lock held); does not sleep.
 * Return: how many bytes it wrote to @out: 1 or 2.
 */
unsigned int n_tty_output_char(struct tty_struct *tty, unsigned char c, unsigned char *out)
{
	struct n_tty_data *ld = &tty->ldata;

	out[0] = c;
	if (c == '\n' && O(tty, OPOST) && O(tty, ONLCR)) {
		out[0] = '\r';
		out[1] = '\n';
		ld->column = 0;
		return 2;
	}
	if (c == '\r' || c == '\n')
		ld->column = 0;
	else if (c == '\t')
		ld->column = (ld->column | 7) + 1;
	else if (c == '\b')
		ld->column -= ld->column > 0;
	else if (!iscntrl(c))
		ld->column++;
	return 1;
}

/* Sends out[0..len) to the driver, sleeping while its queue is full.
 * Returns how many bytes went, which is len unless a signal came. */
static size_t send(struct tty_struct *tty, const unsigned char *out, size_t len)
{
	size_t sent = 0;

	while (sent < len) {
		int n = tty->ops->write(tty, out + sent, len - sent);
		long left;

		sent += max(n, 0);
		if (sent == len)
			break;
		left = wait_event_interruptible_timeout(tty->write_wait,
							tty->ops->write_room(tty) > 0, HZ / 2);
		if (left < 0)
			break;
		if (!left && tty->ops->kick)
			tty->ops->kick(tty); /* half a second without room: a stalled transmitter? */
	}
	return sent;
}

/* How many of the characters in[0..n) made it out whole, if out_sent
 * bytes of their processed form were sent. */
static size_t chars_sent(struct tty_struct *tty, const unsigned char *in, size_t n,
			 size_t out_sent)
{
	size_t i, used = 0;

	for (i = 0; i < n; i++) {
		used += (in[i] == '\n' && O(tty, OPOST) && O(tty, ONLCR)) ? 2 : 1;
		if (used > out_sent)
			break;
	}
	return i;
}

/**
 * n_tty_write() - write() on a terminal.
 * @tty:  the terminal
 * @file: the open file
 * @buf:  the writer's bytes
 * @nr:   how many
 *
 * Output processing (OPOST: a newline goes out as "\r\n" with ONLCR), then
 * the driver's queue, sleeping while it is full. One writer at a time, so
 * two programs' writes do not interleave within a chunk.
 *
 * Context: process context; may sleep.
 * Return: bytes written, -EFAULT, or -ERESTARTSYS if a signal came before any went.
 */
ssize_t n_tty_write(struct tty_struct *tty, struct file *file, const char __user *buf, size_t nr)
{
	unsigned char in[128], out[2 * sizeof(in)];
	size_t done = 0;
	ssize_t ret = 0;

	(void)file;
	if (mutex_lock_interruptible(&tty->write_lock))
		return -ERESTARTSYS;
	while (done < nr) {
		size_t n = min(nr - done, sizeof(in)), len = 0, sent;

		if (copy_from_user(in, buf + done, n)) {
			ret = -EFAULT;
			break;
		}
		for (size_t i = 0; i < n; i++)
			len += n_tty_output_char(tty, in[i], out + len);
		if (tty->ldata.read_head == tty->ldata.canon_head)
			tty->ldata.canon_column = tty->ldata.column; /* a prompt: the line starts after it */
		sent = send(tty, out, len);
		if (sent < len) {
			done += chars_sent(tty, in, n, sent);
			ret = -ERESTARTSYS; /* a signal came while the queue was full */
			break;
		}
		done += n;
	}
	mutex_unlock(&tty->write_lock);
	return done ? (ssize_t)done : ret;
}
