/*
 * Helpers of the network suites (tests/kernel/net_helpers.c): numbered test
 * frames sent from one e1000 to the other across QEMU's hub, and a tap that
 * checks each one as it arrives (in the NET_RX softirq).
 */
#ifndef _TESTS_KERNEL_NET_HELPERS_H
#define _TESTS_KERNEL_NET_HELPERS_H
#include <kunit/test.h>
#include <linux/completion.h>
#include <linux/netdevice.h>
#include "../../drivers/net/e1000.h"

#define TEST_ETHERTYPE 0x88b5 /* IEEE 802 local experimental */

struct frame_probe {
	struct packet_type pt;
	unsigned int frames;   /* test frames seen */
	unsigned int bad;      /* ... whose payload was not what was sent */
	unsigned int reordered; /* ... that came with a lower number than the one before */
	u32 next_seq;
	unsigned int last_len;
	int bad_at;            /* offset of the first wrong byte of the last bad one */
	bool in_softirq, in_hardirq; /* where the last one was delivered */
	u64 last_tsc;          /* when the last one was delivered */
	u64 *stamps;           /* if set: the TSC at every STAMP_EVERY-th frame */
	unsigned int nstamps, max_stamps;
};
#define STAMP_EVERY 100

/* eth0 and eth1 as e1000s, or skips the case. */
void need_two_cards(struct kunit *test, struct e1000_adapter **tx, struct e1000_adapter **rx);
void probe_start(struct frame_probe *p, struct net_device *dev);
void probe_stop(struct frame_probe *p);
/* n test frames of len bytes numbered from seq; waits for room if the ring is full.
 * Returns how many the driver took. */
unsigned int send_frames(struct net_device *from, struct net_device *to, u32 seq,
			 unsigned int n, unsigned int len);
/* Waits (with a safety-net timeout) until the probe has seen n frames. */
bool wait_frames(struct frame_probe *p, unsigned int n, unsigned int ms);
/* Sends a marker frame (a full ring may drop it) until the probe sees it, at
 * most 20 times, waiting ms each: numbered seq, seq + 1, ... so that only the
 * last one sent ends the wait. The hub keeps frame order, so every frame
 * sent before it, an earlier marker that was only late included, has then
 * arrived or been dropped. */
bool send_marker_until_seen(struct frame_probe *p, struct net_device *from,
			    struct net_device *to, u32 seq, unsigned int len, unsigned int ms);

/* A flood from its own kthread: frames numbered from 0, len bytes each; sent
 * is how many the driver took, done completes when it is over. */
struct flood {
	struct net_device *from, *to;
	unsigned int frames, len, sent;
	struct completion done;
};
int flood_thread(void *data);

#endif
