/*
 * pingd: answers ARP and ICMP echo for one IPv4 address on one interface,
 * reading and writing raw frames through /dev/IFACE. No IP stack: it knows
 * just enough of ARP, IPv4 and ICMP to be pinged.
 *
 *   pingd eth1 10.0.0.2 [COUNT]    answer until COUNT echo requests were answered
 */
#include <fcntl.h>
#include <janus/rawnet.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <unistd.h>
#include <inet.h>

int main(int argc, char **argv)
{
	unsigned char mac[6], f[1514];
	unsigned int ip, answered = 0, count;
	char path[32];
	int fd;

	if (argc < 3 || parse_ip(argv[2], &ip)) {
		printf("usage: pingd IFACE IP [COUNT]\n");
		return 2;
	}
	count = argc > 3 ? atoi(argv[3]) : 0;
	snprintf(path, sizeof(path), "/dev/%s", argv[1]);
	fd = open(path, O_RDWR);
	if (fd < 0 || ioctl(fd, RAWNET_GET_HWADDR, mac)) {
		printf("pingd: cannot open %s\n", path);
		return 1;
	}
	while (!count || answered < count) {
		int n = read(fd, f, sizeof(f));
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
		if (write(fd, f, n) != n)
			return 1;
	}
	return 0;
}
