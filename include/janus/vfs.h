/*
 * Janus's small file namespace (kernel/fs/): /dev holds the device nodes
 * (kernel/fs/char_dev.c), /proc the read-only listings (kernel/fs/proc.c).
 * There is no general file system: the programs come from the initrd
 * (kernel/initrd.c), which spawn reads directly.
 */
#ifndef _JANUS_VFS_H
#define _JANUS_VFS_H
#include <linux/fs.h>

#define NR_OPEN_DEFAULT 16

/* A process's descriptors. */
struct files_struct {
	struct file *fd[NR_OPEN_DEFAULT];
};

/* /dev/NAME -> a device number, and its inode (char_dev.c). */
struct inode *devtmpfs_lookup(const char *name);
int devtmpfs_create(const char *name, dev_t dev);
/* Takes /dev/NAME away (open files keep working); -ENOENT if there is none. */
int devtmpfs_remove(const char *name);
/* Registers a major without publishing a node (drivers with several minors). */
int __register_chrdev(unsigned int major, const char *name, const struct file_operations *fops);
/* /proc/PATH (kernel/fs/proc_generic.c), held until proc_put() or an open
 * file's release. */
struct inode *proc_lookup(const char *path);
void proc_put(struct inode *inode);
/* getdents64 of /proc: the tree's top entries (proc_generic.c). */
struct dir_context;
void proc_root_readdir(struct dir_context *ctx, loff_t first);
/* The i-th entry of /dev: for listing it; NULL past the last. */
const char *devtmpfs_name_at(unsigned int i);
/* The directories /, /bin, /dev, /proc (kernel/fs/readdir.c), or NULL. */
struct inode *dir_lookup(const char *path);

/**
 * rootfs_lookup() - Find a file of the initrd by path (kernel/fs/rootfs.c).
 * @path: e.g. "/lib/modules/hello.ko"
 *
 * Context: process context; may sleep.
 * Return: its inode (kept for good), or NULL if the initrd has no such file.
 */
struct inode *rootfs_lookup(const char *path);
/**
 * kernel_read_file() - Read a whole regular file into a vmalloc buffer.
 * @file: an open regular file
 * @buf:  where the buffer goes (the caller vfree()s it)
 * @max:  the largest file accepted
 * @size: where its length goes
 *
 * What finit_module uses to read a module.
 * Context: process context; may sleep.
 * Return: 0, -EINVAL if @file is not a regular file, -EFBIG, -ENOMEM.
 */
int kernel_read_file(struct file *file, void **buf, size_t max, size_t *size);

/* Opens path for the kernel itself (the stdio of a new process): a file, or ERR_PTR. */
struct file *filp_open(const char *path, unsigned int flags);
/* A new open file of inode (its i_fop), not yet opened by the driver; NULL if out of memory. */
struct file *alloc_file(struct inode *inode, unsigned int flags);
void fput(struct file *file);
struct file *get_file(struct file *file);

/* Descriptor tables (file.c). */
struct files_struct *files_alloc(void);
/* The three standard descriptors for a new process: its parent's, or /dev/ttyS0. */
int files_open_stdio(struct files_struct *files, struct files_struct *parent);
/* A copy of old for a forked process: the same files, one more reference each. NULL if out of memory. */
struct files_struct *files_dup(struct files_struct *old);
void files_release(struct files_struct *files);
int fd_install_new(struct file *file); /* a descriptor of current's, or -EMFILE */
struct file *fget(unsigned int fd);    /* current's file at fd (no reference taken) */
int fd_close(unsigned int fd);

#endif
