/*
 * N_TTY, the line discipline (step 4 of the path of one keystroke,
 * docs/tty.md): what turns the bytes a terminal receives into what a
 * program reads. The bottom half hands it bytes (n_tty_receive_buf, process
 * context, under tty->ldisc_lock); it edits the line in canonical mode
 * (erase, ^U, ^W), echoes, turns ^C and ^\ into signals for the foreground
 * process group, and wakes the readers sleeping in n_tty_read once a line
 * (or, in raw mode, a byte) is there. The subset of Linux's N_TTY a shell
 * and a full-screen program need; the flags it does not know are ignored.
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
#include <uapi/linux/fcntl.h>

#define EOF_MARK '\0' /* stands in the buffer for ^D: a line end that is not data */
#define BPL (8 * sizeof(unsigned long))

enum erase_kind { ERASE, WERASE, KILL };

static bool L(const struct tty_struct *tty, tcflag_t f) { return tty->termios.c_lflag & f; }
static bool I(const struct tty_struct *tty, tcflag_t f) { return tty->termios.c_iflag & f; }
static bool O(const struct tty_struct *tty, tcflag_t f) { return tty->termios.c_oflag & f; }

/* c is the control character cc[idx] (0 means disabled, as _POSIX_VDISABLE). */
static bool is_cc(const struct tty_struct *tty, int idx, unsigned char c)
{
	return tty->termios.c_cc[idx] && c == tty->termios.c_cc[idx];
}

static unsigned char *buf_at(struct n_tty_data *ld, size_t i)
{
	return &ld->read_buf[i % N_TTY_BUF_SIZE];
}

static bool line_end_at(const struct n_tty_data *ld, size_t i)
{
	i %= N_TTY_BUF_SIZE;
	return ld->read_flags[i / BPL] & (1ul << (i % BPL));
}

static void set_line_end(struct n_tty_data *ld, size_t i, bool on)
{
	i %= N_TTY_BUF_SIZE;
	if (on)
		ld->read_flags[i / BPL] |= 1ul << (i % BPL);
	else
		ld->read_flags[i / BPL] &= ~(1ul << (i % BPL));
}

/* ---------------------------------------------------------------- output */

/* One character through the output processing (OPOST, ONLCR), into out:
 * 1 or 2 bytes. Keeps the column, which erasing a tab needs. */
static unsigned int output_char(struct tty_struct *tty, unsigned char c, unsigned char *out)
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

/* Echo: through the output processing to the driver, never waiting. What
 * does not fit is lost (counted): input is never held up by its echo. */
static void echo_bytes(struct tty_struct *tty, const char *s, unsigned int n)
{
	unsigned char out[2];

	while (n--) {
		unsigned int len = output_char(tty, *s++, out);
		int sent = tty->ops->write(tty, out, len);

		tty->ldata.echo_lost += len - max(sent, 0);
	}
}

/* A character as echo shows it: control characters as ^X with ECHOCTL. */
static void echo_char(struct tty_struct *tty, unsigned char c)
{
	if (L(tty, ECHOCTL) && iscntrl(c) && c != '\t' && c != '\n') {
		char ctl[2] = { '^', c ^ 0x40 };

		echo_bytes(tty, ctl, 2);
	} else {
		echo_bytes(tty, (const char *)&c, 1);
	}
}

/* ---------------------------------------------------------------- input */

static size_t line_len(const struct n_tty_data *ld)
{
	return ld->read_head - ld->canon_head;
}

static void wake_readers(struct tty_struct *tty)
{
	wake_up_interruptible_all(&tty->read_wait);
}

static void put_char(struct n_tty_data *ld, unsigned char c)
{
	*buf_at(ld, ld->read_head) = c;
	set_line_end(ld, ld->read_head, false);
	ld->read_head++;
}

/* Ends the line being edited with c (a newline, VEOL or the EOF mark): readers may take it. */
static void end_line(struct tty_struct *tty, unsigned char c)
{
	struct n_tty_data *ld = &tty->ldata;

	put_char(ld, c);
	set_line_end(ld, ld->read_head - 1, true);
	ld->canon_head = ld->read_head;
	ld->canon_column = ld->column;
	wake_readers(tty);
}

/* The column at which the line being edited would end if echoed again. */
static unsigned int edited_line_column(struct tty_struct *tty)
{
	struct n_tty_data *ld = &tty->ldata;
	unsigned int col = ld->canon_column;

	for (size_t i = ld->canon_head; i != ld->read_head; i++) {
		unsigned char c = *buf_at(ld, i);

		if (c == '\t')
			col = (col | 7) + 1;
		else if (!iscntrl(c))
			col++;
		else if (L(tty, ECHOCTL))
			col += 2;
	}
	return col;
}

/* Takes the last character off the edited line and off the screen. */
static void rub_out(struct tty_struct *tty)
{
	struct n_tty_data *ld = &tty->ldata;
	unsigned char c = *buf_at(ld, --ld->read_head);
	unsigned int cells;

	if (!L(tty, ECHO))
		return;
	if (!L(tty, ECHOE)) {
		echo_char(tty, tty->termios.c_cc[VERASE]);
		return;
	}
	if (c == '\t') {
		unsigned int col = edited_line_column(tty);

		for (cells = ld->column > col ? ld->column - col : 0; cells; cells--)
			echo_bytes(tty, "\b", 1);
		return;
	}
	cells = iscntrl(c) ? (L(tty, ECHOCTL) ? 2 : 0) : 1;
	while (cells--)
		echo_bytes(tty, "\b \b", 3);
}

/* Erase (one character), word erase (^W: the spaces, then the word before
 * them) or kill (^U: the whole line being edited). */
static void erase(struct tty_struct *tty, enum erase_kind kind)
{
	struct n_tty_data *ld = &tty->ldata;
	bool in_word = false;

	if (kind == KILL && L(tty, ECHO) && !L(tty, ECHOKE)) {
		ld->read_head = ld->canon_head;
		echo_char(tty, tty->termios.c_cc[VKILL]);
		if (L(tty, ECHOK))
			echo_bytes(tty, "\n", 1);
		ld->canon_column = ld->column;
		return;
	}
	while (line_len(ld)) {
		unsigned char c = *buf_at(ld, ld->read_head - 1);

		if (kind == WERASE) {
			if (isspace(c) && in_word)
				break;
			in_word |= !isspace(c);
		}
		rub_out(tty);
		if (kind == ERASE)
			break;
	}
}

/* ^C, ^\: the signal goes to the foreground process group; unread input
 * (and unsent output) is thrown away unless NOFLSH. */
static void isig(struct tty_struct *tty, int sig, unsigned char c)
{
	if (!L(tty, NOFLSH)) {
		struct n_tty_data *ld = &tty->ldata;

		ld->read_tail = ld->canon_head = ld->read_head;
		if (tty->ops->flush_buffer)
			tty->ops->flush_buffer(tty);
	}
	if (L(tty, ECHO))
		echo_char(tty, c);
	tty_signal_pgrp(tty, sig);
	tty->ldata.canon_column = tty->ldata.column;
}

/* Canonical mode's special characters; false if c is an ordinary one. */
static bool canon_special(struct tty_struct *tty, unsigned char c)
{
	if (is_cc(tty, VERASE, c) || c == '\b') {
		erase(tty, ERASE);
	} else if (is_cc(tty, VKILL, c)) {
		erase(tty, KILL);
	} else if (is_cc(tty, VWERASE, c) && L(tty, IEXTEN)) {
		erase(tty, WERASE);
	} else if (is_cc(tty, VEOF, c)) {
		end_line(tty, EOF_MARK); /* not echoed: the program decides what EOF shows */
	} else if (c == '\n' || is_cc(tty, VEOL, c) || (is_cc(tty, VEOL2, c) && L(tty, IEXTEN))) {
		if (L(tty, ECHO) || (c == '\n' && L(tty, ECHONL)))
			echo_char(tty, c);
		end_line(tty, c);
	} else {
		return false;
	}
	return true;
}

/* Whether N_TTY can take another character now. Not when the buffer holds
 * what readers have not taken yet; but a canonical line that alone fills it
 * keeps going, truncated (receive_char drops its ordinary characters). */
static bool room(struct tty_struct *tty)
{
	const struct n_tty_data *ld = &tty->ldata;

	if (ld->read_head - ld->read_tail < N_TTY_BUF_SIZE - 1)
		return true;
	return L(tty, ICANON) && ld->canon_head == ld->read_tail;
}

static void receive_char(struct tty_struct *tty, unsigned char c, char flag)
{
	if (flag != TTY_NORMAL) {
		if ((flag == TTY_BREAK && I(tty, IGNBRK)) || (flag != TTY_BREAK && I(tty, IGNPAR)))
			return;
		if (flag == TTY_BREAK && I(tty, BRKINT)) {
			isig(tty, SIGINT, 0);
			return;
		}
		c = '\0';
	}
	if (I(tty, ISTRIP))
		c &= 0x7f;
	if (c == '\r') {
		if (I(tty, IGNCR))
			return;
		if (I(tty, ICRNL))
			c = '\n';
	} else if (c == '\n' && I(tty, INLCR)) {
		c = '\r';
	}
	if (L(tty, ISIG) && (is_cc(tty, VINTR, c) || is_cc(tty, VQUIT, c) || is_cc(tty, VSUSP, c))) {
		isig(tty, is_cc(tty, VINTR, c) ? SIGINT : is_cc(tty, VQUIT, c) ? SIGQUIT : SIGTSTP, c);
		return;
	}
	if (L(tty, ICANON) && canon_special(tty, c))
		return;
	if (tty->ldata.read_head - tty->ldata.read_tail >= N_TTY_BUF_SIZE - 1) {
		tty->ldata.overlong++; /* the last place is kept for the line's end */
		return;
	}
	if (L(tty, ECHO))
		echo_char(tty, c);
	put_char(&tty->ldata, c);
	if (!L(tty, ICANON)) {
		tty->ldata.canon_head = tty->ldata.read_head;
		wake_readers(tty);
	}
}

/**
 * n_tty_receive_buf() - The bottom half hands received characters to N_TTY.
 * @tty:   the terminal
 * @cp:    the characters
 * @fp:    their flags (TTY_NORMAL...)
 * @count: how many
 *
 * Edits, echoes, signals and wakes readers as each character says. Stops
 * early only when the read buffer is full of what readers have not taken:
 * then n_tty_read pushes the flip buffer again once it made room.
 *
 * Context: process context (flush_to_ldisc's kworker); may sleep. Takes
 * tty->ldisc_lock.
 * Return: how many characters it took.
 */
size_t n_tty_receive_buf(struct tty_struct *tty, const unsigned char *cp, const char *fp,
			 size_t count)
{
	struct n_tty_data *ld = &tty->ldata;
	size_t i;

	mutex_lock(&tty->ldisc_lock);
	for (i = 0; i < count; i++) {
		if (!room(tty)) {
			ld->no_room = true;
			break;
		}
		receive_char(tty, cp[i], fp ? fp[i] : TTY_NORMAL);
	}
	mutex_unlock(&tty->ldisc_lock);
	return i;
}

/* ---------------------------------------------------------------- read */

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
	if (ld->no_room && room(tty)) {
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

/* ---------------------------------------------------------------- write */

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
			len += output_char(tty, in[i], out + len);
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

/* ---------------------------------------------------------------- control */

/**
 * n_tty_flush_input() - Throw away unread input (TCIFLUSH, TCSETSF).
 * @tty: the terminal
 *
 * Context: process context; may sleep (takes tty->ldisc_lock).
 */
void n_tty_flush_input(struct tty_struct *tty)
{
	struct n_tty_data *ld = &tty->ldata;

	tty_buffer_flush(tty->port);
	mutex_lock(&tty->ldisc_lock);
	ld->read_tail = ld->canon_head = ld->read_head;
	if (ld->no_room) {
		ld->no_room = false;
		tty_flip_buffer_push(tty->port);
	}
	mutex_unlock(&tty->ldisc_lock);
}

/**
 * n_tty_set_termios() - The settings changed (TCSETS): adjust to them.
 * @tty: the terminal, its new settings already in tty->termios
 * @old: the settings before
 *
 * Switching canonical mode on or off makes what is in the buffer readable
 * at once, as in Linux; readers are woken to look again.
 *
 * Context: process context, with tty->ldisc_lock held.
 */
void n_tty_set_termios(struct tty_struct *tty, const struct termios *old)
{
	if ((old->c_lflag ^ tty->termios.c_lflag) & ICANON) {
		tty->ldata.canon_head = tty->ldata.read_head;
		wake_readers(tty);
	}
}

/**
 * n_tty_open() - Start a terminal's line discipline with an empty buffer.
 * @tty: the terminal
 *
 * Context: process context.
 */
void n_tty_open(struct tty_struct *tty)
{
	memset(&tty->ldata, 0, sizeof(tty->ldata));
}
