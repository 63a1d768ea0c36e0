/*
 * sys/socket.h: sockets (Linux's values: linux/socket.h, asm/socket.h).
 * Janus has AF_PACKET sockets, raw Ethernet frames (netpacket/packet.h).
 */
#ifndef _SYS_SOCKET_H
#define _SYS_SOCKET_H

#include <sys/types.h>
#include <sys/uio.h>
#include <linux/socket.h>
#include <asm/socket.h>

typedef unsigned int socklen_t;
typedef unsigned short sa_family_t;

/* sendmsg/recvmsg: an address, a list of buffers; recvmsg sets msg_flags
 * (MSG_TRUNC: the frame was longer than the buffers). No control data. */
struct msghdr {
	void *msg_name;
	socklen_t msg_namelen;
	struct iovec *msg_iov;
	size_t msg_iovlen;
	void *msg_control;
	size_t msg_controllen;
	int msg_flags;
};

int socket(int domain, int type, int protocol);
int bind(int fd, const struct sockaddr *addr, socklen_t len);
ssize_t sendto(int fd, const void *buf, size_t len, int flags, const struct sockaddr *to,
	       socklen_t tolen);
ssize_t recvfrom(int fd, void *buf, size_t len, int flags, struct sockaddr *from,
		 socklen_t *fromlen);
ssize_t send(int fd, const void *buf, size_t len, int flags);
ssize_t recv(int fd, void *buf, size_t len, int flags);
int setsockopt(int fd, int level, int optname, const void *optval, socklen_t optlen);
int getsockopt(int fd, int level, int optname, void *optval, socklen_t *optlen);
int getsockname(int fd, struct sockaddr *addr, socklen_t *len);
ssize_t sendmsg(int fd, const struct msghdr *msg, int flags);
ssize_t recvmsg(int fd, struct msghdr *msg, int flags);
/* Packet sockets have no connections: these fail with EOPNOTSUPP. */
int connect(int fd, const struct sockaddr *addr, socklen_t len);
int shutdown(int fd, int how);

#endif
