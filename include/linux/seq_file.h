/*
 * A text buffer that listings print into (kernel/seq_file.c): the same
 * show() function fills /proc files and the boot-time dump= output.
 */
#ifndef _LINUX_SEQ_FILE_H
#define _LINUX_SEQ_FILE_H
#include <linux/compiler.h>
#include <linux/types.h>

struct seq_file {
	char *buf;
	size_t size, count;
	bool overflow;
};

__printf(2, 3) void seq_printf(struct seq_file *m, const char *fmt, ...);
void seq_puts(struct seq_file *m, const char *s);
/* Renders show() into a buffer and prints it through printk, line by line. */
void seq_print_to_log(int (*show)(struct seq_file *m));

#endif
