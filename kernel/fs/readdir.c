/*
 * Directories and getdents64: what `ls` reads. Janus has four, each a list
 * some subsystem keeps: / (bin, dev, proc), /bin (the initrd's programs),
 * /dev (kernel/fs/char_dev.c's nodes) and /proc (the tree of
 * kernel/fs/proc_generic.c: the kernel's listings and what drivers made
 * with proc_create/proc_mkdir; it lists the directories below too). A
 * directory's file position is the index of the next entry.
 */
#include <linux/errno.h>
#include <linux/fs.h>
#include <linux/kernel.h>
#include <linux/stddef.h>
#include <linux/string.h>
#include <linux/syscalls.h>
#include <linux/uaccess.h>
#include <janus/initrd.h>
#include <janus/vfs.h>

struct dir {
	const char *path;
	const char *(*name_at)(unsigned int i, unsigned int *type); /* its own, if any */
	/* The entries after name_at's last one, if others keep some. */
	void (*readdir_more)(struct dir_context *ctx, loff_t first);
	struct inode inode;
};

static const char *root_name_at(unsigned int i, unsigned int *type)
{
	static const char *const names[] = { "bin", "dev", "proc" };

	*type = DT_DIR;
	return i < ARRAY_SIZE(names) ? names[i] : NULL;
}

/* The initrd's files under bin/ (the archive holds nothing else today). */
static const char *bin_name_at(unsigned int i, unsigned int *type)
{
	const char *name;

	*type = DT_REG;
	for (unsigned int k = 0; (name = initrd_name_at(k)); k++)
		if (!strncmp(name, "bin/", 4) && !strchr(name + 4, '/') && !i--)
			return name + 4;
	return NULL;
}

static const char *dev_name_at(unsigned int i, unsigned int *type)
{
	*type = DT_CHR;
	return devtmpfs_name_at(i);
}

/* The position after the directory's own entries. */
static loff_t own_entries_end(const struct dir *d)
{
	unsigned int type, n = 0;

	while (d->name_at && d->name_at(n, &type))
		n++;
	return 2 + n;
}

/* Entries 0 and 1 are "." and ".."; then the directory's own; then others'. */
static int dir_iterate(struct file *file, struct dir_context *ctx)
{
	struct dir *d = container_of(file->f_inode, struct dir, inode);

	for (;; ctx->pos++) {
		unsigned int type = DT_DIR;
		const char *name = ctx->pos < 2 ? ".." + (ctx->pos == 0) :
				   d->name_at ? d->name_at(ctx->pos - 2, &type) : NULL;

		if (!name) {
			if (d->readdir_more)
				d->readdir_more(ctx, own_entries_end(d));
			return 0;
		}
		if (!dir_emit(ctx, name, strnlen(name, 100), ctx->pos + 1, type))
			return 0;
	}
}

static ssize_t dir_read(struct file *file, char __user *buf, size_t count, loff_t *ppos)
{
	(void)file, (void)buf, (void)count, (void)ppos;
	return -EISDIR;
}

static const struct file_operations dir_fops = { .read = dir_read, .iterate_shared = dir_iterate };

static struct dir dirs[] = {
	{ "/", root_name_at, NULL, { .i_fop = &dir_fops } },
	{ "/bin", bin_name_at, NULL, { .i_fop = &dir_fops } },
	{ "/dev", dev_name_at, NULL, { .i_fop = &dir_fops } },
	{ "/proc", NULL, proc_root_readdir, { .i_fop = &dir_fops } },
};

/**
 * dir_lookup() - The directory at @path ("/bin", "/bin/", "/").
 * @path: an absolute path
 *
 * Context: any context.
 * Return: its inode, or NULL if @path is not one of Janus's directories.
 */
struct inode *dir_lookup(const char *path)
{
	size_t len = strlen(path);

	while (len > 1 && path[len - 1] == '/')
		len--;
	for (unsigned int i = 0; i < ARRAY_SIZE(dirs); i++)
		if (strlen(dirs[i].path) == len && !strncmp(dirs[i].path, path, len))
			return &dirs[i].inode;
	return NULL;
}

/* Linux's record: the fixed part, then the NUL-terminated name, 8-aligned. */
struct linux_dirent64 {
	u64 d_ino;
	s64 d_off;
	u16 d_reclen;
	u8 d_type;
	char d_name[];
} __attribute__((packed));

struct getdents_callback {
	struct dir_context ctx;
	char __user *buf;
	unsigned int left, used;
	int error;
};

static bool filldir64(struct dir_context *ctx, const char *name, int namelen, loff_t offset,
		      u64 ino, unsigned int type)
{
	struct getdents_callback *cb = container_of(ctx, struct getdents_callback, ctx);
	unsigned int reclen = ALIGN(offsetof(struct linux_dirent64, d_name) + namelen + 1, 8);
	char rec[offsetof(struct linux_dirent64, d_name) + 128] = { 0 };
	struct linux_dirent64 *d = (struct linux_dirent64 *)rec;

	if (reclen > cb->left || reclen > sizeof(rec)) {
		if (!cb->used)
			cb->error = -EINVAL; /* not even one entry fits */
		return false;
	}
	d->d_ino = ino;
	d->d_off = offset + 1;
	d->d_reclen = reclen;
	d->d_type = type;
	memcpy(d->d_name, name, namelen);
	if (copy_to_user(cb->buf, rec, reclen)) {
		cb->error = -EFAULT;
		return false;
	}
	cb->buf += reclen;
	cb->left -= reclen;
	cb->used += reclen;
	return true;
}

/**
 * sys_getdents64() - The getdents64(2) system call: a directory's entries.
 * @fd:    an open directory
 * @dirent: where to put them, as struct linux_dirent64 records
 * @count: the room there
 *
 * Context: process context (a system call).
 * Return: the bytes filled, 0 at the end of the directory; -EBADF,
 * -ENOTDIR, -EINVAL (not even one entry fits), -EFAULT.
 */
long sys_getdents64(unsigned int fd, void __user *dirent, unsigned int count)
{
	struct file *file = fget(fd);
	struct getdents_callback cb = { .ctx.actor = filldir64, .buf = dirent, .left = count };

	if (!file)
		return -EBADF;
	if (!file->f_op || !file->f_op->iterate_shared)
		return -ENOTDIR;
	if (!access_ok(dirent, count))
		return -EFAULT;
	cb.ctx.pos = file->f_pos;
	file->f_op->iterate_shared(file, &cb.ctx);
	file->f_pos = cb.ctx.pos;
	return cb.used ? (long)cb.used : cb.error;
}
