/*
 * The socket system calls, Linux's numbers and semantics: socket() makes a
 * struct socket of a registered family and a file for it (socket_file.c);
 * bind, getsockname, setsockopt and getsockopt find the socket behind a
 * descriptor and call its family's proto_ops. Sending and receiving are in
 * socket_msg.c, i386's socketcall(2) in socketcall.c. Everything runs in the
 * calling process's context and may sleep.
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

/* ---------------------------------------------------------------- addresses */

/**
 * move_addr_to_kernel() - Copy a socket address from the user.
 * @uaddr: the user's address
 * @ulen:  its length
 * @kaddr: where it goes
 *
 * Context: process context; may sleep (a user page fault).
 * Return: 0, -EINVAL for a length that does not fit, -EFAULT.
 */
long move_addr_to_kernel(const void __user *uaddr, int ulen, struct sockaddr_storage *kaddr)
{
	if (ulen < 0 || ulen > (int)sizeof(*kaddr))
		return -EINVAL;
	if (ulen && copy_from_user(kaddr, uaddr, ulen))
		return -EFAULT;
	return 0;
}

/**
 * move_addr_to_user() - Copy a socket address to the user, as much as the user has room for.
 * @kaddr: the address
 * @klen:  its length
 * @uaddr: where it goes
 * @ulenp: the user's room; gets the address's whole length
 *
 * Context: process context; may sleep (a user page fault).
 * Return: 0, -EINVAL for a negative room, -EFAULT.
 */
long move_addr_to_user(const struct sockaddr_storage *kaddr, int klen, void __user *uaddr,
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
