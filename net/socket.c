/*
 * The socket system calls, Linux's numbers and semantics: socket() makes a
 * struct socket of a registered family and a file for it; bind, sendto,
 * recvfrom, getsockname, setsockopt and getsockopt find the socket behind a
 * descriptor and call its family's proto_ops; read(), write() and close()
 * work on it as on any file. i386 reaches all of them through
 * socketcall(2), one system call with a call number and an argument array,
 * and (since Linux 4.3) through one system call each: Janus has both.
 * Everything runs in the calling process's context and may sleep.
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
#include <uapi/linux/sockios.h>

static const struct net_proto_family *net_families[AF_MAX];

int sock_register(const struct net_proto_family *ops)
{
	if (ops->family < 0 || ops->family >= AF_MAX)
		return -EINVAL;
	if (net_families[ops->family])
		return -EEXIST;
	net_families[ops->family] = ops;
	return 0;
}

/* ---------------------------------------------------------------- the socket as a file */

static const struct file_operations socket_file_ops;

static struct socket *sock_from_file(struct file *file)
{
	return file && file->f_op == &socket_file_ops ? file->private_data : NULL;
}

/* The socket behind @fd, or an ERR_PTR: -EBADF, -ENOTSOCK. */
static struct socket *sockfd_lookup(int fd)
{
	struct file *file = fd < 0 ? NULL : fget((unsigned int)fd);

	if (!file)
		return ERR_PTR(-EBADF);
	return sock_from_file(file) ?: ERR_PTR(-ENOTSOCK);
}

/* A read or write on the socket waits unless it was opened O_NONBLOCK. */
static unsigned int file_msg_flags(const struct socket *sock, unsigned int flags)
{
	return sock->file->f_flags & O_NONBLOCK ? flags | MSG_DONTWAIT : flags;
}

/* A message of one user buffer. */
static void msg_single(struct msghdr *m, struct iovec *iov, const void __user *buf, size_t len,
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

/* A descriptor for a new socket; on failure the socket is released. */
static long sock_map_fd(struct socket *sock, unsigned int flags)
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

/* ---------------------------------------------------------------- addresses */

static long move_addr_to_kernel(const void __user *uaddr, int ulen, struct sockaddr_storage *kaddr)
{
	if (ulen < 0 || ulen > (int)sizeof(*kaddr))
		return -EINVAL;
	if (ulen && copy_from_user(kaddr, uaddr, ulen))
		return -EFAULT;
	return 0;
}

/* Copies as much of the address as the user has room for; *ulenp gets its whole length. */
static long move_addr_to_user(const struct sockaddr_storage *kaddr, int klen, void __user *uaddr,
			      int __user *ulenp)
{
	int len;

	if (get_user(len, ulenp))
		return -EFAULT;
	if (len < 0)
		return -EINVAL;
	if (len > klen)
		len = klen;
	if (len && copy_to_user(uaddr, kaddr, len))
		return -EFAULT;
	return put_user(klen, ulenp);
}

/* ---------------------------------------------------------------- the system calls */

/**
 * sys_socket() - The socket(2) system call: a new socket and its descriptor.
 * @family:   AF_PACKET (the one family Janus has)
 * @type:     SOCK_RAW or SOCK_DGRAM, or'ed with SOCK_NONBLOCK or SOCK_CLOEXEC
 * @protocol: the family's protocol: for AF_PACKET an EtherType in network order
 *
 * Context: process context; may sleep.
 * Return: the descriptor, -EAFNOSUPPORT for an unknown family, -EINVAL for
 * unknown flags, the family's error (-ESOCKTNOSUPPORT...), -EMFILE, -ENOMEM.
 */
long sys_socket(int family, int type, int protocol)
{
	const struct net_proto_family *pf;
	unsigned int flags = (unsigned int)type & ~SOCK_TYPE_MASK;
	struct socket *sock;
	int err;

	if (flags & ~(SOCK_NONBLOCK | SOCK_CLOEXEC))
		return -EINVAL;
	if (family < 0 || family >= AF_MAX || !(pf = net_families[family]))
		return -EAFNOSUPPORT;
	sock = kzalloc(sizeof(*sock), GFP_KERNEL);
	if (!sock)
		return -ENOMEM;
	sock->type = type & SOCK_TYPE_MASK;
	err = pf->create(sock, protocol);
	if (err) {
		kfree(sock);
		return err;
	}
	return sock_map_fd(sock, flags & SOCK_NONBLOCK ? O_NONBLOCK : 0);
}

/**
 * sys_socketpair() - The socketpair(2) system call, which packet sockets do not have.
 * @family:   the family
 * @type:     the socket type
 * @protocol: the protocol
 * @sv:       where the two descriptors would go
 *
 * Context: process context.
 * Return: -EAFNOSUPPORT for an unknown family, else -EOPNOTSUPP.
 */
long sys_socketpair(int family, int type, int protocol, int __user *sv)
{
	(void)type, (void)protocol, (void)sv;
	if (family < 0 || family >= AF_MAX || !net_families[family])
		return -EAFNOSUPPORT;
	return -EOPNOTSUPP; /* packet sockets have no pairs */
}

/**
 * sys_bind() - The bind(2) system call: give a socket its address.
 * @fd:      the socket
 * @addr:    the address (for AF_PACKET a struct sockaddr_ll: an interface and protocol)
 * @addrlen: its length
 *
 * Context: process context; may sleep.
 * Return: 0, -EBADF, -ENOTSOCK, -EINVAL for a bad length, -EFAULT, or the family's error.
 */
long sys_bind(int fd, struct sockaddr __user *addr, int addrlen)
{
	struct socket *sock = sockfd_lookup(fd);
	struct sockaddr_storage a;
	long err;

	if (IS_ERR(sock))
		return PTR_ERR(sock);
	err = move_addr_to_kernel(addr, addrlen, &a);
	return err ?: sock->ops->bind(sock, (struct sockaddr *)&a, addrlen);
}

/* -EBADF or -ENOTSOCK for a bad @fd, else @err: the calls a packet socket does not have. */
static long sock_no_op(int fd, long err)
{
	struct socket *sock = sockfd_lookup(fd);

	return IS_ERR(sock) ? PTR_ERR(sock) : err;
}

/**
 * sys_connect() - The connect(2) system call, which packet sockets do not have.
 * @fd:      the socket
 * @addr:    the peer
 * @addrlen: its length
 *
 * Context: process context.
 * Return: -EBADF, -ENOTSOCK, or -EOPNOTSUPP.
 */
long sys_connect(int fd, struct sockaddr __user *addr, int addrlen)
{
	(void)addr, (void)addrlen;
	return sock_no_op(fd, -EOPNOTSUPP); /* Linux's sock_no_*() */
}

/**
 * sys_listen() - The listen(2) system call, which packet sockets do not have.
 * @fd:      the socket
 * @backlog: how many connections may wait
 *
 * Context: process context.
 * Return: -EBADF, -ENOTSOCK, or -EOPNOTSUPP.
 */
long sys_listen(int fd, int backlog)
{
	(void)backlog;
	return sock_no_op(fd, -EOPNOTSUPP); /* Linux's sock_no_*() */
}

/**
 * sys_accept4() - The accept4(2) system call, which packet sockets do not have.
 * @fd:      the socket
 * @addr:    where the peer's address would go
 * @addrlen: its room
 * @flags:   SOCK_NONBLOCK, SOCK_CLOEXEC
 *
 * Context: process context.
 * Return: -EBADF, -ENOTSOCK, or -EOPNOTSUPP.
 */
long sys_accept4(int fd, struct sockaddr __user *addr, int __user *addrlen, int flags)
{
	(void)addr, (void)addrlen, (void)flags;
	return sock_no_op(fd, -EOPNOTSUPP); /* Linux's sock_no_*() */
}

/**
 * sys_getpeername() - The getpeername(2) system call, which packet sockets do not have.
 * @fd:      the socket
 * @addr:    where the peer's address would go
 * @addrlen: its room
 *
 * Context: process context.
 * Return: -EBADF, -ENOTSOCK, or -EOPNOTSUPP.
 */
long sys_getpeername(int fd, struct sockaddr __user *addr, int __user *addrlen)
{
	(void)addr, (void)addrlen;
	return sock_no_op(fd, -EOPNOTSUPP); /* Linux's sock_no_*() */
}

/**
 * sys_shutdown() - The shutdown(2) system call, which packet sockets do not have.
 * @fd:  the socket
 * @how: SHUT_RD, SHUT_WR or SHUT_RDWR
 *
 * Context: process context.
 * Return: -EBADF, -ENOTSOCK, or -EOPNOTSUPP.
 */
long sys_shutdown(int fd, int how)
{
	(void)how;
	return sock_no_op(fd, -EOPNOTSUPP); /* Linux's sock_no_*() */
}

/**
 * sys_getsockname() - The getsockname(2) system call: the socket's own address.
 * @fd:      the socket
 * @addr:    where it goes, cut to *@addrlen bytes
 * @addrlen: the room; gets the address's whole length
 *
 * Context: process context; may sleep.
 * Return: 0, -EBADF, -ENOTSOCK, -EINVAL for a negative room, -EFAULT.
 */
long sys_getsockname(int fd, struct sockaddr __user *addr, int __user *addrlen)
{
	struct socket *sock = sockfd_lookup(fd);
	struct sockaddr_storage a = { 0 };
	int len;

	if (IS_ERR(sock))
		return PTR_ERR(sock);
	len = sock->ops->getname(sock, (struct sockaddr *)&a);
	return len < 0 ? len : move_addr_to_user(&a, len, addr, addrlen);
}

/**
 * sys_setsockopt() - The setsockopt(2) system call.
 * @fd:      the socket
 * @level:   SOL_SOCKET or the family's level (SOL_PACKET)
 * @optname: the option (SO_RCVTIMEO, SO_RCVBUF...)
 * @optval:  its value
 * @optlen:  the value's length
 *
 * Context: process context; may sleep.
 * Return: 0, -EBADF, -ENOTSOCK, -EINVAL, -EFAULT, -ENOPROTOOPT for an unknown option.
 */
long sys_setsockopt(int fd, int level, int optname, const void __user *optval, int optlen)
{
	struct socket *sock = sockfd_lookup(fd);

	if (IS_ERR(sock))
		return PTR_ERR(sock);
	if (optlen < 0)
		return -EINVAL;
	return sock->ops->setsockopt(sock, level, optname, optval, (unsigned int)optlen);
}

/**
 * sys_getsockopt() - The getsockopt(2) system call.
 * @fd:      the socket
 * @level:   SOL_SOCKET or the family's level (SOL_PACKET)
 * @optname: the option (SO_TYPE, SO_ERROR, SO_RCVBUF, SO_RCVTIMEO, PACKET_STATISTICS)
 * @optval:  where its value goes
 * @optlen:  the room; gets the length written
 *
 * Context: process context; may sleep.
 * Return: 0, -EBADF, -ENOTSOCK, -EINVAL, -EFAULT, -ENOPROTOOPT for an unknown option.
 */
long sys_getsockopt(int fd, int level, int optname, void __user *optval, int __user *optlen)
{
	struct socket *sock = sockfd_lookup(fd);

	if (IS_ERR(sock))
		return PTR_ERR(sock);
	return sock->ops->getsockopt(sock, level, optname, optval, optlen);
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

/* socketcall's argument counts, by call number (Linux's nargs[]). */
static const unsigned char socketcall_nargs[SYS_SENDMMSG + 1] = {
	[SYS_SOCKET] = 3, [SYS_BIND] = 3, [SYS_CONNECT] = 3, [SYS_LISTEN] = 2,
	[SYS_ACCEPT] = 3, [SYS_GETSOCKNAME] = 3, [SYS_GETPEERNAME] = 3, [SYS_SOCKETPAIR] = 4,
	[SYS_SEND] = 4, [SYS_RECV] = 4, [SYS_SENDTO] = 6, [SYS_RECVFROM] = 6,
	[SYS_SHUTDOWN] = 2, [SYS_SETSOCKOPT] = 5, [SYS_GETSOCKOPT] = 5, [SYS_SENDMSG] = 3,
	[SYS_RECVMSG] = 3, [SYS_ACCEPT4] = 4, [SYS_RECVMMSG] = 5, [SYS_SENDMMSG] = 4,
};

/**
 * sys_socketcall() - The socketcall(2) system call: i386's one entry for every socket call.
 * @call: SYS_SOCKET... (uapi/linux/net.h)
 * @args: the call's arguments, an array of unsigned long
 *
 * Context: process context; may sleep.
 * Return: what the call returns; -EINVAL for an unknown call, -EFAULT for
 * unreadable arguments, -ENOSYS for recvmmsg and sendmmsg.
 */
long sys_socketcall(int call, unsigned long __user *args)
{
	unsigned long a[6];

	if (call < SYS_SOCKET || call > SYS_SENDMMSG)
		return -EINVAL;
	if (copy_from_user(a, args, socketcall_nargs[call] * sizeof(a[0])))
		return -EFAULT;
	switch (call) {
	case SYS_SOCKET:
		return sys_socket(a[0], a[1], a[2]);
	case SYS_BIND:
		return sys_bind(a[0], (struct sockaddr __user *)a[1], a[2]);
	case SYS_CONNECT:
		return sys_connect(a[0], (struct sockaddr __user *)a[1], a[2]);
	case SYS_LISTEN:
		return sys_listen(a[0], a[1]);
	case SYS_ACCEPT:
		return sys_accept4(a[0], (struct sockaddr __user *)a[1], (int __user *)a[2], 0);
	case SYS_ACCEPT4:
		return sys_accept4(a[0], (struct sockaddr __user *)a[1], (int __user *)a[2], a[3]);
	case SYS_GETSOCKNAME:
		return sys_getsockname(a[0], (struct sockaddr __user *)a[1], (int __user *)a[2]);
	case SYS_GETPEERNAME:
		return sys_getpeername(a[0], (struct sockaddr __user *)a[1], (int __user *)a[2]);
	case SYS_SOCKETPAIR:
		return sys_socketpair(a[0], a[1], a[2], (int __user *)a[3]);
	case SYS_SEND:
		return sys_sendto(a[0], (void __user *)a[1], a[2], a[3], NULL, 0);
	case SYS_SENDTO:
		return sys_sendto(a[0], (void __user *)a[1], a[2], a[3],
				  (struct sockaddr __user *)a[4], a[5]);
	case SYS_RECV:
		return sys_recvfrom(a[0], (void __user *)a[1], a[2], a[3], NULL, NULL);
	case SYS_RECVFROM:
		return sys_recvfrom(a[0], (void __user *)a[1], a[2], a[3],
				    (struct sockaddr __user *)a[4], (int __user *)a[5]);
	case SYS_SHUTDOWN:
		return sys_shutdown(a[0], a[1]);
	case SYS_SETSOCKOPT:
		return sys_setsockopt(a[0], a[1], a[2], (const void __user *)a[3], a[4]);
	case SYS_GETSOCKOPT:
		return sys_getsockopt(a[0], a[1], a[2], (void __user *)a[3], (int __user *)a[4]);
	case SYS_SENDMSG:
		return sys_sendmsg(a[0], (void __user *)a[1], a[2]);
	case SYS_RECVMSG:
		return sys_recvmsg(a[0], (void __user *)a[1], a[2]);
	default: /* recvmmsg, sendmmsg */
		return -ENOSYS;
	}
}
