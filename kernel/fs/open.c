/*
 * open() and close(). A path is /dev/NAME (kernel/fs/char_dev.c),
 * /proc/NAME (kernel/fs/proc.c), or a file of the initrd (kernel/fs/rootfs.c). The new
 * struct file starts with the node's operations, and the driver's open may
 * change them (by minor) or refuse.
 */
#include <linux/err.h>
#include <linux/errno.h>
#include <linux/fs.h>
#include <linux/sched.h>
#include <linux/slab.h>
#include <linux/stat.h>
#include <linux/string.h>
#include <linux/syscalls.h>
#include <linux/uaccess.h>
#include <janus/exec.h>
#include <janus/vfs.h>
#include <uapi/linux/fcntl.h>



static struct inode *lookup(const char *path)
{
	struct inode *dir = dir_lookup(path);

	if (dir)
		return dir;
	if (!strncmp(path, "/dev/", 5))
		return devtmpfs_lookup(path + 5);
	if (!strncmp(path, "/proc/", 6))
		return proc_lookup(path + 6);
	return rootfs_lookup(path);
}

struct file *filp_open(const char *path, unsigned int flags)
{
	struct inode *inode = lookup(path);
	struct file *file;
	int err = 0;

	if (!inode)
		return ERR_PTR(flags & O_CREAT ? -EROFS : -ENOENT);
	if ((flags & O_DIRECTORY) && !(inode->i_fop && inode->i_fop->iterate_shared))
		return ERR_PTR(-ENOTDIR);
	if ((flags & O_ACCMODE) == O_ACCMODE)
		return ERR_PTR(-EINVAL);
	if (S_ISREG(inode->i_mode) && (flags & O_ACCMODE) != O_RDONLY)
		return ERR_PTR(-EROFS); /* the initrd's files are read-only */
	file = alloc_file(inode, flags);
	if (!file)
		return ERR_PTR(-ENOMEM);
	if (file->f_op && file->f_op->open)
		err = file->f_op->open(inode, file);
	if (err) {
		kfree(file);
		return ERR_PTR(err);
	}
	return file;
}

long sys_open(const char __user *upath, unsigned int flags)
{
	char path[PATH_MAX];
	long len = strncpy_from_user(path, upath, sizeof(path));
	struct file *file;
	int fd;

	if (len < 0)
		return len;
	if (len == sizeof(path))
		return -ENAMETOOLONG;
	file = filp_open(path, flags);
	if (IS_ERR(file))
		return PTR_ERR(file);
	fd = fd_install_new(file);
	if (fd < 0)
		fput(file);
	return fd;
}

long sys_close(unsigned int fd)
{
	return fd_close(fd);
}
