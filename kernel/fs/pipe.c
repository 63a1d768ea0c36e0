/*
 * Pipes: a 4 KiB ring between the processes of a pipeline, `a | b`. A
 * reader sleeps while the ring is empty and gets 0 (end of file) once no
 * writer is left; a writer sleeps while it is full, and gets -EPIPE and
 * SIGPIPE once no reader is left. A write of at most PIPE_BUF bytes goes in
 * whole, never interleaved with another writer's. Both ends are struct
 * files of one pipe (pipe(2) makes them; fork and dup2 share them); the
 * pipe goes when the last of them is closed.
 */
#include <linux/errno.h>
#include <linux/fs.h>
#include <linux/gfp.h>
#include <linux/kernel.h>
#include <linux/mm.h>
#include <linux/mutex.h>
#include <linux/sched/signal.h>
#include <linux/slab.h>
#include <linux/syscalls.h>
#include <linux/uaccess.h>
#include <linux/wait.h>
#include <janus/vfs.h>
#include <uapi/linux/fcntl.h>

#define PIPE_SIZE PAGE_SIZE
#define PIPE_BUF PAGE_SIZE /* writes up to this size are atomic (POSIX, Linux: 4096) */

struct pipe_inode_info {
	struct mutex mutex;      /* the ring and the counts */
	wait_queue_head_t rd_wait, wr_wait;
	unsigned int head, tail; /* free-running: head - tail bytes wait */
	unsigned int readers, writers; /* open files of each end */
	unsigned char *buf;      /* one page */
	struct inode inode;
};

static struct pipe_inode_info *pipe_of(struct file *file)
{
	return container_of(file->f_inode, struct pipe_inode_info, inode);
}

/* Copies between the ring at offset `at` and user memory, wrapping at most once. */
static int ring_copy(struct pipe_inode_info *pipe, unsigned int at, void __user *ubuf, size_t n,
		     bool to_user)
{
	size_t start = at % PIPE_SIZE, first = min(n, PIPE_SIZE - start);
	unsigned long left;

	if (to_user)
		left = copy_to_user(ubuf, pipe->buf + start, first) ||
		       (n > first && copy_to_user((char __user *)ubuf + first, pipe->buf, n - first));
	else
		left = copy_from_user(pipe->buf + start, ubuf, first) ||
		       (n > first &&
			copy_from_user(pipe->buf, (const char __user *)ubuf + first, n - first));
	return left ? -EFAULT : 0;
}

/* Wakes whoever sleeps on @wq, without taking its lock when nobody does.
 * The barrier pairs with the one in the sleeper's set_current_state(): either
 * it sees the ring as the caller left it, or the caller sees it queued. */
static void wake_sleepers(wait_queue_head_t *wq)
{
	smp_mb();
	if (waitqueue_active(wq))
		wake_up_interruptible_all(wq);
}

static bool readable(struct pipe_inode_info *pipe)
{
	return READ_ONCE(pipe->head) != READ_ONCE(pipe->tail) || !READ_ONCE(pipe->writers);
}

static ssize_t pipe_read(struct file *file, char __user *buf, size_t count, loff_t *ppos)
{
	struct pipe_inode_info *pipe = pipe_of(file);
	ssize_t ret;

	(void)ppos;
	if (!count)
		return 0;
	/* Wait without the mutex (the writer wakes rd_wait once it has let go
	 * of it), then take it and look again: another reader may have been
	 * faster. */
	for (;;) {
		if (!readable(pipe)) {
			if (file->f_flags & O_NONBLOCK)
				return -EAGAIN;
			if (wait_event_interruptible(pipe->rd_wait, readable(pipe)))
				return -ERESTARTSYS;
		}
		mutex_lock(&pipe->mutex);
		if (pipe->head != pipe->tail || !pipe->writers)
			break;
		mutex_unlock(&pipe->mutex);
	}
	ret = min(count, (size_t)(pipe->head - pipe->tail));
	if (ret && ring_copy(pipe, pipe->tail, buf, ret, true))
		ret = -EFAULT;
	else
		pipe->tail += ret;
	mutex_unlock(&pipe->mutex);
	wake_sleepers(&pipe->wr_wait);
	return ret;
}

/* Room for the next part of a write: all of a small one at once. */
static bool writable(struct pipe_inode_info *pipe, size_t left, size_t done)
{
	size_t space = PIPE_SIZE - (READ_ONCE(pipe->head) - READ_ONCE(pipe->tail));

	return !READ_ONCE(pipe->readers) || space >= (left <= PIPE_BUF && !done ? left : 1);
}

static ssize_t pipe_write(struct file *file, const char __user *buf, size_t count, loff_t *ppos)
{
	struct pipe_inode_info *pipe = pipe_of(file);
	size_t done = 0;
	ssize_t err = 0;

	(void)ppos;
	mutex_lock(&pipe->mutex);
	while (done < count) {
		size_t n;

		if (!pipe->readers) {
			send_sig(SIGPIPE, current, 0);
			err = -EPIPE;
			break;
		}
		if (!writable(pipe, count - done, done)) {
			mutex_unlock(&pipe->mutex);
			wake_sleepers(&pipe->rd_wait); /* for what went in so far */
			if (file->f_flags & O_NONBLOCK)
				return done ? (ssize_t)done : -EAGAIN;
			if (wait_event_interruptible(pipe->wr_wait, writable(pipe, count - done, done)))
				return done ? (ssize_t)done : -ERESTARTSYS;
			mutex_lock(&pipe->mutex);
			continue;
		}
		n = min(count - done, (size_t)(PIPE_SIZE - (pipe->head - pipe->tail)));
		if (ring_copy(pipe, pipe->head, (void __user *)(buf + done), n, false)) {
			err = -EFAULT;
			break;
		}
		pipe->head += n;
		done += n;
	}
	mutex_unlock(&pipe->mutex);
	/* After the unlock: a woken reader on another CPU finds the mutex free. */
	wake_sleepers(&pipe->rd_wait);
	return done ? (ssize_t)done : err;
}

static void free_pipe(struct pipe_inode_info *pipe)
{
	free_page((unsigned long)pipe->buf);
	kfree(pipe);
}

static int pipe_release(struct inode *inode, struct file *file)
{
	struct pipe_inode_info *pipe = container_of(inode, struct pipe_inode_info, inode);
	bool last;

	mutex_lock(&pipe->mutex);
	if ((file->f_flags & O_ACCMODE) == O_RDONLY)
		pipe->readers--;
	else
		pipe->writers--;
	last = !pipe->readers && !pipe->writers;
	mutex_unlock(&pipe->mutex);
	wake_up_interruptible_all(&pipe->rd_wait); /* readers see EOF, writers EPIPE */
	wake_up_interruptible_all(&pipe->wr_wait);
	if (last)
		free_pipe(pipe);
	return 0;
}

static const struct file_operations pipe_fops = {
	.read = pipe_read,
	.write = pipe_write,
	.release = pipe_release,
};

static struct pipe_inode_info *alloc_pipe(void)
{
	struct pipe_inode_info *pipe = kzalloc(sizeof(*pipe), GFP_KERNEL);

	if (!pipe)
		return NULL;
	pipe->buf = (unsigned char *)__get_free_page(GFP_KERNEL);
	if (!pipe->buf) {
		kfree(pipe);
		return NULL;
	}
	mutex_init(&pipe->mutex);
	init_waitqueue_head(&pipe->rd_wait);
	init_waitqueue_head(&pipe->wr_wait);
	pipe->inode.i_fop = &pipe_fops;
	return pipe;
}

/* One end as an open file; the pipe counts it from now on. */
static struct file *open_end(struct pipe_inode_info *pipe, unsigned int flags)
{
	struct file *file = alloc_file(&pipe->inode, flags);

	if (file && (flags & O_ACCMODE) == O_RDONLY)
		pipe->readers++;
	else if (file)
		pipe->writers++;
	return file;
}

/**
 * sys_pipe2() - The pipe2(2) system call: a new pipe as two descriptors.
 * @ufds:  where to put them: [0] the read end, [1] the write end (the lowest free ones)
 * @flags: 0, or O_NONBLOCK for both ends
 *
 * Context: process context (a system call); may sleep (allocates).
 * Return: 0; -EINVAL for other flags, -ENOMEM, -EMFILE, -EFAULT.
 */
long sys_pipe2(int __user *ufds, int flags)
{
	struct pipe_inode_info *pipe;
	struct file *rd, *wr;
	int fds[2];

	if (flags & ~O_NONBLOCK)
		return -EINVAL;
	pipe = alloc_pipe();
	if (!pipe)
		return -ENOMEM;
	rd = open_end(pipe, O_RDONLY | flags);
	wr = open_end(pipe, O_WRONLY | flags);
	if (!rd || !wr) {
		if (!rd && !wr)
			free_pipe(pipe);
		else
			fput(rd ?: wr); /* the last end: it frees the pipe */
		return -ENOMEM;
	}
	fds[0] = fd_install_new(rd);
	fds[1] = fds[0] < 0 ? -EMFILE : fd_install_new(wr);
	if (fds[1] < 0) {
		if (fds[0] >= 0)
			fd_close(fds[0]);
		else
			fput(rd);
		fput(wr);
		return -EMFILE;
	}
	if (put_user(fds[0], ufds) || put_user(fds[1], ufds + 1)) {
		fd_close(fds[0]);
		fd_close(fds[1]);
		return -EFAULT;
	}
	return 0;
}

/**
 * sys_pipe() - The pipe(2) system call: pipe2() without flags.
 * @ufds: where to put the two descriptors
 *
 * Context: process context (a system call); may sleep.
 * Return: as sys_pipe2().
 */
long sys_pipe(int __user *ufds)
{
	return sys_pipe2(ufds, 0);
}
