/*
 * Sockets: address families, socket types and message flags (the values of
 * Linux's include/linux/socket.h and include/linux/net.h), and the generic
 * struct sockaddr. Janus has one family, AF_PACKET (net/packet/af_packet.c).
 */
#ifndef _UAPI_LINUX_SOCKET_H
#define _UAPI_LINUX_SOCKET_H

#define AF_UNSPEC 0
#define AF_UNIX 1
#define AF_INET 2
#define AF_INET6 10
#define AF_PACKET 17 /* raw frames of a network interface */
#define AF_MAX 46
#define PF_UNSPEC AF_UNSPEC
#define PF_UNIX AF_UNIX
#define PF_INET AF_INET
#define PF_INET6 AF_INET6
#define PF_PACKET AF_PACKET

#define SOCK_STREAM 1
#define SOCK_DGRAM 2  /* AF_PACKET: the payload, the link-layer header made from sockaddr_ll */
#define SOCK_RAW 3    /* AF_PACKET: whole frames, Ethernet header included */
#define SOCK_PACKET 10
#define SOCK_TYPE_MASK 0xf
#define SOCK_NONBLOCK 00004000  /* O_NONBLOCK, or'ed into the type */
#define SOCK_CLOEXEC 02000000   /* O_CLOEXEC, or'ed into the type */

#define MSG_PEEK 0x2
#define MSG_TRUNC 0x20
#define MSG_DONTWAIT 0x40

#define SOL_PACKET 263

struct sockaddr {
	unsigned short sa_family;
	char sa_data[14];
};

#endif
