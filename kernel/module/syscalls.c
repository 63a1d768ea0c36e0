/*
 * The module system calls, Linux's numbers: init_module and finit_module copy
 * the .ko and its parameters in and call load_module(); delete_module copies
 * the name in and calls delete_module() (main.c).
 */
#include <asm/extable.h>
#include <linux/err.h>
#include <linux/errno.h>
#include <linux/fs.h>
#include <linux/kernel.h>
#include <linux/module.h>
#include <linux/sched.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/syscalls.h>
#include <linux/uaccess.h>
#include <linux/vmalloc.h>
#include <janus/log.h>
#include <janus/vfs.h>
#include <uapi/linux/module.h>
#include <uapi/linux/fcntl.h>
#include "internal.h"

/* The parameter string, copied in (NULL: none). */
static char *copy_module_args(const char __user *uargs)
{
	char *buf, *args;
	long len;

	if (!uargs)
		return kzalloc(1, GFP_KERNEL) ?: ERR_PTR(-ENOMEM);
	buf = kmalloc(PAGE_SIZE, GFP_KERNEL);
	if (!buf)
		return ERR_PTR(-ENOMEM);
	len = strncpy_from_user(buf, uargs, PAGE_SIZE);
	if (len < 0 || len == PAGE_SIZE) {
		kfree(buf);
		return ERR_PTR(len < 0 ? -EFAULT : -E2BIG);
	}
	args = kmalloc(len + 1, GFP_KERNEL);
	if (args)
		memcpy(args, buf, len + 1);
	kfree(buf);
	return args ?: ERR_PTR(-ENOMEM);
}

/**
 * sys_init_module() - The init_module system call (128): load a module from memory.
 * @umod:  the .ko image in user memory
 * @len:   its length (at most 8 MiB)
 * @uargs: its parameters, "name=value ..." (may be NULL)
 *
 * Context: process context (a system call); may sleep.
 * Return: 0, -EFAULT, -EFBIG, -E2BIG, or what load_module() returns.
 */
long sys_init_module(void __user *umod, unsigned long len, const char __user *uargs)
{
	char *args;
	void *image;

	if (len < sizeof(Elf32_Ehdr))
		return -ENOEXEC;
	if (len > MODULE_MAX_IMAGE)
		return -EFBIG;
	args = copy_module_args(uargs);
	if (IS_ERR(args))
		return PTR_ERR(args);
	image = vmalloc(len);
	if (!image) {
		kfree(args);
		return -ENOMEM;
	}
	if (copy_from_user(image, umod, len)) {
		vfree(image);
		kfree(args);
		return -EFAULT;
	}
	return load_module(image, len, args);
}

/**
 * sys_finit_module() - The finit_module system call (350): load a module from a file.
 * @fd:    an open regular file (an initrd file)
 * @uargs: its parameters (may be NULL)
 * @flags: MODULE_INIT_IGNORE_MODVERSIONS (nothing to ignore) or
 *         MODULE_INIT_IGNORE_VERMAGIC (refused: no forced loads)
 *
 * Context: process context (a system call); may sleep.
 * Return: 0, -EBADF, -EINVAL (unknown flags, not a regular file), or what load_module() returns.
 */
long sys_finit_module(int fd, const char __user *uargs, int flags)
{
	struct file *file;
	void *image;
	size_t size;
	char *args;
	int err;

	if (flags & ~(MODULE_INIT_IGNORE_MODVERSIONS | MODULE_INIT_IGNORE_VERMAGIC))
		return -EINVAL;
	if (flags & MODULE_INIT_IGNORE_VERMAGIC) {
		pr_err("finit_module: ignoring the version magic is not allowed (no forced loads)\n");
		return -ENOEXEC;
	}
	file = fget(fd);
	if (!file || (file->f_flags & O_ACCMODE) == O_WRONLY)
		return -EBADF;
	err = kernel_read_file(file, &image, MODULE_MAX_IMAGE, &size);
	if (err)
		return err;
	args = copy_module_args(uargs);
	if (IS_ERR(args)) {
		vfree(image);
		return PTR_ERR(args);
	}
	return load_module(image, size, args);
}

/**
 * sys_delete_module() - The delete_module system call (129): unload a module.
 * @name_user: its name, in user memory
 * @flags:     O_NONBLOCK, O_TRUNC
 *
 * Context: process context (a system call); may sleep.
 * Return: what delete_module() returns, or -EFAULT.
 */
long sys_delete_module(const char __user *name_user, unsigned int flags)
{
	char name[MODULE_NAME_LEN];
	long len = strncpy_from_user(name, name_user, sizeof(name));

	if (len < 0)
		return -EFAULT;
	name[sizeof(name) - 1] = '\0';
	return delete_module(name, flags);
}
