/*
 * /dev/ethN: raw Ethernet frames for user programs, the last step of the
 * path of one packet. Opening the node puts a tap on the interface; the tap
 * runs in the NET_RX softirq, copies each frame onto the reader's queue and
 * wakes the reader; read() runs in process context, on behalf of the
 * reading process, and sleeps until a frame is there. A reader that falls
 * behind loses frames (counted, rawnet_drops) rather than holding up the
 * softirq. write() sends one frame through dev_queue_xmit().
 *
 * The minor number is the interface index; the nodes appear when the
 * interfaces are registered.
 */
#include <linux/errno.h>
#include <linux/fs.h>
#include <linux/kernel.h>
#include <linux/netdevice.h>
#include <linux/sched/signal.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/uaccess.h>
#include <janus/vfs.h>
#include <uapi/janus/rawnet.h>

#define RAWNET_QUEUE_MAX 256 /* frames a reader may have waiting */

struct rawnet_reader {
	struct packet_type pt;
	struct sk_buff_head queue;
	struct wait_queue_head wait;
	unsigned int drops;
	unsigned long timeout; /* jiffies a read waits; MAX_SCHEDULE_TIMEOUT: forever */
};

static int rawnet_major;

/* The tap: softirq context. */
static void rawnet_rx(struct sk_buff *skb, struct net_device *dev, struct packet_type *pt)
{
	struct rawnet_reader *r = container_of(pt, struct rawnet_reader, pt);
	struct sk_buff *copy;

	(void)dev;
	if (skb_queue_len(&r->queue) >= RAWNET_QUEUE_MAX ||
	    !(copy = alloc_skb(skb->len, GFP_ATOMIC))) {
		r->drops++;
		return;
	}
	memcpy(skb_put(copy, skb->len), skb->data, skb->len);
	skb_queue_tail(&r->queue, copy);
	wake_up_interruptible(&r->wait);
}

static int rawnet_open(struct inode *inode, struct file *file)
{
	struct net_device *dev = dev_get_by_index(iminor(inode));
	struct rawnet_reader *r;

	if (!dev)
		return -ENODEV;
	r = kzalloc(sizeof(*r), GFP_KERNEL);
	if (!r)
		return -ENOMEM;
	skb_queue_head_init(&r->queue);
	init_waitqueue_head(&r->wait);
	r->timeout = MAX_SCHEDULE_TIMEOUT;
	r->pt.dev = dev;
	r->pt.func = rawnet_rx;
	dev_add_pack(&r->pt);
	file->private_data = r;
	return 0;
}

static int rawnet_release(struct inode *inode, struct file *file)
{
	struct rawnet_reader *r = file->private_data;

	(void)inode;
	dev_remove_pack(&r->pt);
	skb_queue_purge(&r->queue);
	kfree(r);
	return 0;
}

/* Process context: sleeps until a frame is queued, a signal, or the timeout. */
static ssize_t rawnet_read(struct file *file, char __user *buf, size_t count, loff_t *ppos)
{
	struct rawnet_reader *r = file->private_data;
	struct sk_buff *skb;
	long left;
	size_t n;

	(void)ppos;
	left = wait_event_interruptible_timeout(r->wait, skb_queue_len(&r->queue), r->timeout);
	if (left < 0)
		return left;
	skb = skb_dequeue(&r->queue);
	if (!skb)
		return -EAGAIN;
	n = min_t(size_t, count, skb->len);
	if (copy_to_user(buf, skb->data, n))
		n = -EFAULT;
	kfree_skb(skb);
	return n;
}

static ssize_t rawnet_write(struct file *file, const char __user *buf, size_t count,
			    loff_t *ppos)
{
	struct rawnet_reader *r = file->private_data;
	struct net_device *dev = r->pt.dev;
	struct sk_buff *skb;
	int err;

	(void)ppos;
	if (count < ETH_HLEN)
		return -EINVAL;
	if (count > ETH_FRAME_LEN)
		return -EMSGSIZE;
	skb = netdev_alloc_skb(dev, count, GFP_KERNEL);
	if (!skb)
		return -ENOBUFS;
	if (copy_from_user(skb_put(skb, count), buf, count)) {
		kfree_skb(skb);
		return -EFAULT;
	}
	while ((err = dev_queue_xmit(skb)) == -EBUSY) /* the ring is full: wait for room */
		if (wait_event_interruptible_timeout(dev->tx_wait, !netif_queue_stopped(dev), HZ) < 0) {
			kfree_skb(skb);
			return -ERESTARTSYS;
		}
	return err ? err : (ssize_t)count;
}

static long rawnet_ioctl(struct file *file, unsigned int cmd, unsigned long arg)
{
	struct rawnet_reader *r = file->private_data;

	switch (cmd) {
	case RAWNET_GET_HWADDR:
		return copy_to_user((void __user *)arg, r->pt.dev->dev_addr, ETH_ALEN) ? -EFAULT : 0;
	case RAWNET_SET_TIMEOUT:
		r->timeout = arg ? msecs_to_jiffies(arg) : MAX_SCHEDULE_TIMEOUT;
		return 0;
	default:
		return -ENOTTY;
	}
}

static const struct file_operations rawnet_fops = {
	.open = rawnet_open,
	.release = rawnet_release,
	.read = rawnet_read,
	.write = rawnet_write,
	.unlocked_ioctl = rawnet_ioctl,
};

/**
 * rawnet_publish() - Make /dev/NAME for a newly registered interface.
 * @dev: the interface
 *
 * Context: process context; may sleep.
 */
void rawnet_publish(struct net_device *dev)
{
	if (!rawnet_major) {
		int major = __register_chrdev(0, "rawnet", &rawnet_fops);
		if (major < 0)
			return;
		rawnet_major = major;
	}
	if (devtmpfs_create(dev->name, MKDEV((unsigned int)rawnet_major, (unsigned int)dev->ifindex)))
		netdev_warn(dev, "no /dev/%s\n", dev->name);
}
