/*
 * The top half's side of the flip buffer (drivers/tty/tty_buffer.c): a
 * driver's interrupt handler adds what it received, then pushes, which
 * queues the bottom half (flush_to_ldisc) on the "tty" workqueue. All of it
 * may be called from any context and never sleeps.
 */
#ifndef _LINUX_TTY_FLIP_H
#define _LINUX_TTY_FLIP_H
#include <linux/tty.h>

/* Adds one character with its flag (TTY_NORMAL...): 1, or 0 if the buffer is full. */
int tty_insert_flip_char(struct tty_port *port, unsigned char ch, char flag);
/* Adds up to size characters (TTY_NORMAL): how many fitted. */
int tty_insert_flip_string(struct tty_port *port, const unsigned char *chars, size_t size);
/* Room left in the flip buffer, in characters. */
unsigned int tty_buffer_space_avail(struct tty_port *port);
/* Hands what was added to the bottom half. */
void tty_flip_buffer_push(struct tty_port *port);

#endif
