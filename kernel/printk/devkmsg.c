/*
 * /dev/kmsg: the kernel log as a file. Each read returns one record, with its
 * timestamp, starting from the oldest the ring still holds; at the end a read
 * waits for the next record (`dmesg -w`), or fails with -EAGAIN if the file
 * was opened O_NONBLOCK (plain `dmesg`), as in Linux. Each write becomes one
 * record, as if printk'ed: how a user program reports into the kernel log.
 */
#include <linux/errno.h>
#include <linux/fs.h>
#include <linux/kernel.h>
#include <linux/slab.h>
#include <linux/uaccess.h>
#include <janus/log.h>
#include <janus/vfs.h>
#include <uapi/linux/fcntl.h>

#define KMSG_LINE (LOG_LINE_MAX + 32)

static int kmsg_open(struct inode *inode, struct file *file)
{
	u64 *seq = kzalloc(sizeof(*seq), GFP_KERNEL);

	(void)inode;
	if (!seq)
		return -ENOMEM;
	file->private_data = seq; /* 0: log_read starts at the oldest record */
	return 0;
}

static ssize_t kmsg_read(struct file *file, char __user *buf, size_t count, loff_t *ppos)
{
	char *line = kmalloc(KMSG_LINE, GFP_KERNEL);
	u64 *seq = file->private_data, next = *seq;
	ssize_t n;

	(void)ppos;
	if (!line)
		return -ENOMEM;
	while (!(n = log_read(&next, line, KMSG_LINE))) {
		n = file->f_flags & O_NONBLOCK ? -EAGAIN : log_wait_for(next);
		if (n)
			break;
	}
	if (n < 0) {
		/* nothing read */
	} else if ((size_t)n > count) {
		n = -EINVAL; /* like Linux: the buffer must hold a whole record */
	} else if (n && copy_to_user(buf, line, n)) {
		n = -EFAULT;
	} else {
		*seq = next;
	}
	kfree(line);
	return n;
}

static ssize_t kmsg_write(struct file *file, const char __user *buf, size_t count, loff_t *ppos)
{
	char *text = kmalloc(LOG_LINE_MAX, GFP_KERNEL);
	size_t n = min(count, (size_t)LOG_LINE_MAX - 1);

	(void)file;
	(void)ppos;
	if (!text)
		return -ENOMEM;
	if (copy_from_user(text, buf, n)) {
		kfree(text);
		return -EFAULT;
	}
	if (n && text[n - 1] == '\n')
		n--;
	printk(KERN_INFO "%.*s\n", (int)n, text);
	kfree(text);
	return count;
}

static int kmsg_release(struct inode *inode, struct file *file)
{
	(void)inode;
	kfree(file->private_data);
	return 0;
}

const struct file_operations kmsg_fops = {
	.open = kmsg_open,
	.read = kmsg_read,
	.write = kmsg_write,
	.release = kmsg_release,
};
