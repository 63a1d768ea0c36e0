/*
 * Sockets: each call is its own i386 system call (asm/unistd.h, Linux 4.3's
 * numbers), as glibc makes them; socketcall(2) reaches the same code in the
 * kernel. if_nametoindex and if_indextoname ask through a socket.
 */
#include <errno.h>
#include <net/if.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/socket.h>
#include <unistd.h>
#include "syscall.h"

int socket(int domain, int type, int protocol)
{
	return syscall3(__NR_socket, domain, type, protocol);
}

int bind(int fd, const struct sockaddr *addr, socklen_t len)
{
	return syscall3(__NR_bind, fd, addr, len);
}

ssize_t sendto(int fd, const void *buf, size_t len, int flags, const struct sockaddr *to,
	       socklen_t tolen)
{
	return __syscall_ret(__syscall6(__NR_sendto, fd, (long)buf, len, flags, (long)to, tolen));
}

ssize_t recvfrom(int fd, void *buf, size_t len, int flags, struct sockaddr *from,
		 socklen_t *fromlen)
{
	return __syscall_ret(__syscall6(__NR_recvfrom, fd, (long)buf, len, flags, (long)from,
					(long)fromlen));
}

ssize_t send(int fd, const void *buf, size_t len, int flags)
{
	return sendto(fd, buf, len, flags, NULL, 0);
}

ssize_t recv(int fd, void *buf, size_t len, int flags)
{
	return recvfrom(fd, buf, len, flags, NULL, NULL);
}

int setsockopt(int fd, int level, int optname, const void *optval, socklen_t optlen)
{
	return __syscall_ret(__syscall(__NR_setsockopt, fd, level, optname, (long)optval, optlen));
}

int getsockopt(int fd, int level, int optname, void *optval, socklen_t *optlen)
{
	return __syscall_ret(__syscall(__NR_getsockopt, fd, level, optname, (long)optval,
				       (long)optlen));
}

int getsockname(int fd, struct sockaddr *addr, socklen_t *len)
{
	return syscall3(__NR_getsockname, fd, addr, len);
}

ssize_t sendmsg(int fd, const struct msghdr *msg, int flags)
{
	return syscall3(__NR_sendmsg, fd, msg, flags);
}

ssize_t recvmsg(int fd, struct msghdr *msg, int flags)
{
	return syscall3(__NR_recvmsg, fd, msg, flags);
}

int connect(int fd, const struct sockaddr *addr, socklen_t len)
{
	return syscall3(__NR_connect, fd, addr, len);
}

int shutdown(int fd, int how)
{
	return syscall2(__NR_shutdown, fd, how);
}

/* One SIOCGIF* request through a throwaway socket. */
static int ifreq_query(unsigned long cmd, struct ifreq *ifr)
{
	int fd = socket(AF_PACKET, SOCK_RAW, 0), err;

	if (fd < 0)
		return -1;
	err = ioctl(fd, cmd, ifr);
	close(fd);
	return err;
}

unsigned int if_nametoindex(const char *name)
{
	struct ifreq ifr;

	memset(&ifr, 0, sizeof(ifr));
	strncpy(ifr.ifr_name, name, IFNAMSIZ - 1);
	return ifreq_query(SIOCGIFINDEX, &ifr) ? 0 : (unsigned int)ifr.ifr_ifindex;
}

char *if_indextoname(unsigned int index, char *buf)
{
	struct ifreq ifr;

	memset(&ifr, 0, sizeof(ifr));
	ifr.ifr_ifindex = (int)index;
	if (ifreq_query(SIOCGIFNAME, &ifr)) {
		if (errno == ENODEV)
			errno = ENXIO; /* glibc's answer for an unknown index */
		return NULL;
	}
	return strcpy(buf, ifr.ifr_name);
}
