/* Link-layer address types (Linux's include/uapi/linux/if_arp.h values). */
#ifndef _UAPI_LINUX_IF_ARP_H
#define _UAPI_LINUX_IF_ARP_H

#define ARPHRD_ETHER 1 /* sockaddr_ll.sll_hatype of an Ethernet interface */

#endif
