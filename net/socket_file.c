/*
 * The socket as a file: the descriptor a socket gets, and read(), write(),
 * ioctl() and close() on it, which go to its family's proto_ops.
 */
#include <linux/err.h>
#include <linux/errno.h>
#include <linux/fs.h>
#include <linux/kernel.h>
#include <linux/net.h>
#include <linux/slab.h>
#include <linux/syscalls.h>
#include <linux/uaccess.h>
#include <janus/vfs.h>
#include <uapi/linux/fcntl.h>
#include "socket_internal.h"

static const struct file_operations socket_file_ops;

static struct socket *sock_from_file(struct file *file)
{
	return file && file->f_op == &socket_file_ops ? file->private_data : NULL;
}

/**
 * sockfd_lookup() - The socket behind a descriptor.
 * @fd: the descriptor
 *
 * Context: process context (the calling task's descriptor table).
 * Return: the socket, or an ERR_PTR: -EBADF for no open @fd, -ENOTSOCK for a file that is no socket.
 */
struct socket *sockfd_lookup(int fd)
{
	struct file *file = fd < 0 ? NULL : fget((unsigned int)fd);

	if (!file)
		return ERR_PTR(-EBADF);
	return sock_from_file(file) ?: ERR_PTR(-ENOTSOCK);
}

/**
 * file_msg_flags() - @flags, with MSG_DONTWAIT if the socket's file is O_NONBLOCK.
 * @sock:  the socket
 * @flags: the caller's MSG_* flags
 *
 * A read or write on the socket waits unless it was opened O_NONBLOCK.
 *
 * Context: any context; does not sleep.
 * Return: the flags a send or receive on @sock uses.
 */
unsigned int file_msg_flags(const struct socket *sock, unsigned int flags)
{
	return sock->file->f_flags & O_NONBLOCK ? flags | MSG_DONTWAIT : flags;
}

static ssize_t sock_read(struct file *file, char __user *buf, size_t count, loff_t *ppos)
{
	struct socket *sock = file->private_data;
	struct iovec iov;
	struct msghdr m;

	(void)ppos;
	msg_single(&m, &iov, buf, count, file_msg_flags(sock, 0));
	return sock->ops->recvmsg(sock, &m);
}

static ssize_t sock_write(struct file *file, const char __user *buf, size_t count, loff_t *ppos)
{
	struct socket *sock = file->private_data;
	struct iovec iov;
	struct msghdr m;

	(void)ppos;
	msg_single(&m, &iov, buf, count, file_msg_flags(sock, 0));
	return sock->ops->sendmsg(sock, &m);
}

static long sock_ioctl(struct file *file, unsigned int cmd, unsigned long arg)
{
	(void)file;
	return dev_ioctl(cmd, (void __user *)arg);
}

static int sock_close(struct inode *inode, struct file *file)
{
	struct socket *sock = file->private_data;

	(void)inode;
	sock->ops->release(sock);
	kfree(sock);
	return 0;
}

static const struct file_operations socket_file_ops = {
	.read = sock_read,
	.write = sock_write,
	.unlocked_ioctl = sock_ioctl,
	.release = sock_close,
};

/**
 * sock_map_fd() - A descriptor for a new socket; on failure the socket is released.
 * @sock:  the socket its family has just created
 * @flags: O_NONBLOCK or 0, the new file's flags besides O_RDWR
 *
 * Context: process context; may sleep.
 * Return: the descriptor, -ENOMEM or -EMFILE.
 */
long sock_map_fd(struct socket *sock, unsigned int flags)
{
	struct file *file = kzalloc(sizeof(*file), GFP_KERNEL);
	int fd;

	if (!file) {
		sock->ops->release(sock);
		kfree(sock);
		return -ENOMEM;
	}
	*file = (struct file){ .f_op = &socket_file_ops, .f_flags = O_RDWR | flags,
			       .private_data = sock };
	atomic_set(&file->f_count, 1);
	sock->file = file;
	fd = fd_install_new(file);
	if (fd < 0)
		fput(file);
	return fd;
}
