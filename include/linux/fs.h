/*
 * Files and character devices, the Linux shape (kernel/fs/). A driver fills a
 * struct file_operations and registers it for a major number with
 * register_chrdev(); Janus then also publishes /dev/NAME for minor 0 (what
 * udev would do). A process's open() of /dev/NAME gets a struct file whose
 * f_op are those operations; read, write, ioctl and close call them in the
 * process's context, on its behalf: they may sleep. (Like Linux's, this
 * header brings the scheduler and time API with it: a driver's read can
 * set_current_state() and schedule_timeout(HZ) with nothing more included.)
 */
#ifndef _LINUX_FS_H
#define _LINUX_FS_H
#include <asm/atomic.h>
#include <linux/compiler.h>
#include <linux/jiffies.h>
#include <linux/sched.h>
#include <linux/types.h>
#include <linux/wait.h>
#include <janus/callsite.h>

#define MINORBITS 20
#define MINORMASK ((1u << MINORBITS) - 1)
#define MAJOR(dev) ((unsigned int)((dev) >> MINORBITS))
#define MINOR(dev) ((unsigned int)((dev) & MINORMASK))
#define MKDEV(ma, mi) (((ma) << MINORBITS) | (mi))

#define CHRDEV_MAJOR_MAX 256
#define CHRDEV_MAJOR_DYN_END 234 /* dynamic majors are handed out from 254 down to here */

struct module;
struct module_holder;
struct file;
struct dir_context;

struct inode {
	umode_t i_mode;                      /* S_IFCHR, S_IFREG, S_IFDIR and permissions */
	loff_t i_size;                       /* a regular file's length */
	dev_t i_rdev;                        /* the device this node stands for */
	const struct file_operations *i_fop; /* what open() starts from */
	void *i_private;
};

struct file_operations {
	struct module *owner;
	ssize_t (*read)(struct file *file, char __user *buf, size_t count, loff_t *ppos);
	ssize_t (*write)(struct file *file, const char __user *buf, size_t count, loff_t *ppos);
	long (*unlocked_ioctl)(struct file *file, unsigned int cmd, unsigned long arg);
	int (*open)(struct inode *inode, struct file *file);
	int (*release)(struct inode *inode, struct file *file);
	/* A directory: emits its entries from ctx->pos on (getdents64). */
	int (*iterate_shared)(struct file *file, struct dir_context *ctx);
};

/* Reading a directory: iterate_shared calls dir_emit for each entry from
 * ctx->pos on, counting pos up, until dir_emit says the caller's buffer is full. */
#define DT_UNKNOWN 0
#define DT_CHR 2
#define DT_DIR 4
#define DT_REG 8
typedef bool (*filldir_t)(struct dir_context *ctx, const char *name, int namelen, loff_t offset,
			  u64 ino, unsigned int type);
struct dir_context {
	filldir_t actor;
	loff_t pos;
};

/**
 * dir_emit() - Hand one directory entry to the reader of a directory.
 * @ctx:     the reader's context (its actor copies the entry out)
 * @name:    the entry's name
 * @namelen: its length
 * @ino:     its inode number
 * @type:    DT_CHR, DT_DIR or DT_REG
 *
 * Context: process context (getdents64); may sleep (the actor copies to user memory).
 * Return: true if the entry was taken, false when the caller's buffer is full.
 */
static inline bool dir_emit(struct dir_context *ctx, const char *name, int namelen, u64 ino,
			    unsigned int type)
{
	return ctx->actor(ctx, name, namelen, ctx->pos, ino, type);
}

struct file {
	const struct file_operations *f_op;
	struct inode *f_inode;
	loff_t f_pos;
	unsigned int f_flags; /* O_RDONLY, O_WRONLY or O_RDWR */
	void *private_data;   /* the driver's */
	struct module_holder *f_hold; /* keeps f_op's module loaded while open */
	atomic_t f_count;     /* descriptors that point here */
};

/**
 * iminor() - The minor number of a device inode.
 * @inode: the inode
 *
 * Context: any context; does not sleep.
 * Return: the minor.
 */
static inline unsigned int iminor(const struct inode *inode) { return MINOR(inode->i_rdev); }
/**
 * imajor() - The major number of a device inode.
 * @inode: the inode
 *
 * Context: any context; does not sleep.
 * Return: the major.
 */
static inline unsigned int imajor(const struct inode *inode) { return MAJOR(inode->i_rdev); }
/**
 * file_inode() - The inode an open file refers to.
 * @f: the file
 *
 * Context: any context; does not sleep.
 * Return: its inode.
 */
static inline struct inode *file_inode(const struct file *f) { return f->f_inode; }

/**
 * register_chrdev_at() - Register a character driver's major and publish /dev/@name (minor 0).
 * @major: the major, or 0 for a free one
 * @name:  the driver's name, also its /dev node's
 * @fops:  its file operations, for every minor
 * @site:  the caller's file and line (register_chrdev() passes CALLSITE())
 *
 * Context: process context (a driver's init); may sleep.
 * Return: with @major 0 the major picked, else 0; -EBUSY if taken, -EINVAL if out of range.
 */
int register_chrdev_at(unsigned int major, const char *name, const struct file_operations *fops,
		       const struct callsite *site);
/* Linux's call; the macro also records the caller's file and line, which an
 * unload that forgot unregister_chrdev names (kernel/module/leftovers.c). */
#define register_chrdev(major, name, fops) \
	register_chrdev_at(major, name, fops, CALLSITE("register_chrdev"))
void unregister_chrdev(unsigned int major, const char *name);

#endif
