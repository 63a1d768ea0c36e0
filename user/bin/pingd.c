/*
 * pingd: answers ARP and ICMP echo for one IPv4 address on one interface,
 * reading and writing raw frames through an AF_PACKET socket bound to it,
 * as a Linux program would. No IP stack: it knows just enough of ARP, IPv4
 * and ICMP to be pinged.
 *
 *   pingd eth1 10.0.0.2 [COUNT]    answer until COUNT echo requests were answered
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
#include <unistd.h>

int main(int argc, char **argv)
{
	unsigned char mac[6], f[1514];
	unsigned int ip, answered = 0, count;
	struct sockaddr_ll sll = { .sll_family = AF_PACKET, .sll_protocol = htons(ETH_P_ALL) };
	struct ifreq ifr;
	int fd;

	if (argc < 3 || parse_ip(argv[2], &ip)) {
		printf("usage: pingd IFACE IP [COUNT]\n");
		return 2;
	}
	count = argc > 3 ? atoi(argv[3]) : 0;
	fd = socket(AF_PACKET, SOCK_RAW, htons(ETH_P_ALL));
	memset(&ifr, 0, sizeof(ifr));
	strncpy(ifr.ifr_name, argv[1], IFNAMSIZ - 1);
	sll.sll_ifindex = if_nametoindex(argv[1]);
	if (fd < 0 || ioctl(fd, SIOCGIFHWADDR, &ifr) || !sll.sll_ifindex ||
	    bind(fd, (struct sockaddr *)&sll, sizeof(sll))) {
		printf("pingd: %s: %s\n", argv[1], strerror(errno));
		return 1;
	}
	memcpy(mac, ifr.ifr_hwaddr.sa_data, 6);
	while (!count || answered < count) {
		int n = recv(fd, f, sizeof(f), 0);
		if (n < 0)
			return 1;
		if (arp_is_request_for(f, n, ip)) {
			n = arp_make_reply(f, mac);
		} else if (icmp_is_echo_request_for(f, n, ip)) {
			icmp_make_echo_reply(f, n);
			answered++;
		} else {
			continue;
		}
		if (send(fd, f, n, 0) != n)
			return 1;
	}
	return 0;
}
