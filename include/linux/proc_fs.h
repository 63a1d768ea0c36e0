/*
 * A driver's own /proc files and directories (kernel/fs/proc_generic.c),
 * Linux's interface (5.6+: struct proc_ops):
 *
 *   static int mydev_show(struct seq_file *m, void *v) { seq_printf(m, ...); return 0; }
 *   dir = proc_mkdir("mydev", NULL);                      /proc/mydev/
 *   proc_create_single("stats", 0444, dir, mydev_show);   /proc/mydev/stats
 *   proc_create("ctl", 0644, dir, &mydev_proc_ops);       open/read/write of its own
 *   ...
 *   proc_remove(dir);                                     the directory and all in it
 *
 * An open /proc file of a module's keeps the module loaded (as .owner does
 * for a device), and one left behind at rmmod is reported. Process context.
 */
#ifndef _LINUX_PROC_FS_H
#define _LINUX_PROC_FS_H
#include <linux/fs.h>
#include <linux/types.h>
#include <janus/callsite.h>

struct seq_file;
struct proc_dir_entry;

struct proc_ops {
	unsigned int proc_flags;
	int (*proc_open)(struct inode *inode, struct file *file);
	ssize_t (*proc_read)(struct file *file, char __user *buf, size_t count, loff_t *ppos);
	ssize_t (*proc_write)(struct file *file, const char __user *buf, size_t count,
			      loff_t *ppos);
	loff_t (*proc_lseek)(struct file *file, loff_t offset, int whence);
	int (*proc_release)(struct inode *inode, struct file *file);
	long (*proc_ioctl)(struct file *file, unsigned int cmd, unsigned long arg);
};

/**
 * proc_create_at() - Create a /proc file with its own operations.
 * @name:   its name
 * @mode:   its permissions (kept; Janus has no users)
 * @parent: its directory, NULL for /proc
 * @ops:    its operations
 * @data:   for pde_data()
 * @single: instead of @ops, a show function that renders the whole file
 * @site:   the caller's file and line (the proc_create*() macros pass CALLSITE())
 *
 * Context: process context; may sleep.
 * Return: the entry, or NULL (no memory, the name is taken, or bad arguments).
 */
struct proc_dir_entry *proc_create_at(const char *name, umode_t mode,
				      struct proc_dir_entry *parent, const struct proc_ops *ops,
				      void *data, int (*single)(struct seq_file *, void *),
				      const struct callsite *site);
#define proc_create_data(name, mode, parent, ops, data) \
	proc_create_at(name, mode, parent, ops, data, NULL, CALLSITE("proc_create_data"))
#define proc_create(name, mode, parent, ops) \
	proc_create_at(name, mode, parent, ops, NULL, NULL, CALLSITE("proc_create"))
#define proc_create_single_data(name, mode, parent, show, data) \
	proc_create_at(name, mode, parent, NULL, data, show, CALLSITE("proc_create_single_data"))
#define proc_create_single(name, mode, parent, show) \
	proc_create_at(name, mode, parent, NULL, NULL, show, CALLSITE("proc_create_single"))
/**
 * proc_mkdir_at() - Create a /proc directory.
 * @name:   its name
 * @parent: its directory, NULL for /proc
 * @site:   the caller's file and line (the proc_mkdir() macro passes CALLSITE())
 *
 * Context: process context; may sleep.
 * Return: the directory, or NULL.
 */
struct proc_dir_entry *proc_mkdir_at(const char *name, struct proc_dir_entry *parent,
				     const struct callsite *site);
#define proc_mkdir(name, parent) proc_mkdir_at(name, parent, CALLSITE("proc_mkdir"))
/**
 * remove_proc_entry() - Remove a /proc entry (and all below it) by name.
 * @name:   its name
 * @parent: its directory, NULL for /proc
 *
 * Context: process context; may sleep.
 */
void remove_proc_entry(const char *name, struct proc_dir_entry *parent);
/**
 * proc_remove() - Remove a /proc entry and all below it.
 * @de: the entry (NULL does nothing)
 *
 * Context: process context; may sleep.
 */
void proc_remove(struct proc_dir_entry *de);
/**
 * pde_data() - The data given to proc_create_data() for the file behind an inode.
 * @inode: the inode of an open /proc file
 *
 * Context: any context.
 * Return: the data.
 */
void *pde_data(const struct inode *inode);

#endif
