/*
 * AF_PACKET addresses and options (Linux's include/uapi/linux/if_packet.h
 * layout and values): an interface by index, the frame's EtherType in
 * network order, and what kind of frame it was.
 */
#ifndef _UAPI_LINUX_IF_PACKET_H
#define _UAPI_LINUX_IF_PACKET_H

struct sockaddr_ll {
	unsigned short sll_family;   /* AF_PACKET */
	unsigned short sll_protocol; /* EtherType, network order (htons(ETH_P_ALL)) */
	int sll_ifindex;             /* the interface; 0 in bind(): any */
	unsigned short sll_hatype;   /* ARPHRD_ETHER */
	unsigned char sll_pkttype;   /* PACKET_HOST... (received frames) */
	unsigned char sll_halen;     /* 6 */
	unsigned char sll_addr[8];   /* the source MAC (received) or destination (SOCK_DGRAM send) */
};

/* sll_pkttype */
#define PACKET_HOST 0      /* to this interface's MAC */
#define PACKET_BROADCAST 1 /* to ff:ff:ff:ff:ff:ff */
#define PACKET_MULTICAST 2 /* to a group address */
#define PACKET_OTHERHOST 3 /* to someone else (seen in promiscuous mode) */
#define PACKET_OUTGOING 4  /* sent by this machine, through another socket */

/* SOL_PACKET options */
#define PACKET_STATISTICS 6 /* getsockopt: struct tpacket_stats, and the counters restart */

struct tpacket_stats {
	unsigned int tp_packets; /* frames received, dropped ones included */
	unsigned int tp_drops;   /* frames lost because the receive queue was full */
};

#endif
