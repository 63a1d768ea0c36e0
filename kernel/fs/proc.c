/*
 * /proc: read-only listings, each the same show() function that dump= prints
 * at boot (seed 004's /proc/interrupts). The first read renders the listing
 * into a buffer that grows until it fits (seq_read); reads hand it out from
 * the file position; release frees it. So a reader sees one consistent
 * snapshot however small its reads. What drivers create is in proc_generic.c.
 */
#include <linux/kernel_stat.h>
#include <linux/errno.h>
#include <linux/fs.h>
#include <linux/interrupt.h>
#include <linux/kernel.h>
#include <linux/module.h>
#include <linux/sched.h>
#include <linux/seq_file.h>
#include <linux/serial.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <janus/vfs.h>

struct proc_entry {
	const char *name;
	int (*show)(struct seq_file *m);
	struct inode inode;
};

static int proc_open(struct inode *inode, struct file *file);

static const struct file_operations proc_fops = {
	.open = proc_open,
	.read = seq_read,
	.release = single_release,
};

static struct proc_entry entries[] = {
	{ "interrupts", show_interrupts, { .i_fop = &proc_fops } },
	{ "softirqs", show_softirqs, { .i_fop = &proc_fops } },
	{ "tasks", show_tasks, { .i_fop = &proc_fops } },
	{ "modules", show_modules, { .i_fop = &proc_fops } },
	{ "stat", show_stat, { .i_fop = &proc_fops } },
	/* The tracer's files have their own operations (kernel/trace/trace_proc.c). */
	{ "trace", NULL, { .i_fop = &proc_trace_fops } },
	{ "trace_pipe", NULL, { .i_fop = &proc_trace_pipe_fops } },
	{ "tracing_on", NULL, { .i_fop = &proc_tracing_on_fops } },
	{ "set_event", NULL, { .i_fop = &proc_set_event_fops } },
	{ "tty/driver/serial", serial_show_counts, { .i_fop = &proc_fops } }, /* as in Linux */
};

/**
 * proc_lookup() - Find the entry at /proc/@name.
 * @name: the path below /proc
 *
 * Context: any context (the list only grows, at its head).
 * Return: its inode, or NULL.
 */
struct inode *proc_lookup(const char *name)
{
	for (unsigned int i = 0; i < ARRAY_SIZE(entries); i++)
		if (!strcmp(entries[i].name, name))
			return &entries[i].inode;
	return proc_tree_lookup(name); /* what drivers created (proc_generic.c) */
}

/* The listing, rendered by seq_read at the first read (kernel/seq_file.c):
 * the buffer grows until the whole listing fits. */
static int proc_show(struct seq_file *m, void *v)
{
	(void)v;
	return ((struct proc_entry *)m->private)->show(m);
}

/**
 * proc_name_at() - The name of /proc's @i-th entry, for listing the directory.
 * @i: from 0
 *
 * Context: any context.
 * Return: the name, or NULL past the last one.
 */
const char *proc_name_at(unsigned int i)
{
	return i < ARRAY_SIZE(entries) ? entries[i].name : NULL;
}

static int proc_open(struct inode *inode, struct file *file)
{
	return single_open(file, proc_show, container_of(inode, struct proc_entry, inode));
}
