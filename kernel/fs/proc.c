/*
 * /proc: read-only listings, each the same show() function that dump= prints
 * at boot (seed 004's /proc/interrupts). open renders the listing into a
 * buffer once; read hands it out from the file position; release frees it.
 * So a reader sees one consistent snapshot however small its reads.
 */
#include <linux/errno.h>
#include <linux/fs.h>
#include <linux/interrupt.h>
#include <linux/kernel.h>
#include <linux/module.h>
#include <linux/sched.h>
#include <linux/seq_file.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/uaccess.h>
#include <linux/vmalloc.h>
#include <janus/vfs.h>

#define PROC_BUF_SIZE (16 * 1024)

struct proc_entry {
	const char *name;
	int (*show)(struct seq_file *m);
	struct inode inode;
};

static int proc_open(struct inode *inode, struct file *file);
static ssize_t proc_read(struct file *file, char __user *buf, size_t count, loff_t *ppos);
static int proc_release(struct inode *inode, struct file *file);

static const struct file_operations proc_fops = {
	.open = proc_open,
	.read = proc_read,
	.release = proc_release,
};

static struct proc_entry entries[] = {
	{ "interrupts", show_interrupts, { .i_fop = &proc_fops } },
	{ "softirqs", show_softirqs, { .i_fop = &proc_fops } },
	{ "tasks", show_tasks, { .i_fop = &proc_fops } },
	{ "modules", show_modules, { .i_fop = &proc_fops } },
};

struct inode *proc_lookup(const char *name)
{
	for (unsigned int i = 0; i < ARRAY_SIZE(entries); i++)
		if (!strcmp(entries[i].name, name))
			return &entries[i].inode;
	return NULL;
}

static int proc_open(struct inode *inode, struct file *file)
{
	struct proc_entry *e = container_of(inode, struct proc_entry, inode);
	struct seq_file *m = kmalloc(sizeof(*m), GFP_KERNEL);

	if (!m)
		return -ENOMEM;
	*m = (struct seq_file){ .buf = vmalloc(PROC_BUF_SIZE), .size = PROC_BUF_SIZE };
	if (!m->buf) {
		kfree(m);
		return -ENOMEM;
	}
	e->show(m);
	file->private_data = m;
	return 0;
}

static ssize_t proc_read(struct file *file, char __user *buf, size_t count, loff_t *ppos)
{
	struct seq_file *m = file->private_data;
	size_t left;

	if (*ppos >= (loff_t)m->count)
		return 0;
	count = min(count, m->count - (size_t)*ppos);
	left = copy_to_user(buf, m->buf + *ppos, count);
	if (left == count)
		return -EFAULT;
	*ppos += count - left;
	return count - left;
}

static int proc_release(struct inode *inode, struct file *file)
{
	struct seq_file *m = file->private_data;

	(void)inode;
	vfree(m->buf);
	kfree(m);
	return 0;
}
