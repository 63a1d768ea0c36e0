/* Consoles: where printk's lines go (drivers/tty/serial_16550.c, drivers/vga.c). */
#ifndef _LINUX_CONSOLE_H
#define _LINUX_CONSOLE_H
#include <linux/types.h>

struct console {
	const char *name;
	/* Writes n bytes; called with the console lock held, any context. */
	void (*write)(struct console *con, const char *s, unsigned int n);
	struct console *next;
};

/* Adds a console and replays the log buffer onto it. */
void register_console(struct console *con);
int unregister_console(struct console *con);
/* Writes straight to one console (a terminal's output), under the console
 * lock, so it never lands in the middle of a printk line. Process context. */
void console_write_direct(struct console *con, const char *s, unsigned int n);

#endif
