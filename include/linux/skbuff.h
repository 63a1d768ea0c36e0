/*
 * struct sk_buff: one frame on its way through the kernel. The buffer (head)
 * is where the card wrote it by DMA; data and len say which part is the
 * frame. A receiving driver fills one per descriptor of its ring, and hands
 * it up with netif_receive_skb(); whoever takes it last frees it.
 * sk_buff_head is a locked queue of them (a reader's receive queue).
 */
#ifndef _LINUX_SKBUFF_H
#define _LINUX_SKBUFF_H
#include <linux/gfp.h>
#include <linux/spinlock.h>
#include <linux/types.h>

struct net_device;

struct sk_buff {
	struct sk_buff *next;
	struct net_device *dev; /* where it came in, or goes out */
	unsigned char *head;    /* the buffer, truesize bytes */
	unsigned char *data;    /* the frame's first byte */
	unsigned int len;       /* the frame's length */
	unsigned int truesize;
	u16 protocol;           /* EtherType, host order */
	u8 pkt_type;            /* PACKET_HOST... (uapi/linux/if_packet.h), set on receipt */
	int skb_iif;            /* index of the interface it came in on (0: sent here) */
	const void *sk;         /* the socket that sent it, or NULL */
	u64 tstamp;             /* TSC when the driver took it off the ring */
};

struct sk_buff_head {
	struct sk_buff *first, *last;
	unsigned int qlen;
	spinlock_t lock;
};

struct sk_buff *alloc_skb(unsigned int size, gfp_t gfp);
void kfree_skb(struct sk_buff *skb);
/**
 * skb_put() - Extend @skb's data by @len bytes at its end.
 * @skb: the buffer (it must have the room: alloc_skb()'s size)
 * @len: how many bytes
 *
 * Context: any context; does not sleep.
 * Return: where the new bytes start, for the caller to fill.
 */
static inline unsigned char *skb_put(struct sk_buff *skb, unsigned int len)
{
	unsigned char *tail = skb->data + skb->len;
	skb->len += len;
	return tail;
}

void skb_queue_head_init(struct sk_buff_head *list);
void skb_queue_tail(struct sk_buff_head *list, struct sk_buff *skb);
void skb_queue_head(struct sk_buff_head *list, struct sk_buff *skb);
struct sk_buff *skb_dequeue(struct sk_buff_head *list);
void skb_queue_purge(struct sk_buff_head *list);
/**
 * skb_queue_len() - How many buffers are on @list.
 * @list: the queue
 *
 * Context: any context; does not sleep (a snapshot, without the queue's lock).
 * Return: the count.
 */
static inline unsigned int skb_queue_len(const struct sk_buff_head *list) { return READ_ONCE(list->qlen); }

#endif
