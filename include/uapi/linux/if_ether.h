/* Ethernet frame sizes and EtherTypes (Linux's include/uapi/linux/if_ether.h values). */
#ifndef _UAPI_LINUX_IF_ETHER_H
#define _UAPI_LINUX_IF_ETHER_H

#define ETH_ALEN 6         /* octets in a MAC address */
#define ETH_HLEN 14        /* destination, source, EtherType */
#define ETH_ZLEN 60        /* the shortest frame, without the FCS; shorter ones are padded */
#define ETH_DATA_LEN 1500  /* the largest payload (the MTU) */
#define ETH_FRAME_LEN 1514 /* the largest frame, without the FCS */
#define ETH_FCS_LEN 4

#define ETH_P_IP 0x0800
#define ETH_P_ARP 0x0806
#define ETH_P_ALL 0x0003 /* every protocol: what a tap asks for */

#endif
