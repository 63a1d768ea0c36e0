/* What the files of N_TTY (n_tty.c, n_tty_read.c, n_tty_write.c) share and nobody else needs. */
#ifndef _DRIVERS_TTY_N_TTY_INTERNAL_H
#define _DRIVERS_TTY_N_TTY_INTERNAL_H
#include <linux/tty.h>

#define EOF_MARK '\0' /* stands in the buffer for ^D: a line end that is not data */
#define BPL (8 * sizeof(unsigned long))

static inline bool L(const struct tty_struct *tty, tcflag_t f) { return tty->termios.c_lflag & f; }
static inline bool I(const struct tty_struct *tty, tcflag_t f) { return tty->termios.c_iflag & f; }
static inline bool O(const struct tty_struct *tty, tcflag_t f) { return tty->termios.c_oflag & f; }

static inline unsigned char *buf_at(struct n_tty_data *ld, size_t i)
{
	return &ld->read_buf[i % N_TTY_BUF_SIZE];
}

static inline bool line_end_at(const struct n_tty_data *ld, size_t i)
{
	i %= N_TTY_BUF_SIZE;
	return ld->read_flags[i / BPL] & (1ul << (i % BPL));
}

static inline void set_line_end(struct n_tty_data *ld, size_t i, bool on)
{
	i %= N_TTY_BUF_SIZE;
	if (on)
		ld->read_flags[i / BPL] |= 1ul << (i % BPL);
	else
		ld->read_flags[i / BPL] &= ~(1ul << (i % BPL));
}

/* n_tty.c: whether N_TTY can take another character now. */
bool n_tty_room(struct tty_struct *tty);
/* n_tty_write.c: one character through the output processing. */
unsigned int n_tty_output_char(struct tty_struct *tty, unsigned char c, unsigned char *out);

#endif
