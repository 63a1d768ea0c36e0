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
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include "packet_pair.h"

#define FLOOD_TYPE 0x88b5 /* IEEE 802 local experimental */
#define LEN 200

static const char *from, *to;
static struct packet_pair pair = { .tx = -1, .rx = -1 };
static unsigned char got[ETH_FRAME_LEN];
static unsigned int seq, next_seq, bad, received, total;

static int gone(int err)
{
	return err == ENETDOWN || err == ENXIO || err == ENODEV;
}

static void check(int n)
{
	unsigned int s;

	if (!pair_intact(got, n, LEN, &s)) {
		bad++;
		return;
	}
	if (s < next_seq)
		bad++;
	next_seq = s + 1;
	received++;
}

/* One frame out, everything waiting read back: 0, or -1 if the interfaces went away. */
static int step(void)
{
	int n;

	pair_number(&pair, seq, LEN);
	if (sendto(pair.tx, pair.frame, LEN, 0, (struct sockaddr *)&pair.dst, sizeof(pair.dst)) == LEN)
		seq++;
	else if (gone(errno))
		return -1;
	while ((n = recv(pair.rx, got, sizeof(got), 0)) > 0)
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
		if (pair_open(&pair, from, to, FLOOD_TYPE)) {
			usleep(10000);
			continue;
		}
		received = 0;
		while (!step())
			;
		pair_close(&pair);
		total += received;
		round++; /* the interfaces it used went away */
	}
	printf("packet_flood: %u frames sent, %u received, %u bad, over %d rounds\n", seq, total,
	       bad, rounds);
	return bad || !total ? 1 : 0;
}
