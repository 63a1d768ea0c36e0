/*
 * The memory devices, major 1 as in Linux: /dev/null (minor 3: reads end at
 * once, writes vanish), /dev/zero (minor 5: endless zeros) and /dev/kmsg
 * (minor 11: the kernel log, kernel/printk/devkmsg.c). Opening the major
 * picks the operations by minor.
 */
#include <linux/errno.h>
#include <linux/fs.h>
#include <linux/kernel.h>
#include <linux/module.h>
#include <linux/uaccess.h>
#include <janus/vfs.h>

#define MEM_MAJOR 1

extern const struct file_operations kmsg_fops;

static ssize_t read_null(struct file *file, char __user *buf, size_t count, loff_t *ppos)
{
	(void)file, (void)buf, (void)count, (void)ppos;
	return 0;
}

static ssize_t write_null(struct file *file, const char __user *buf, size_t count, loff_t *ppos)
{
	(void)file, (void)buf, (void)ppos;
	return count;
}

static ssize_t read_zero(struct file *file, char __user *buf, size_t count, loff_t *ppos)
{
	size_t left = clear_user(buf, count);

	(void)file, (void)ppos;
	if (left == count && count)
		return -EFAULT;
	return count - left; /* a partial read up to the first bad page */
}

static const struct file_operations null_fops = { .read = read_null, .write = write_null };
static const struct file_operations zero_fops = { .read = read_zero, .write = write_null };

static const struct {
	const char *name;
	unsigned int minor;
	const struct file_operations *fops;
} devlist[] = {
	{ "null", 3, &null_fops },
	{ "zero", 5, &zero_fops },
	{ "kmsg", 11, &kmsg_fops },
};

static int memory_open(struct inode *inode, struct file *file)
{
	for (unsigned int i = 0; i < ARRAY_SIZE(devlist); i++) {
		if (devlist[i].minor == iminor(inode)) {
			file->f_op = devlist[i].fops;
			return file->f_op->open ? file->f_op->open(inode, file) : 0;
		}
	}
	return -ENXIO;
}

static const struct file_operations memory_fops = { .open = memory_open };

static int __init chr_dev_init(void)
{
	int err = __register_chrdev(MEM_MAJOR, "mem", &memory_fops);

	for (unsigned int i = 0; i < ARRAY_SIZE(devlist) && err >= 0; i++)
		err = devtmpfs_create(devlist[i].name, MKDEV(MEM_MAJOR, devlist[i].minor));
	return err < 0 ? err : 0;
}
module_init(chr_dev_init);
