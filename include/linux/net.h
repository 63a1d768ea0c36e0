/*
 * Sockets, Linux's shape (net/socket.c): a struct socket behind a file
 * descriptor, whose family (AF_PACKET, net/packet/af_packet.c: the only one
 * Janus has) fills its proto_ops. The system calls (socket, bind, sendto,
 * recvfrom... and i386's socketcall) find the socket and call its ops in
 * the calling process's context: they may sleep.
 */
#ifndef _LINUX_NET_H
#define _LINUX_NET_H
#include <linux/compiler.h>
#include <linux/types.h>
#include <uapi/linux/net.h>
#include <uapi/linux/socket.h>
#include <uapi/linux/uio.h>

struct file;
struct socket;

/* Room for any address a family takes (Linux's sockaddr_storage). */
struct sockaddr_storage {
	unsigned short ss_family;
	char __data[126];
};

/* One send or receive, as the family sees it: the user's buffers. */
struct msghdr {
	void *msg_name;             /* a kernel copy of the address, or NULL */
	int msg_namelen;            /* its length; receiving: the length filled in */
	const struct iovec *msg_iov; /* the user's buffers (a kernel copy of the list) */
	unsigned long msg_iovlen;
	size_t msg_len;             /* their total length */
	unsigned int msg_flags;     /* MSG_DONTWAIT...; receiving: MSG_TRUNC if cut */
};

/* i386's struct msghdr as user space passes it to sendmsg and recvmsg. */
struct user_msghdr {
	void __user *msg_name;
	int msg_namelen;
	struct iovec __user *msg_iov;
	unsigned long msg_iovlen;
	void __user *msg_control;
	unsigned long msg_controllen;
	unsigned int msg_flags;
};

/**
 * memcpy_from_msg() - Gather @len bytes from the user's buffers of @m.
 * @to:  where they go
 * @m:   the message (its msg_len covers @len)
 * @len: how many
 *
 * Context: process context; may sleep (user memory).
 * Return: 0, or -EFAULT.
 */
int memcpy_from_msg(void *to, const struct msghdr *m, size_t len);
/**
 * memcpy_to_msg() - Scatter @len bytes into the user's buffers of @m.
 * @m:    the message (its msg_len covers @len)
 * @from: the bytes
 * @len:  how many
 *
 * Context: process context; may sleep (user memory).
 * Return: 0, or -EFAULT.
 */
int memcpy_to_msg(const struct msghdr *m, const void *from, size_t len);

struct proto_ops {
	int family;
	int (*release)(struct socket *sock);
	int (*bind)(struct socket *sock, struct sockaddr *addr, int len);
	/* Fills addr (sockaddr_storage room); returns its length. */
	int (*getname)(struct socket *sock, struct sockaddr *addr);
	int (*setsockopt)(struct socket *sock, int level, int optname, const void __user *optval,
			  unsigned int optlen);
	int (*getsockopt)(struct socket *sock, int level, int optname, void __user *optval,
			  int __user *optlen);
	int (*sendmsg)(struct socket *sock, struct msghdr *m);
	int (*recvmsg)(struct socket *sock, struct msghdr *m);
};

struct socket {
	short type;                  /* SOCK_RAW... */
	const struct proto_ops *ops;
	struct file *file;
	void *sk;                    /* the family's own state */
};

struct net_proto_family {
	int family;
	int (*create)(struct socket *sock, int protocol); /* sets ops and sk */
};

/**
 * sock_register() - Make a family available to socket().
 * @ops: the family and its create function
 *
 * Context: an initcall.
 * Return: 0, -EINVAL for a family number out of range, -EEXIST if taken.
 */
int sock_register(const struct net_proto_family *ops);

/**
 * dev_ioctl() - The interface requests of a socket: SIOCGIFINDEX, SIOCGIFNAME, SIOCGIFHWADDR, SIOCGIFFLAGS, SIOCGIFMTU, SIOCSIFFLAGS.
 * @cmd: the request
 * @arg: the user's struct ifreq
 *
 * Context: process context; may sleep.
 * Return: 0, -ENODEV for no such interface, -EFAULT, the driver's error
 * bringing it up, or -ENOTTY for another request.
 */
long dev_ioctl(unsigned int cmd, void __user *arg);

#endif
