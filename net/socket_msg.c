/*
 * Messages: a user's buffers as a struct msghdr, and the calls that send and
 * receive one (sendto, recvfrom, sendmsg, recvmsg) through the family's proto_ops.
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
#include "socket_internal.h"

/**
 * msg_single() - A message of one user buffer.
 * @m:     the message to fill
 * @iov:   its one buffer (the caller's, it must outlive @m)
 * @buf:   the user's buffer
 * @len:   its length (cut to INT_MAX)
 * @flags: the MSG_* flags
 *
 * Context: any context; does not sleep.
 */
void msg_single(struct msghdr *m, struct iovec *iov, const void __user *buf, size_t len,
		unsigned int flags)
{
	iov->iov_base = (void __user *)buf;
	iov->iov_len = min_t(size_t, len, INT_MAX);
	*m = (struct msghdr){ .msg_iov = iov, .msg_iovlen = 1, .msg_len = iov->iov_len,
			      .msg_flags = flags };
}

int memcpy_from_msg(void *to, const struct msghdr *m, size_t len)
{
	for (unsigned long i = 0; len && i < m->msg_iovlen; i++) {
		size_t n = min_t(size_t, len, m->msg_iov[i].iov_len);

		if (copy_from_user(to, m->msg_iov[i].iov_base, n))
			return -EFAULT;
		to = (char *)to + n;
		len -= n;
	}
	return 0;
}

int memcpy_to_msg(const struct msghdr *m, const void *from, size_t len)
{
	for (unsigned long i = 0; len && i < m->msg_iovlen; i++) {
		size_t n = min_t(size_t, len, m->msg_iov[i].iov_len);

		if (copy_to_user(m->msg_iov[i].iov_base, from, n))
			return -EFAULT;
		from = (const char *)from + n;
		len -= n;
	}
	return 0;
}

/**
 * sys_sendto() - The sendto(2) system call: send one frame or datagram.
 * @fd:      the socket
 * @buf:     the data
 * @len:     its length
 * @flags:   MSG_DONTWAIT
 * @addr:    where to (for AF_PACKET a sockaddr_ll), or NULL: where it is bound
 * @addrlen: the address's length
 *
 * Context: process context; may sleep (waits for room in the driver's ring).
 * Return: @len, or the family's error (-ENXIO, -EMSGSIZE, -ENETDOWN, -EFAULT...).
 */
long sys_sendto(int fd, const void __user *buf, size_t len, unsigned int flags,
		struct sockaddr __user *addr, int addrlen)
{
	struct socket *sock = sockfd_lookup(fd);
	struct sockaddr_storage a;
	struct iovec iov;
	struct msghdr m;
	long err;

	if (IS_ERR(sock))
		return PTR_ERR(sock);
	msg_single(&m, &iov, buf, len, file_msg_flags(sock, flags));
	if (addr) {
		err = move_addr_to_kernel(addr, addrlen, &a);
		if (err)
			return err;
		m.msg_name = &a;
		m.msg_namelen = addrlen;
	}
	return sock->ops->sendmsg(sock, &m);
}

/**
 * sys_recvfrom() - The recvfrom(2) system call: receive one frame or datagram.
 * @fd:      the socket
 * @buf:     where it goes
 * @size:    the room; the rest is cut off
 * @flags:   MSG_DONTWAIT, MSG_TRUNC (return the whole length), MSG_PEEK (leave it queued)
 * @addr:    where the sender's address goes, or NULL
 * @addrlen: the address's room; gets its whole length
 *
 * Sleeps until something arrives, the receive timeout, or a signal.
 *
 * Context: process context; may sleep.
 * Return: the length received, or -EAGAIN, -EINTR, -ERESTARTSYS, -EFAULT,
 * the family's error (-ENETDOWN once after its interface went away).
 */
long sys_recvfrom(int fd, void __user *buf, size_t size, unsigned int flags,
		  struct sockaddr __user *addr, int __user *addrlen)
{
	struct socket *sock = sockfd_lookup(fd);
	struct sockaddr_storage a = { 0 };
	struct iovec iov;
	struct msghdr m;
	int n;
	long err;

	if (IS_ERR(sock))
		return PTR_ERR(sock);
	msg_single(&m, &iov, buf, size, file_msg_flags(sock, flags));
	m.msg_name = addr ? &a : NULL;
	n = sock->ops->recvmsg(sock, &m);
	if (n >= 0 && addr && m.msg_namelen) {
		err = move_addr_to_user(&a, m.msg_namelen, addr, addrlen);
		if (err)
			return err;
	}
	return n;
}

/* The user's msghdr into @m: its buffer list into @iov (kfree() it), its address into @a. */
static long copy_msghdr(struct msghdr *m, struct user_msghdr *um, const void __user *umsg,
			struct iovec **iov, struct sockaddr_storage *a, bool sending)
{
	size_t total = 0;

	*iov = NULL;
	if (copy_from_user(um, umsg, sizeof(*um)))
		return -EFAULT;
	if (um->msg_iovlen > UIO_MAXIOV)
		return -EMSGSIZE;
	if (um->msg_namelen < 0 || um->msg_namelen > (int)sizeof(*a))
		return -EINVAL;
	*m = (struct msghdr){ .msg_iovlen = um->msg_iovlen };
	if (um->msg_name) {
		if (sending && copy_from_user(a, um->msg_name, um->msg_namelen))
			return -EFAULT;
		m->msg_name = a;
		m->msg_namelen = sending ? um->msg_namelen : 0;
	}
	*iov = kmalloc_array(um->msg_iovlen ?: 1, sizeof(**iov), GFP_KERNEL);
	if (!*iov)
		return -ENOMEM;
	if (copy_from_user(*iov, um->msg_iov, um->msg_iovlen * sizeof(**iov)))
		return -EFAULT;
	for (unsigned long i = 0; i < um->msg_iovlen; i++) {
		if ((long)(*iov)[i].iov_len < 0 || (*iov)[i].iov_len > INT_MAX - total)
			return -EINVAL;
		total += (*iov)[i].iov_len;
	}
	m->msg_iov = *iov;
	m->msg_len = total;
	return 0;
}

/**
 * sys_sendmsg() - The sendmsg(2) system call: send one frame gathered from several buffers.
 * @fd:    the socket
 * @umsg:  the user's struct msghdr: address, buffers (msg_iov); control data is ignored
 * @flags: MSG_DONTWAIT
 *
 * Context: process context; may sleep.
 * Return: the length sent, -EBADF, -ENOTSOCK, -EFAULT, -EMSGSIZE for more
 * than UIO_MAXIOV buffers, -EINVAL, or the family's error.
 */
long sys_sendmsg(int fd, void __user *umsg, unsigned int flags)
{
	struct socket *sock = sockfd_lookup(fd);
	struct sockaddr_storage a;
	struct user_msghdr um;
	struct iovec *iov;
	struct msghdr m;
	long err;

	if (IS_ERR(sock))
		return PTR_ERR(sock);
	err = copy_msghdr(&m, &um, umsg, &iov, &a, true);
	if (!err) {
		m.msg_flags = file_msg_flags(sock, flags);
		err = sock->ops->sendmsg(sock, &m);
	}
	kfree(iov);
	return err;
}

/**
 * sys_recvmsg() - The recvmsg(2) system call: receive one frame scattered into several buffers.
 * @fd:    the socket
 * @umsg:  the user's struct msghdr: where the sender's address and the data go;
 *         msg_namelen, msg_flags (MSG_TRUNC if cut) and msg_controllen (0) are written back
 * @flags: MSG_DONTWAIT, MSG_TRUNC, MSG_PEEK
 *
 * Context: process context; may sleep.
 * Return: the length received (with MSG_TRUNC: the frame's), or errors as sys_recvfrom().
 */
long sys_recvmsg(int fd, void __user *umsg, unsigned int flags)
{
	struct socket *sock = sockfd_lookup(fd);
	struct user_msghdr __user *u = umsg;
	struct sockaddr_storage a = { 0 };
	struct user_msghdr um;
	struct iovec *iov;
	struct msghdr m;
	long err;
	int n;

	if (IS_ERR(sock))
		return PTR_ERR(sock);
	err = copy_msghdr(&m, &um, umsg, &iov, &a, false);
	if (err) {
		kfree(iov);
		return err;
	}
	m.msg_flags = file_msg_flags(sock, flags);
	n = sock->ops->recvmsg(sock, &m);
	kfree(iov);
	if (n < 0)
		return n;
	if (um.msg_name && copy_to_user(um.msg_name, &a, min(um.msg_namelen, m.msg_namelen)))
		return -EFAULT;
	if (put_user(um.msg_name ? m.msg_namelen : 0, &u->msg_namelen) ||
	    put_user(m.msg_flags, &u->msg_flags) || put_user(0ul, &u->msg_controllen))
		return -EFAULT;
	return n;
}
