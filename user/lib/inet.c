/* ARP, IPv4 and ICMP echo over raw Ethernet frames (user/include/inet.h). */
#include <inet.h>
#include <stdio.h>
#include <string.h>

#define ETHERTYPE_IP 0x0800
#define ETHERTYPE_ARP 0x0806
#define IP_HDR 20
#define ICMP_HDR 8

static uint16_t get16(const uint8_t *p) { return p[0] << 8 | p[1]; }
static uint32_t get32(const uint8_t *p) { return (uint32_t)get16(p) << 16 | get16(p + 2); }
static void put16(uint8_t *p, uint16_t v) { p[0] = v >> 8; p[1] = v; }
static void put32(uint8_t *p, uint32_t v) { put16(p, v >> 16); put16(p + 2, v); }

int parse_ip(const char *s, uint32_t *ip)
{
	uint32_t v = 0;

	for (int part = 0; part < 4; part++) {
		unsigned int octet = 0, digits = 0;
		while (*s >= '0' && *s <= '9' && digits++ < 3)
			octet = octet * 10 + *s++ - '0';
		if (!digits || octet > 255 || *s != (part < 3 ? '.' : '\0'))
			return -1;
		s++;
		v = v << 8 | octet;
	}
	*ip = v;
	return 0;
}

void format_ip(uint32_t ip, char *buf)
{
	snprintf(buf, 16, "%u.%u.%u.%u", ip >> 24, (ip >> 16) & 255, (ip >> 8) & 255, ip & 255);
}

uint16_t inet_checksum(const void *data, int len)
{
	const uint8_t *p = data;
	uint32_t sum = 0;

	for (; len > 1; len -= 2, p += 2)
		sum += get16(p);
	if (len)
		sum += p[0] << 8;
	while (sum >> 16)
		sum = (sum & 0xffff) + (sum >> 16);
	return ~sum;
}

/* ARP for IPv4 over Ethernet: htype 1, ptype 0x0800, hlen 6, plen 4, then op. */
static int is_arp(const uint8_t *f, int n, uint16_t op)
{
	return n >= ARP_FRAME_LEN && get16(f + 12) == ETHERTYPE_ARP && get16(f + 14) == 1 &&
	       get16(f + 16) == ETHERTYPE_IP && get16(f + 20) == op;
}

static int fill_arp(uint8_t *f, const uint8_t dmac[6], const uint8_t smac[6], uint16_t op,
		    uint32_t sip, const uint8_t tmac[6], uint32_t tip)
{
	memcpy(f, dmac, 6);
	memcpy(f + 6, smac, 6);
	put16(f + 12, ETHERTYPE_ARP);
	put16(f + 14, 1);
	put16(f + 16, ETHERTYPE_IP);
	f[18] = 6;
	f[19] = 4;
	put16(f + 20, op);
	memcpy(f + 22, smac, 6);
	put32(f + 28, sip);
	memcpy(f + 32, tmac, 6);
	put32(f + 38, tip);
	return ARP_FRAME_LEN;
}

int arp_is_request_for(const uint8_t *f, int n, uint32_t ip)
{
	return is_arp(f, n, 1) && get32(f + 38) == ip;
}

int arp_make_reply(uint8_t *f, const uint8_t mac[6])
{
	uint8_t asker[6];
	uint32_t asker_ip = get32(f + 28), ip = get32(f + 38);

	memcpy(asker, f + 22, 6);
	return fill_arp(f, asker, mac, 2, ip, asker, asker_ip);
}

int arp_make_request(uint8_t *f, const uint8_t mac[6], uint32_t sip, uint32_t tip)
{
	static const uint8_t broadcast[6] = { 0xff, 0xff, 0xff, 0xff, 0xff, 0xff };
	static const uint8_t unknown[6];

	return fill_arp(f, broadcast, mac, 1, sip, unknown, tip);
}

int arp_is_reply_from(const uint8_t *f, int n, uint32_t ip, uint8_t mac[6])
{
	if (!is_arp(f, n, 2) || get32(f + 28) != ip)
		return 0;
	memcpy(mac, f + 22, 6);
	return 1;
}

static int is_icmp(const uint8_t *f, int n, uint8_t type)
{
	const uint8_t *ip = f + ETH_HDR;

	return n >= ETH_HDR + IP_HDR + ICMP_HDR && get16(f + 12) == ETHERTYPE_IP &&
	       ip[0] == 0x45 && ip[9] == 1 && ip[IP_HDR] == type;
}

int icmp_is_echo_request_for(const uint8_t *f, int n, uint32_t ip)
{
	return is_icmp(f, n, 8) && get32(f + ETH_HDR + 16) == ip;
}

/* The IP total length says where the ICMP message ends (the frame may be padded). */
static int icmp_len(const uint8_t *f)
{
	return get16(f + ETH_HDR + 2) - IP_HDR;
}

void icmp_make_echo_reply(uint8_t *f, int n)
{
	uint8_t mac[6], *ip = f + ETH_HDR, *icmp = ip + IP_HDR;
	uint32_t src = get32(ip + 12);

	(void)n;
	memcpy(mac, f, 6);
	memcpy(f, f + 6, 6);
	memcpy(f + 6, mac, 6);
	put32(ip + 12, get32(ip + 16));
	put32(ip + 16, src);
	ip[8] = 64; /* TTL */
	put16(ip + 10, 0);
	put16(ip + 10, inet_checksum(ip, IP_HDR));
	icmp[0] = 0; /* echo reply */
	put16(icmp + 2, 0);
	put16(icmp + 2, inet_checksum(icmp, icmp_len(f)));
}

int icmp_make_echo_request(uint8_t *f, const uint8_t dmac[6], const uint8_t smac[6],
			   uint32_t sip, uint32_t dip, uint16_t id, uint16_t seq, int data_len)
{
	uint8_t *ip = f + ETH_HDR, *icmp = ip + IP_HDR;

	memcpy(f, dmac, 6);
	memcpy(f + 6, smac, 6);
	put16(f + 12, ETHERTYPE_IP);
	memset(ip, 0, IP_HDR);
	ip[0] = 0x45;
	put16(ip + 2, IP_HDR + ICMP_HDR + data_len);
	put16(ip + 4, seq);
	ip[8] = 64;
	ip[9] = 1; /* ICMP */
	put32(ip + 12, sip);
	put32(ip + 16, dip);
	put16(ip + 10, inet_checksum(ip, IP_HDR));
	icmp[0] = 8; /* echo request */
	icmp[1] = 0;
	put16(icmp + 2, 0);
	put16(icmp + 4, id);
	put16(icmp + 6, seq);
	for (int i = 0; i < data_len; i++)
		icmp[ICMP_HDR + i] = i;
	put16(icmp + 2, inet_checksum(icmp, ICMP_HDR + data_len));
	return ETH_HDR + IP_HDR + ICMP_HDR + data_len;
}

int icmp_echo_reply_seq(const uint8_t *f, int n, uint32_t ip, uint16_t id)
{
	const uint8_t *icmp = f + ETH_HDR + IP_HDR;

	if (!is_icmp(f, n, 0) || get32(f + ETH_HDR + 12) != ip || get16(icmp + 4) != id ||
	    inet_checksum(icmp, icmp_len(f)))
		return -1;
	return get16(icmp + 6);
}
