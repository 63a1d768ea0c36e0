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

/**
 * get_file() - Take another reference to an open file.
 * @file: the file
 *
 * Context: any context; does not sleep.
 * Return: @file.
 */
struct file *get_file(struct file *file)
{
	atomic_inc(&file->f_count);
	return file;
}

/**
 * fput() - Drop a reference to a file; the last one calls the driver's release and frees it.
 * @file: the file
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
 * files_alloc() - A new, empty descriptor table.
 *
 * Context: process context; may sleep (GFP_KERNEL).
 * Return: the table, or NULL without memory.
 */
struct files_struct *files_alloc(void)
{
	return kzalloc(sizeof(struct files_struct), GFP_KERNEL);
}

/**
 * files_open_stdio() - Fill descriptors 0-2: the parent's if it has them, else /dev/ttyS0.
 * @files:  the new table
 * @parent: the parent's table, or NULL
 *
 * Context: process context; may sleep.
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

/**
 * files_release() - Close every descriptor of a table and free it.
 * @files: the table
 *
 * Context: process context (exit); may sleep (fput()).
 */
void files_release(struct files_struct *files)
{
	for (int fd = 0; fd < NR_OPEN_DEFAULT; fd++)
		if (files->fd[fd])
			fput(files->fd[fd]);
	kfree(files);
}

/**
 * fd_install_new() - Put @file in the current process's lowest free descriptor.
 * @file: the file; the table takes over the caller's reference
 *
 * Context: process context, the process itself (its table has no lock:
 * one thread per process); does not sleep.
 * Return: the descriptor, or -EMFILE if the table is full (or there is none).
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
 * fget() - The file behind descriptor @fd of the current process.
 * @fd: the descriptor
 *
 * Unlike Linux's, it takes no reference: the process's own table cannot
 * change under it (one thread per process).
 *
 * Context: process context, the process itself; does not sleep.
 * Return: the file, or NULL.
 */
struct file *fget(unsigned int fd)
{
	struct files_struct *files = current->files;

	return files && fd < NR_OPEN_DEFAULT ? files->fd[fd] : NULL;
}

/**
 * fd_close() - Close descriptor @fd of the current process.
 * @fd: the descriptor
 *
 * Context: process context; may sleep (fput()).
 * Return: 0, or -EBADF.
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
