/* netpacket/packet.h: struct sockaddr_ll and the AF_PACKET options (glibc's name for linux/if_packet.h). */
#ifndef _NETPACKET_PACKET_H
#define _NETPACKET_PACKET_H

#include <linux/if_packet.h>

#endif
