/*
 * open() and close(). A path is a directory (kernel/fs/readdir.c), /dev/NAME
 * (kernel/fs/char_dev.c), /proc/PATH (kernel/fs/proc_generic.c), or a file of
 * the initrd (kernel/fs/rootfs.c). The new
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



/* The inode at path; *held says it is a /proc entry proc_lookup() holds. */
static struct inode *lookup(const char *path, bool *held)
{
	struct inode *dir = dir_lookup(path);

	*held = false;
	if (dir)
		return dir;
	if (!strncmp(path, "/dev/", 5))
		return devtmpfs_lookup(path + 5);
	if (!strncmp(path, "/proc/", 6)) {
		*held = true; /* a removal cannot free it under us */
		return proc_lookup(path + 6);
	}
	return rootfs_lookup(path);
}

static struct file *open_inode(struct inode *inode, unsigned int flags)
{
	struct file *file;
	int err = 0;

	if ((flags & O_DIRECTORY) && !(inode->i_fop && inode->i_fop->iterate_shared))
		return ERR_PTR(-ENOTDIR);
	if ((flags & O_ACCMODE) == O_ACCMODE)
		return ERR_PTR(-EINVAL);
	if (S_ISREG(inode->i_mode) && (flags & O_ACCMODE) != O_RDONLY && !inode->i_fop->write)
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

/**
 * filp_open() - Open a file by path for the kernel itself.
 * @path:  /dev/NAME, /proc/NAME or a file of the initrd
 * @flags: O_RDONLY, O_WRONLY or O_RDWR (the initrd's files: read-only)
 *
 * The file starts with its node's operations; the driver's open may change
 * them or refuse.
 *
 * Context: process context; may sleep (allocates; the driver's open).
 * Return: the file with one reference, or ERR_PTR(-ENOENT, -EINVAL, -EROFS,
 * -ENOMEM or the driver's error).
 */
struct file *filp_open(const char *path, unsigned int flags)
{
	bool held;
	struct inode *inode = lookup(path, &held);
	struct file *file;

	if (!inode)
		return ERR_PTR(flags & O_CREAT ? -EROFS : -ENOENT);
	file = open_inode(inode, flags);
	if (IS_ERR(file) && held)
		proc_put(inode); /* an open /proc file holds it until release */
	return file;
}

/**
 * sys_open() - The open(2) system call.
 * @upath: the path, in user memory
 * @flags: as for filp_open()
 *
 * Context: process context (a system call); may sleep.
 * Return: the new descriptor, -EFAULT, -ENAMETOOLONG, -EMFILE or filp_open()'s error.
 */
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

/**
 * sys_close() - The close(2) system call.
 * @fd: the descriptor
 *
 * Context: process context (a system call); may sleep (the driver's release).
 * Return: 0, or -EBADF.
 */
long sys_close(unsigned int fd)
{
	return fd_close(fd);
}
