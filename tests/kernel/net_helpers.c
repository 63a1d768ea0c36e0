/* Test frames and the probe that checks them (tests/kernel/net_helpers.h). */
#include <linux/byteorder.h>
#include <linux/interrupt.h>
#include <linux/kernel.h>
#include <linux/string.h>
#include "helpers.h"
#include "net_helpers.h"

#define PAYLOAD_MAGIC 0x4a616e75 /* "Janu" */

void need_two_cards(struct kunit *test, struct e1000_adapter **tx, struct e1000_adapter **rx)
{
	*tx = e1000_find("eth0");
	*rx = e1000_find("eth1");
	if (!*tx || !*rx)
		kunit_skip(test, "needs two e1000 cards on a hub (the net configurations)");
	if (!netif_carrier_ok((*rx)->netdev))
		wait_until(netif_carrier_ok((*rx)->netdev), 2000);
}

static u8 pattern(u32 seq, unsigned int i)
{
	return (u8)(seq * 31 + i);
}

static void probe_rx(struct sk_buff *skb, struct net_device *dev, struct packet_type *pt)
{
	struct frame_probe *p = container_of(pt, struct frame_probe, pt);
	const u8 *payload = skb->data + ETH_HLEN;
	u32 seq, magic;
	bool ok;

	(void)dev;
	if (skb->protocol != TEST_ETHERTYPE || skb->len < ETH_HLEN + 8)
		return;
	memcpy(&seq, payload, 4);
	memcpy(&magic, payload + 4, 4);
	ok = magic == PAYLOAD_MAGIC;
	for (unsigned int i = ETH_HLEN + 8; ok && i < skb->len; i++) {
		ok = skb->data[i] == pattern(seq, i) || (i < ETH_ZLEN && !skb->data[i]); /* padding */
		if (!ok)
			p->bad_at = i;
	}
	p->bad += !ok;
	p->reordered += seq < p->next_seq;
	p->next_seq = seq + 1;
	p->last_len = skb->len;
	p->in_softirq = in_serving_softirq();
	p->in_hardirq = in_hardirq();
	p->last_tsc = rdtsc();
	WRITE_ONCE(p->frames, p->frames + 1);
	if (p->stamps && !(p->frames % STAMP_EVERY) && p->nstamps < p->max_stamps)
		p->stamps[p->nstamps++] = p->last_tsc;
}

void probe_start(struct frame_probe *p, struct net_device *dev)
{
	memset(p, 0, sizeof(*p));
	p->pt.type = htons(ETH_P_ALL);
	p->pt.dev = dev;
	p->pt.func = probe_rx;
	dev_add_pack(&p->pt);
}

void probe_stop(struct frame_probe *p)
{
	dev_remove_pack(&p->pt);
}

static struct sk_buff *make_frame(struct net_device *from, struct net_device *to, u32 seq,
				  unsigned int len)
{
	struct sk_buff *skb = netdev_alloc_skb(from, max(len, 64u), GFP_KERNEL);
	u8 *d;
	u32 magic = PAYLOAD_MAGIC;

	if (!skb)
		return NULL;
	d = skb_put(skb, len);
	memcpy(d, to->dev_addr, ETH_ALEN);
	memcpy(d + ETH_ALEN, from->dev_addr, ETH_ALEN);
	d[12] = TEST_ETHERTYPE >> 8;
	d[13] = TEST_ETHERTYPE & 0xff;
	for (unsigned int i = ETH_HLEN; i < len; i++)
		d[i] = pattern(seq, i);
	if (len >= ETH_HLEN + 8) {
		memcpy(d + ETH_HLEN, &seq, 4);
		memcpy(d + ETH_HLEN + 4, &magic, 4);
	}
	return skb;
}

unsigned int send_frames(struct net_device *from, struct net_device *to, u32 seq,
			 unsigned int n, unsigned int len)
{
	unsigned int sent = 0;

	while (sent < n) {
		struct sk_buff *skb = make_frame(from, to, seq + sent, len);
		int err;

		if (!skb)
			break;
		while ((err = dev_queue_xmit(skb)) == -EBUSY) /* ring full: wait for the poll */
			wait_event_timeout(from->tx_wait, !netif_queue_stopped(from), HZ);
		if (err)
			break;
		sent++;
	}
	return sent;
}

bool wait_frames(struct frame_probe *p, unsigned int n, unsigned int ms)
{
	return wait_until(READ_ONCE(p->frames) >= n, ms);
}

bool send_marker_until_seen(struct frame_probe *p, struct net_device *from,
			    struct net_device *to, u32 seq, unsigned int len, unsigned int ms)
{
	bool seen = false;

	for (u32 tries = 0; tries < 20 && !seen; tries++) {
		send_frames(from, to, seq + tries, 1, len);
		seen = wait_until(READ_ONCE(p->next_seq) > seq + tries, ms);
	}
	return seen;
}

int flood_thread(void *data)
{
	struct flood *f = data;

	f->sent = send_frames(f->from, f->to, 0, f->frames, f->len);
	complete(&f->done);
	return 0;
}
