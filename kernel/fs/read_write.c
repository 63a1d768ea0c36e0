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
 * sys_read() - The read(2) system call: the driver's read, in the caller's context.
 * @fd:    the descriptor
 * @buf:   where the bytes go, in user memory
 * @count: at most this many
 *
 * Context: process context (a system call); may sleep (the driver may wait for data).
 * Return: the bytes read (0 at the end), -EBADF, -EINVAL, -EFAULT or the driver's error.
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
 * sys_write() - The write(2) system call: the driver's write, in the caller's context.
 * @fd:    the descriptor
 * @buf:   the bytes, in user memory
 * @count: how many
 *
 * Context: process context (a system call); may sleep (the driver may wait for room).
 * Return: the bytes written, -EBADF, -EINVAL, -EFAULT or the driver's error.
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
 * @cmd: the driver's command
 * @arg: its argument (often a user pointer)
 *
 * Context: process context (a system call); may sleep.
 * Return: the driver's result, -EBADF, or -ENOTTY if it has no ioctl.
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
