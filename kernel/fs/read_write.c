/*
 * read(), write() and ioctl(): find the file behind the descriptor and call
 * its driver, in the calling process's context. A file opened write-only
 * cannot be read and the other way round (-EBADF); a driver without the
 * operation gives -EINVAL (read, write) or -ENOTTY (ioctl), as in Linux.
 */
#include <linux/errno.h>
#include <linux/fs.h>
#include <linux/syscalls.h>
#include <linux/uaccess.h>
#include <janus/vfs.h>
#include <uapi/linux/fcntl.h>

/**
 * sys_read() - The read(2) system call: the driver's read, at the file position.
 * @fd:    the descriptor
 * @buf:   user buffer
 * @count: its size
 *
 * Context: process context (a system call); may sleep (drivers may wait for data).
 * Return: the bytes read (0 at end of file), or -EBADF (no such descriptor,
 * or opened write-only), -EINVAL (no read operation), -EFAULT, or the
 * driver's error.
 */
long sys_read(unsigned int fd, char __user *buf, size_t count)
{
	struct file *file = fget(fd);

	if (!file || (file->f_flags & O_ACCMODE) == O_WRONLY)
		return -EBADF;
	if (!file->f_op || !file->f_op->read)
		return -EINVAL;
	if (!access_ok(buf, count))
		return -EFAULT;
	return file->f_op->read(file, buf, count, &file->f_pos);
}

/**
 * sys_write() - The write(2) system call: the driver's write, at the file position.
 * @fd:    the descriptor
 * @buf:   user buffer
 * @count: bytes to write
 *
 * Context: process context (a system call); may sleep.
 * Return: the bytes written, or -EBADF (no such descriptor, or opened
 * read-only), -EINVAL (no write operation), -EFAULT, or the driver's error.
 */
long sys_write(unsigned int fd, const char __user *buf, size_t count)
{
	struct file *file = fget(fd);

	if (!file || (file->f_flags & O_ACCMODE) == O_RDONLY)
		return -EBADF;
	if (!file->f_op || !file->f_op->write)
		return -EINVAL;
	if (!access_ok(buf, count))
		return -EFAULT;
	return file->f_op->write(file, buf, count, &file->f_pos);
}

/**
 * sys_ioctl() - The ioctl(2) system call: the driver's unlocked_ioctl.
 * @fd:  the descriptor
 * @cmd: the driver's command number
 * @arg: its argument (often a user pointer)
 *
 * Context: process context (a system call); may sleep.
 * Return: the driver's result, -EBADF, or -ENOTTY if the driver has no ioctl.
 */
long sys_ioctl(unsigned int fd, unsigned int cmd, unsigned long arg)
{
	struct file *file = fget(fd);

	if (!file)
		return -EBADF;
	if (!file->f_op || !file->f_op->unlocked_ioctl)
		return -ENOTTY;
	return file->f_op->unlocked_ioctl(file, cmd, arg);
}
