/*
 * N_TTY, the line discipline (step 5 of the path of one keystroke,
 * docs/tty.md): what turns the bytes a terminal receives into what a
 * program reads. The bottom half hands it bytes (n_tty_receive_buf, process
 * context, under tty->ldisc_lock); it edits the line in canonical mode
 * (erase, ^U, ^W), echoes, turns ^C and ^\ into signals for the foreground
 * process group, and wakes the readers sleeping in n_tty_read once a line
 * (or, in raw mode, a byte) is there. The subset of Linux's N_TTY a shell
 * and a full-screen program need; the flags it does not know are ignored.
 * Reading is n_tty_read.c's, writing (and the output processing echo uses too)
 * n_tty_write.c's.
 */
#include <linux/ctype.h>
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

enum erase_kind { ERASE, WERASE, KILL };

/* c is the control character cc[idx] (0 means disabled, as _POSIX_VDISABLE). */
static bool is_cc(const struct tty_struct *tty, int idx, unsigned char c)
{
	return tty->termios.c_cc[idx] && c == tty->termios.c_cc[idx];
}

/* Echo: through the output processing to the driver, never waiting. What
 * does not fit is lost (counted): input is never held up by its echo. */
static void echo_bytes(struct tty_struct *tty, const char *s, unsigned int n)
{
	unsigned char out[2];

	while (n--) {
		unsigned int len = n_tty_output_char(tty, *s++, out);
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

/**
 * n_tty_room() - Whether N_TTY can take another character now.
 * @tty: the terminal
 *
 * Not when the buffer holds what readers have not taken yet; but a canonical
 * line that alone fills it keeps going, truncated (receive_char drops its
 * ordinary characters).
 *
 * Context: tty->ldisc_lock held; does not sleep.
 * Return: true if there is room.
 */
bool n_tty_room(struct tty_struct *tty)
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
		if (!n_tty_room(tty)) {
			ld->no_room = true;
			break;
		}
		receive_char(tty, cp[i], fp ? fp[i] : TTY_NORMAL);
	}
	mutex_unlock(&tty->ldisc_lock);
	return i;
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
