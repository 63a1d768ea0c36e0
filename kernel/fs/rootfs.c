/*
 * The root file system: the initrd's files (kernel/initrd.c), read-only.
 * Opening "/bin/hello" or "/lib/modules/hello.ko" finds the file in the
 * archive and gives it an inode (made once, kept: the archive never
 * changes) whose bytes are the archive's; read() copies from them.
 */
#include <linux/errno.h>
#include <linux/fs.h>
#include <linux/kernel.h>
#include <linux/mutex.h>
#include <linux/slab.h>
#include <linux/stat.h>
#include <linux/string.h>
#include <linux/uaccess.h>
#include <linux/vmalloc.h>
#include <janus/initrd.h>
#include <janus/vfs.h>

struct rootfs_node {
	struct rootfs_node *next;
	struct inode inode;
	char path[]; /* without the leading '/' */
};

static struct rootfs_node *nodes;
static DEFINE_MUTEX(nodes_lock);

static ssize_t rootfs_read(struct file *file, char __user *buf, size_t count, loff_t *ppos)
{
	const struct inode *inode = file->f_inode;
	size_t left;

	if (*ppos >= inode->i_size)
		return 0;
	count = min(count, (size_t)(inode->i_size - *ppos));
	left = copy_to_user(buf, (const char *)inode->i_private + *ppos, count);
	if (left == count)
		return -EFAULT;
	*ppos += count - left;
	return count - left;
}

static const struct file_operations rootfs_file_fops = {
	.read = rootfs_read,
};

struct inode *rootfs_lookup(const char *path)
{
	struct rootfs_node *n;
	const void *data;
	size_t size;

	while (*path == '/')
		path++;
	mutex_lock(&nodes_lock);
	for (n = nodes; n; n = n->next)
		if (!strcmp(n->path, path))
			goto out;
	data = initrd_find(path, &size);
	n = data ? kzalloc(sizeof(*n) + strlen(path) + 1, GFP_KERNEL) : NULL;
	if (n) {
		strcpy(n->path, path);
		n->inode = (struct inode){ .i_mode = S_IFREG | 0555, .i_size = size,
					   .i_fop = &rootfs_file_fops, .i_private = (void *)data };
		n->next = nodes;
		nodes = n;
	}
out:
	mutex_unlock(&nodes_lock);
	return n ? &n->inode : NULL;
}

int kernel_read_file(struct file *file, void **buf, size_t max, size_t *size)
{
	const struct inode *inode = file->f_inode;

	/* Regular files all live in memory (the initrd): their bytes are at hand. */
	if (!S_ISREG(inode->i_mode) || !inode->i_private)
		return -EINVAL;
	if (inode->i_size > max)
		return -EFBIG;
	*size = inode->i_size;
	*buf = vmalloc(*size ?: 1);
	if (!*buf)
		return -ENOMEM;
	memcpy(*buf, inode->i_private, *size);
	return 0;
}
