/*
 * Frame buffers (struct sk_buff) and queues of them. A buffer is allocated
 * in two parts, the small header and the data, so that the data (up to a
 * page) is physically contiguous and a card can DMA into it.
 */
#include <linux/export.h>
#include <linux/kernel.h>
#include <linux/skbuff.h>
#include <linux/slab.h>

/**
 * alloc_skb() - A frame buffer with room for @size bytes.
 * @size: bytes of data room (at most a page)
 * @gfp:  GFP_ATOMIC from interrupt or softirq context, else GFP_KERNEL
 *
 * Context: any context with GFP_ATOMIC; process context (may sleep) with GFP_KERNEL.
 * Return: the buffer, empty (len 0), or NULL if memory is short.
 */
struct sk_buff *alloc_skb(unsigned int size, gfp_t gfp)
{
	struct sk_buff *skb = kzalloc(sizeof(*skb), gfp);

	if (!skb)
		return NULL;
	skb->head = kmalloc(size, gfp);
	if (!skb->head) {
		kfree(skb);
		return NULL;
	}
	skb->data = skb->head;
	skb->truesize = size;
	return skb;
}
EXPORT_SYMBOL(alloc_skb);

/**
 * kfree_skb() - Free a frame buffer.
 * @skb: the buffer, or NULL
 *
 * Context: any context.
 */
void kfree_skb(struct sk_buff *skb)
{
	if (!skb)
		return;
	kfree(skb->head);
	kfree(skb);
}
EXPORT_SYMBOL(kfree_skb);

/**
 * skb_queue_head_init() - An empty queue of frames.
 * @list: the queue
 *
 * Context: any context.
 */
void skb_queue_head_init(struct sk_buff_head *list)
{
	list->first = list->last = NULL;
	list->qlen = 0;
	spin_lock_init(&list->lock);
}
EXPORT_SYMBOL(skb_queue_head_init);

/**
 * skb_queue_tail() - Append a frame to a queue.
 * @list: the queue
 * @skb:  the frame, which the queue now owns
 *
 * Context: any context (takes the queue's lock with interrupts off).
 */
void skb_queue_tail(struct sk_buff_head *list, struct sk_buff *skb)
{
	unsigned long flags;

	skb->next = NULL;
	spin_lock_irqsave(&list->lock, flags);
	if (list->last)
		list->last->next = skb;
	else
		list->first = skb;
	list->last = skb;
	list->qlen++;
	spin_unlock_irqrestore(&list->lock, flags);
}
EXPORT_SYMBOL(skb_queue_tail);

/**
 * skb_queue_head() - Put a frame back at the front of a queue.
 * @list: the queue
 * @skb:  the frame, which the queue now owns
 *
 * What a reader that only looked (MSG_PEEK) does with the frame it took.
 *
 * Context: any context (takes the queue's lock with interrupts off).
 */
void skb_queue_head(struct sk_buff_head *list, struct sk_buff *skb)
{
	unsigned long flags;

	spin_lock_irqsave(&list->lock, flags);
	skb->next = list->first;
	list->first = skb;
	if (!list->last)
		list->last = skb;
	list->qlen++;
	spin_unlock_irqrestore(&list->lock, flags);
}
EXPORT_SYMBOL(skb_queue_head);

/**
 * skb_dequeue() - Take the first frame off a queue.
 * @list: the queue
 *
 * Context: any context.
 * Return: the frame (now the caller's), or NULL if the queue is empty.
 */
struct sk_buff *skb_dequeue(struct sk_buff_head *list)
{
	unsigned long flags;
	struct sk_buff *skb;

	spin_lock_irqsave(&list->lock, flags);
	skb = list->first;
	if (skb) {
		list->first = skb->next;
		if (!list->first)
			list->last = NULL;
		list->qlen--;
	}
	spin_unlock_irqrestore(&list->lock, flags);
	return skb;
}
EXPORT_SYMBOL(skb_dequeue);

/**
 * skb_queue_purge() - Free every frame of a queue.
 * @list: the queue
 *
 * Context: any context.
 */
void skb_queue_purge(struct sk_buff_head *list)
{
	struct sk_buff *skb;

	while ((skb = skb_dequeue(list)))
		kfree_skb(skb);
}
EXPORT_SYMBOL(skb_queue_purge);
