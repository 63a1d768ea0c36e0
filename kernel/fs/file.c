/*
 * Open files and descriptor tables. A struct file is shared by every
 * descriptor that points at it (a spawned process inherits its parent's
 * stdio); the last fput calls the driver's release. Processes have one
 * thread each, so a process's own table needs no lock.
 */
#include <linux/err.h>
#include <linux/errno.h>
#include <linux/fs.h>
#include <linux/module.h>
#include <linux/sched.h>
#include <linux/slab.h>
#include <janus/vfs.h>
#include <uapi/linux/fcntl.h>

struct file *get_file(struct file *file)
{
	atomic_inc(&file->f_count);
	return file;
}

/**
 * fput() - Drop a reference to an open file; the last one closes it.
 * @file: the file
 *
 * The last reference calls the driver's release, lets go of the module that
 * provides it and frees the file.
 *
 * Context: process context; may sleep (the driver's release may).
 */
void fput(struct file *file)
{
	if (!atomic_dec_and_test(&file->f_count))
		return;
	if (file->f_op && file->f_op->release)
		file->f_op->release(file->f_inode, file);
	module_unhold(file->f_hold);
	kfree(file);
}

/**
 * files_alloc() - An empty descriptor table, for a new process.
 *
 * Context: process context; may sleep (allocates).
 * Return: the table, or NULL if out of memory.
 */
struct files_struct *files_alloc(void)
{
	return kzalloc(sizeof(struct files_struct), GFP_KERNEL);
}

/**
 * files_open_stdio() - Give a new process descriptors 0, 1 and 2.
 * @files:  the new process's table
 * @parent: its parent's, or NULL: each of the three it has open is shared
 *
 * Those the parent does not have are /dev/ttyS0, opened once for all three.
 *
 * Context: process context; may sleep (opens the terminal).
 * Return: 0, or the error of opening /dev/ttyS0.
 */
int files_open_stdio(struct files_struct *files, struct files_struct *parent)
{
	struct file *tty = NULL;

	for (int fd = 0; fd < 3; fd++) {
		if (parent && parent->fd[fd]) {
			files->fd[fd] = get_file(parent->fd[fd]);
			continue;
		}
		if (!tty) {
			tty = filp_open("/dev/ttyS0", O_RDWR);
			if (IS_ERR(tty))
				return PTR_ERR(tty);
			files->fd[fd] = tty;
		} else {
			files->fd[fd] = get_file(tty);
		}
	}
	return 0;
}

void files_release(struct files_struct *files)
{
	for (int fd = 0; fd < NR_OPEN_DEFAULT; fd++)
		if (files->fd[fd])
			fput(files->fd[fd]);
	kfree(files);
}

/**
 * fd_install_new() - Give @file the lowest free descriptor of current's.
 * @file: an open file; the table takes over the caller's reference
 *
 * Context: process context; does not sleep.
 * Return: the descriptor, or -EMFILE if the table is full (or current has none).
 */
int fd_install_new(struct file *file)
{
	struct files_struct *files = current->files;

	for (int fd = 0; files && fd < NR_OPEN_DEFAULT; fd++) {
		if (!files->fd[fd]) {
			files->fd[fd] = file;
			return fd;
		}
	}
	return -EMFILE;
}

/**
 * fget() - The open file behind one of current's descriptors.
 * @fd: the descriptor
 *
 * No reference is taken: a process has one thread, so nothing closes the
 * file while its own system call uses it.
 *
 * Context: process context; does not sleep.
 * Return: the file, or NULL if @fd is not open.
 */
struct file *fget(unsigned int fd)
{
	struct files_struct *files = current->files;

	return files && fd < NR_OPEN_DEFAULT ? files->fd[fd] : NULL;
}

/**
 * fd_close() - Close one of current's descriptors.
 * @fd: the descriptor
 *
 * Context: process context; may sleep (fput() of the last reference).
 * Return: 0, or -EBADF if @fd is not open.
 */
int fd_close(unsigned int fd)
{
	struct file *file = fget(fd);

	if (!file)
		return -EBADF;
	current->files->fd[fd] = NULL;
	fput(file);
	return 0;
}
