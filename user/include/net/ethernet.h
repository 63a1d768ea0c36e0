/* net/ethernet.h: the Ethernet header as a struct, and the EtherTypes (linux/if_ether.h). */
#ifndef _NET_ETHERNET_H
#define _NET_ETHERNET_H

#include <stdint.h>
#include <linux/if_ether.h>

#define ETHER_ADDR_LEN ETH_ALEN
#define ETHERTYPE_IP 0x0800
#define ETHERTYPE_ARP 0x0806

struct ether_header {
	uint8_t ether_dhost[ETH_ALEN];
	uint8_t ether_shost[ETH_ALEN];
	uint16_t ether_type; /* network order */
} __attribute__((packed));

#endif
