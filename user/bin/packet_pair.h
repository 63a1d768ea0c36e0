/*
 * packet_pair.h: numbered frames between two interfaces joined by a wire
 * (QEMU's in-process hub), through AF_PACKET: a raw socket that sends out
 * of FROM and one that reads TO. Linux's API only, so that the programs
 * including it (packet_flood.c, lab07.c) build against the host's C library
 * too (make linux-api-check).
 */
#ifndef _PACKET_PAIR_H
#define _PACKET_PAIR_H
#include <arpa/inet.h>
#include <net/ethernet.h>
#include <net/if.h>
#include <netpacket/packet.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/socket.h>
#include <unistd.h>

struct packet_pair {
	int tx, rx;                         /* -1 while closed; rx is non-blocking */
	struct sockaddr_ll dst;             /* FROM, for sendto */
	unsigned char frame[ETH_FRAME_LEN]; /* the next frame: TO's MAC, FROM's, the type */
};

/* Brings interface @name up (what ifconfig NAME up does); its MAC into @mac. */
static inline int ifup(int fd, const char *name, unsigned char *mac)
{
	struct ifreq ifr;

	memset(&ifr, 0, sizeof(ifr));
	strncpy(ifr.ifr_name, name, IFNAMSIZ - 1);
	if (ioctl(fd, SIOCGIFHWADDR, &ifr))
		return -1;
	memcpy(mac, ifr.ifr_hwaddr.sa_data, ETH_ALEN);
	if (ioctl(fd, SIOCGIFFLAGS, &ifr))
		return -1;
	ifr.ifr_flags |= IFF_UP;
	return ioctl(fd, SIOCSIFFLAGS, &ifr);
}

static inline void pair_close(struct packet_pair *p)
{
	if (p->tx >= 0)
		close(p->tx);
	if (p->rx >= 0)
		close(p->rx);
	p->tx = p->rx = -1;
}

/* Both interfaces there and up, both sockets open (rx takes @type only): 0; else -1, closed. */
static inline int pair_open(struct packet_pair *p, const char *from, const char *to,
			    unsigned short type)
{
	struct sockaddr_ll sll = { .sll_family = AF_PACKET, .sll_protocol = htons(type) };
	struct ether_header *eh = (struct ether_header *)p->frame;

	p->dst = (struct sockaddr_ll){ .sll_family = AF_PACKET, .sll_halen = ETH_ALEN };
	p->tx = socket(AF_PACKET, SOCK_RAW, 0);
	p->rx = socket(AF_PACKET, SOCK_RAW | SOCK_NONBLOCK, htons(type));
	p->dst.sll_ifindex = if_nametoindex(from);
	sll.sll_ifindex = if_nametoindex(to);
	if (p->tx < 0 || p->rx < 0 || !p->dst.sll_ifindex || !sll.sll_ifindex ||
	    ifup(p->tx, from, eh->ether_shost) || ifup(p->tx, to, eh->ether_dhost) ||
	    bind(p->rx, (struct sockaddr *)&sll, sizeof(sll))) {
		pair_close(p);
		return -1;
	}
	eh->ether_type = htons(type);
	return 0;
}

/* Frame number @seq, @len bytes: the number, then bytes that depend on it and their place. */
static inline void pair_number(struct packet_pair *p, unsigned int seq, int len)
{
	memcpy(p->frame + ETH_HLEN, &seq, 4);
	for (int i = ETH_HLEN + 4; i < len; i++)
		p->frame[i] = (unsigned char)(seq + i);
}

/* Whether @got (@n bytes) is a whole numbered frame of @len bytes; its number in @seq. */
static inline int pair_intact(const unsigned char *got, int n, int len, unsigned int *seq)
{
	memcpy(seq, got + ETH_HLEN, 4);
	for (int i = ETH_HLEN + 4; i < n; i++)
		if (got[i] != (unsigned char)(*seq + i))
			return 0;
	return n == len;
}

#endif
