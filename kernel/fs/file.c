/*
 * Open files and descriptor tables. A struct file is shared by every
 * descriptor that points at it (fork copies the table, dup2 copies a
 * descriptor, a spawned process inherits its parent's stdio); the last fput
 * calls the driver's release. Processes have one thread each, so a
 * process's own table needs no lock.
 */
#include <linux/err.h>
#include <linux/errno.h>
#include <linux/fs.h>
#include <linux/module.h>
#include <linux/sched.h>
#include <linux/slab.h>
#include <janus/vfs.h>
#include <linux/syscalls.h>
#include <uapi/linux/fcntl.h>

/**
 * alloc_file() - A new open file of @inode, not yet opened by its driver.
 * @inode: what it is a file of (its i_fop become the file's operations)
 * @flags: the open flags (O_RDONLY, O_WRONLY, O_RDWR, O_NONBLOCK...)
 *
 * Context: process context; may sleep (allocates).
 * Return: the file with one reference, or NULL if out of memory.
 */
struct file *alloc_file(struct inode *inode, unsigned int flags)
{
	struct file *file = kzalloc(sizeof(*file), GFP_KERNEL);

	if (!file)
		return NULL;
	*file = (struct file){ .f_op = inode->i_fop, .f_inode = inode, .f_flags = flags };
	atomic_set(&file->f_count, 1);
	return file;
}

/**
 * get_file() - Take one more reference to an open file.
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
			tty = filp_open("/dev/ttyS0", O_RDWR | O_NOCTTY);
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
 * files_dup() - A forked process's descriptor table: a copy of @old.
 * @old: the parent's table
 *
 * Both tables point at the same open files, one more reference each.
 *
 * Context: process context; may sleep (allocates).
 * Return: the copy, or NULL if out of memory.
 */
struct files_struct *files_dup(struct files_struct *old)
{
	struct files_struct *files = files_alloc();

	for (int fd = 0; files && fd < NR_OPEN_DEFAULT; fd++)
		if (old->fd[fd])
			files->fd[fd] = get_file(old->fd[fd]);
	return files;
}

/**
 * files_release() - Close every descriptor of a table and free it: a process exits.
 * @files: the table
 *
 * Context: process context; may sleep (fput() of the last references).
 */
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

/**
 * sys_dup() - The dup(2) system call: another descriptor of the same open file.
 * @oldfd: the descriptor to copy
 *
 * Context: process context (a system call).
 * Return: the lowest free descriptor, -EBADF or -EMFILE.
 */
long sys_dup(unsigned int oldfd)
{
	struct file *file = fget(oldfd);
	int fd;

	if (!file)
		return -EBADF;
	fd = fd_install_new(get_file(file));
	if (fd < 0)
		fput(file);
	return fd;
}

/**
 * sys_dup2() - The dup2(2) system call: @newfd becomes a copy of @oldfd.
 * @oldfd: the descriptor to copy
 * @newfd: where to; the file it had is closed first (a shell's redirection)
 *
 * Context: process context (a system call); may sleep (the closed file's release).
 * Return: @newfd, or -EBADF.
 */
long sys_dup2(unsigned int oldfd, unsigned int newfd)
{
	struct file *file = fget(oldfd), *old;

	if (!file || newfd >= NR_OPEN_DEFAULT)
		return -EBADF;
	if (oldfd == newfd)
		return newfd;
	old = current->files->fd[newfd];
	current->files->fd[newfd] = get_file(file);
	if (old)
		fput(old);
	return newfd;
}
