/*
 * A text buffer that listings print into (kernel/seq_file.c): the same
 * show() function fills /proc files and the boot-time dump= output.
 *
 * Linux's interface for a driver's /proc file, too: single_open() with one
 * show(m, v) function, or seq_open() with a struct seq_operations that
 * walks records (start, next, show, stop); seq_read, seq_lseek and
 * single_release/seq_release as the file's operations. Janus renders the
 * whole file at the first read, into a buffer that doubles until it fits,
 * and hands it out from there: a reader sees one consistent snapshot.
 */
#ifndef _LINUX_SEQ_FILE_H
#define _LINUX_SEQ_FILE_H
#include <linux/compiler.h>
#include <linux/types.h>

struct seq_operations;

struct seq_file {
	char *buf;
	size_t size, count;
	bool overflow;
	/* Linux's seq_file interface (single_open, seq_open). */
	const struct seq_operations *op;
	void *private;
	loff_t index;
	bool rendered;
};

struct seq_operations {
	void *(*start)(struct seq_file *m, loff_t *pos);
	void (*stop)(struct seq_file *m, void *v);
	void *(*next)(struct seq_file *m, void *v, loff_t *pos);
	int (*show)(struct seq_file *m, void *v);
};

#define SEQ_START_TOKEN ((void *)1)

struct file;
struct inode;

/**
 * seq_open() - Give a file a seq_file walked by @op.
 * @file: the file being opened (its private_data becomes the seq_file)
 * @op:   start/next/show/stop
 *
 * Context: process context; may sleep.
 * Return: 0 or -ENOMEM.
 */
int seq_open(struct file *file, const struct seq_operations *op);
/**
 * single_open() - Give a file a seq_file that one show() call fills.
 * @file: the file being opened
 * @show: called as show(m, data)
 * @data: for show, also m->private
 *
 * Context: process context; may sleep.
 * Return: 0 or -ENOMEM.
 */
int single_open(struct file *file, int (*show)(struct seq_file *, void *), void *data);
/**
 * seq_read() - The read operation of a seq_file: renders it once, then copies from it.
 * @file:  the file
 * @buf:   the reader's buffer
 * @size:  its size
 * @ppos:  the file position
 *
 * Context: process context; may sleep.
 * Return: the bytes copied, 0 at the end, -EFAULT, -ENOMEM.
 */
ssize_t seq_read(struct file *file, char __user *buf, size_t size, loff_t *ppos);
/**
 * seq_lseek() - The llseek operation of a seq_file (SEEK_SET and SEEK_CUR).
 * @file:   the file
 * @offset: the offset
 * @whence: 0 (SEEK_SET) or 1 (SEEK_CUR)
 *
 * Context: process context.
 * Return: the new position, or -EINVAL.
 */
loff_t seq_lseek(struct file *file, loff_t offset, int whence);
/**
 * seq_release() - The release operation of a file opened with seq_open().
 * @inode: its inode
 * @file:  the file
 *
 * Context: process context.
 * Return: 0.
 */
int seq_release(struct inode *inode, struct file *file);
/**
 * single_release() - The release operation of a file opened with single_open().
 * @inode: its inode
 * @file:  the file
 *
 * Context: process context.
 * Return: 0.
 */
int single_release(struct inode *inode, struct file *file);
void seq_putc(struct seq_file *m, char c);
/* Appends len raw bytes (binary listings such as PCI configuration space). */
void seq_write(struct seq_file *m, const void *data, size_t len);
/**
 * seq_has_overflowed() - Whether the listing outgrew its buffer (it will be rendered again, bigger).
 * @m: the listing
 *
 * Context: the show() callback; does not sleep.
 * Return: true if text was lost.
 */
static inline bool seq_has_overflowed(struct seq_file *m) { return m->overflow; }

__printf(2, 3) void seq_printf(struct seq_file *m, const char *fmt, ...);
void seq_puts(struct seq_file *m, const char *s);
/* Renders show() into a buffer and prints it through printk, line by line. */
void seq_print_to_log(int (*show)(struct seq_file *m));

#endif
