/*
 * Network interface names, flags and struct ifreq, the argument of the
 * SIOCGIF* ioctls (Linux's include/uapi/linux/if.h values and layout).
 */
#ifndef _UAPI_LINUX_IF_H
#define _UAPI_LINUX_IF_H
#include "socket.h"

#define IFNAMSIZ 16
#define IFF_UP 0x1        /* administratively up: opened */
#define IFF_BROADCAST 0x2
#define IFF_RUNNING 0x40  /* up and the link (carrier) is there */

/* 32 bytes on i386, as Linux's: a name, then one of the answers. */
struct ifreq {
	union {
		char ifrn_name[IFNAMSIZ];
	} ifr_ifrn;
	union {
		struct sockaddr ifru_hwaddr;
		short ifru_flags;
		int ifru_ivalue;
		int ifru_mtu;
		char ifru_pad[16];
	} ifr_ifru;
};
#define ifr_name ifr_ifrn.ifrn_name
#define ifr_hwaddr ifr_ifru.ifru_hwaddr
#define ifr_flags ifr_ifru.ifru_flags
#define ifr_ifindex ifr_ifru.ifru_ivalue
#define ifr_mtu ifr_ifru.ifru_mtu

#endif
