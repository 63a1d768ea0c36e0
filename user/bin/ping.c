/*
 * ping: ICMP echo over raw Ethernet frames, Linux's output. The frames go
 * through an AF_PACKET socket bound to the interface, as on Linux. Resolves
 * the destination's MAC with ARP first. There is no IP stack, so the source
 * address is given (-S, default 10.0.0.1).
 *
 *   ping -I eth0 [-c COUNT] [-S SOURCE] DESTINATION
 *
 * Exit status 0 if every request got its reply, 1 otherwise.
 */
#include <arpa/inet.h>
#include <errno.h>
#include <inet.h>
#include <net/ethernet.h>
#include <net/if.h>
#include <netpacket/packet.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <unistd.h>

#define DATA_LEN 56
#define WAIT_MS 1000

static int fd;
static uint8_t mac[6], dmac[6], f[1514];
static uint32_t src = 0x0a000001, dst;

/* Reads frames until one satisfies match or a read times out (SO_RCVTIMEO). */
static int await(int (*match)(int n, int arg), int arg)
{
	struct sockaddr_ll from;
	socklen_t len;

	for (;;) {
		len = sizeof(from);
		int n = recvfrom(fd, f, sizeof(f), 0, (struct sockaddr *)&from, &len);
		if (n < 0)
			return -1;
		if (from.sll_pkttype != PACKET_OUTGOING && match(n, arg))
			return 0;
	}
}

/* A socket for every frame of iface, with a receive timeout; its MAC into mac. */
static int open_iface(const char *iface, int timeout_ms)
{
	struct timeval tv = { timeout_ms / 1000, timeout_ms % 1000 * 1000 };
	struct sockaddr_ll sll = { .sll_family = AF_PACKET, .sll_protocol = htons(ETH_P_ALL) };
	struct ifreq ifr;

	fd = socket(AF_PACKET, SOCK_RAW, htons(ETH_P_ALL));
	memset(&ifr, 0, sizeof(ifr));
	strncpy(ifr.ifr_name, iface, IFNAMSIZ - 1);
	if (fd < 0 || ioctl(fd, SIOCGIFHWADDR, &ifr))
		return -1;
	memcpy(mac, ifr.ifr_hwaddr.sa_data, 6);
	sll.sll_ifindex = if_nametoindex(iface);
	if (!sll.sll_ifindex || bind(fd, (struct sockaddr *)&sll, sizeof(sll)))
		return -1;
	return setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof(tv));
}

static int arp_reply(int n, int arg)
{
	(void)arg;
	return arp_is_reply_from(f, n, dst, dmac);
}

static int echo_reply(int n, int seq)
{
	return icmp_echo_reply_seq(f, n, dst, getpid() & 0xffff) == seq;
}

int main(int argc, char **argv)
{
	const char *iface = NULL;
	char name[16];
	int count = 3, received = 0;

	for (int i = 1; i < argc; i++) {
		if (!strcmp(argv[i], "-I") && i + 1 < argc)
			iface = argv[++i];
		else if (!strcmp(argv[i], "-c") && i + 1 < argc)
			count = atoi(argv[++i]);
		else if (!strcmp(argv[i], "-S") && i + 1 < argc && !parse_ip(argv[i + 1], &src))
			i++;
		else if (parse_ip(argv[i], &dst)) {
			printf("usage: ping -I IFACE [-c COUNT] [-S SOURCE] DESTINATION\n");
			return 2;
		}
	}
	if (!iface || !dst) {
		printf("usage: ping -I IFACE [-c COUNT] [-S SOURCE] DESTINATION\n");
		return 2;
	}
	if (open_iface(iface, WAIT_MS)) {
		printf("ping: %s: %s\n", iface, strerror(errno));
		return 1;
	}
	format_ip(dst, name);
	printf("PING %s (%s) %d(%d) bytes of data.\n", name, name, DATA_LEN, DATA_LEN + 28);
	for (int tries = 0;; tries++) { /* ARP asks up to three times */
		write(fd, f, arp_make_request(f, mac, src, dst));
		if (!await(arp_reply, 0))
			break;
		if (tries == 2) {
			printf("ping: no ARP reply from %s\n", name);
			return 1;
		}
	}
	for (int seq = 1; seq <= count; seq++) {
		int n = icmp_make_echo_request(f, dmac, mac, src, dst, getpid() & 0xffff, seq, DATA_LEN);
		if (write(fd, f, n) != n)
			break;
		if (!await(echo_reply, seq)) {
			received++;
			printf("%d bytes from %s: icmp_seq=%d ttl=%d\n", DATA_LEN + 8, name, seq,
			       f[ETH_HDR + 8]);
		}
	}
	printf("--- %s ping statistics ---\n", name);
	printf("%d packets transmitted, %d received, %d%% packet loss\n", count, received,
	       count ? (count - received) * 100 / count : 0);
	return received == count ? 0 : 1;
}
