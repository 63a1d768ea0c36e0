/* What the files of net/ that make the socket calls share and nobody else needs. */
#ifndef _NET_SOCKET_INTERNAL_H
#define _NET_SOCKET_INTERNAL_H
#include <linux/net.h>

/* socket_file.c: the socket as a file. */
struct socket *sockfd_lookup(int fd);
unsigned int file_msg_flags(const struct socket *sock, unsigned int flags);
long sock_map_fd(struct socket *sock, unsigned int flags);

/* socket_msg.c: a user's buffers as a message. */
void msg_single(struct msghdr *m, struct iovec *iov, const void __user *buf, size_t len,
		unsigned int flags);

/* socket.c: addresses. */
long move_addr_to_kernel(const void __user *uaddr, int ulen, struct sockaddr_storage *kaddr);
long move_addr_to_user(const struct sockaddr_storage *kaddr, int klen, void __user *uaddr,
		       int __user *ulenp);

#endif
