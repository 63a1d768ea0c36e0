/*
 * packet_flood FROM TO ROUNDS: numbered frames from interface FROM to
 * interface TO through AF_PACKET sockets, as fast as they go, each read
 * back on TO and checked (intact, numbers rising: the hub keeps order,
 * though a full ring may drop some). When the interfaces go away (their
 * driver unloaded) the calls fail with ENETDOWN, ENXIO or ENODEV: it closes
 * its sockets, waits for the interfaces to come back (the driver loaded
 * again), brings them up (SIOCSIFFLAGS) and goes on. It exits after ROUNDS
 * such disappearances, with status 0 if frames came back and every one was
 * intact and in order. Run by the kernel's
 * `e1000_module` suite: rmmod and insmod under traffic.
 */
#include <arpa/inet.h>
#include <errno.h>
#include <net/ethernet.h>
#include <net/if.h>
#include <netpacket/packet.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/socket.h>
#include <unistd.h>

#define FLOOD_TYPE 0x88b5 /* IEEE 802 local experimental */
#define LEN 200

static const char *from, *to;
static int tx = -1, rx = -1;
static struct sockaddr_ll dst = { .sll_family = AF_PACKET, .sll_halen = ETH_ALEN };
static unsigned char frame[ETH_FRAME_LEN], got[ETH_FRAME_LEN];
static unsigned int seq, next_seq, bad, received, total;

/* Brings name up; its MAC into mac. */
static int ifup(int fd, const char *name, unsigned char *mac)
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

static void close_all(void)
{
	if (tx >= 0)
		close(tx);
	if (rx >= 0)
		close(rx);
	tx = rx = -1;
}

/* Both interfaces there and up, both sockets open: 0; else -1 (try later). */
static int setup(void)
{
	struct sockaddr_ll sll = { .sll_family = AF_PACKET, .sll_protocol = htons(FLOOD_TYPE) };
	struct ether_header *eh = (struct ether_header *)frame;

	tx = socket(AF_PACKET, SOCK_RAW, 0);
	rx = socket(AF_PACKET, SOCK_RAW | SOCK_NONBLOCK, htons(FLOOD_TYPE));
	dst.sll_ifindex = if_nametoindex(from);
	sll.sll_ifindex = if_nametoindex(to);
	if (tx < 0 || rx < 0 || !dst.sll_ifindex || !sll.sll_ifindex ||
	    ifup(tx, from, eh->ether_shost) || ifup(tx, to, eh->ether_dhost) ||
	    bind(rx, (struct sockaddr *)&sll, sizeof(sll))) {
		close_all();
		return -1;
	}
	eh->ether_type = htons(FLOOD_TYPE);
	return 0;
}

static int gone(int err)
{
	return err == ENETDOWN || err == ENXIO || err == ENODEV;
}

static void check(int n)
{
	unsigned int s;

	memcpy(&s, got + ETH_HLEN, 4);
	for (int i = ETH_HLEN + 4; i < n; i++)
		if (got[i] != (unsigned char)(s + i)) {
			bad++;
			return;
		}
	if (n != LEN || s < next_seq)
		bad++;
	next_seq = s + 1;
	received++;
}

/* One frame out, everything waiting read back: 0, or -1 if the interfaces went away. */
static int step(void)
{
	int n;

	memcpy(frame + ETH_HLEN, &seq, 4);
	for (int i = ETH_HLEN + 4; i < LEN; i++)
		frame[i] = (unsigned char)(seq + i);
	if (sendto(tx, frame, LEN, 0, (struct sockaddr *)&dst, sizeof(dst)) == LEN)
		seq++;
	else if (gone(errno))
		return -1;
	while ((n = recv(rx, got, sizeof(got), 0)) > 0)
		check(n);
	return n < 0 && gone(errno) ? -1 : 0;
}

int main(int argc, char **argv)
{
	int rounds;

	if (argc != 4 || (rounds = atoi(argv[3])) <= 0) {
		printf("usage: packet_flood FROM TO ROUNDS\n");
		return 2;
	}
	from = argv[1];
	to = argv[2];
	for (int round = 0; round < rounds;) {
		if (setup()) {
			usleep(10000);
			continue;
		}
		received = 0;
		while (!step())
			;
		close_all();
		total += received;
		round++; /* the interfaces it used went away */
	}
	printf("packet_flood: %u frames sent, %u received, %u bad, over %d rounds\n", seq, total,
	       bad, rounds);
	return bad || !total ? 1 : 0;
}
