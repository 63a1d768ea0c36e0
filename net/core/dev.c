/*
 * Network interfaces: registering them (eth0, eth1...), bringing them up
 * and down, sending a frame (dev_queue_xmit -> the driver's ndo_start_xmit)
 * and the last step of receiving one: netif_receive_skb(), called by a
 * driver's NAPI poll in softirq context, hands the frame to every tap that
 * wants it (a packet_type: a packet socket, a test). A frame nobody takes
 * is counted in the device's rx_dropped, as Linux counts it. Packet
 * sockets also see what the machine sends (dev_queue_xmit_nit).
 *
 * A device goes away while others may still hold it: lookups by name or
 * index take a reference (dev_hold), and unregister_netdev() takes the
 * device's taps off and waits until every reference is dropped, so the
 * driver may then free it (an rmmod under traffic).
 */
#include <linux/export.h>
#include <linux/byteorder.h>
#include <linux/delay.h>
#include <linux/errno.h>
#include <linux/init.h>
#include <linux/jiffies.h>
#include <linux/kernel.h>
#include <linux/mutex.h>
#include <linux/netdevice.h>
#include <linux/slab.h>
#include <linux/sprintf.h>
#include <linux/string.h>
#include <trace/events/net.h>
#include <uapi/linux/if_packet.h>

static LIST_HEAD(net_devices);
static DEFINE_MUTEX(net_devices_lock); /* the device list, open and close */
static int next_ifindex = 1;

/* net_devices_lock held. */
static int __dev_open(struct net_device *dev)
{
	int err = 0;

	if (dev->unregistering)
		return -ENODEV; /* on its way out: a driver being unloaded frees it next */
	if (!(dev->flags & IFF_UP)) {
		err = dev->netdev_ops->ndo_open ? dev->netdev_ops->ndo_open(dev) : 0;
		if (!err)
			dev->flags |= IFF_UP | IFF_BROADCAST;
	}
	return err;
}

/* net_devices_lock held. */
static void __dev_close(struct net_device *dev)
{
	if (!(dev->flags & IFF_UP))
		return;
	spin_lock_bh(&dev->tx_lock); /* no sender is past its IFF_UP check */
	WRITE_ONCE(dev->flags, dev->flags & ~IFF_UP);
	spin_unlock_bh(&dev->tx_lock);
	if (dev->netdev_ops->ndo_stop)
		dev->netdev_ops->ndo_stop(dev);
	dev_napi_check_off(dev);
	wake_up_all(&dev->tx_wait);
}

/* net_devices_lock held. */
static struct net_device *__dev_get_by_name(const char *name)
{
	struct net_device *dev;

	list_for_each_entry(dev, &net_devices, dev_list)
		if (!strcmp(dev->name, name))
			return dev;
	return NULL;
}

/* Taps: changed in process context under ptype_lock, walked by the softirq. */
static LIST_HEAD(ptype_all);
static DEFINE_SPINLOCK(ptype_lock);

/* Whether the frame was for this interface, everyone, a group or someone else. */
static u8 eth_pkt_type(const struct sk_buff *skb, const struct net_device *dev)
{
	if (skb->len < ETH_HLEN || !memcmp(skb->data, dev->dev_addr, ETH_ALEN))
		return PACKET_HOST;
	if (!memcmp(skb->data, dev->broadcast, ETH_ALEN))
		return PACKET_BROADCAST;
	return skb->data[0] & 1 ? PACKET_MULTICAST : PACKET_OTHERHOST;
}

static bool tap_wants(const struct packet_type *pt, const struct sk_buff *skb)
{
	return pt->type == htons(ETH_P_ALL) || pt->type == htons(skb->protocol);
}

/*
 * A frame leaving: packet sockets that take every protocol see it too, with
 * PACKET_OUTGOING, except the socket that sent it (Linux's
 * dev_queue_xmit_nit). The kernel's own taps see received frames only.
 * Bottom halves are off (dev->tx_lock), as the taps expect.
 */
static void dev_queue_xmit_nit(struct sk_buff *skb, struct net_device *dev)
{
	struct packet_type *pt;

	skb->pkt_type = PACKET_OUTGOING;
	skb->skb_iif = 0;
	skb->protocol = skb->data[12] << 8 | skb->data[13];
	spin_lock(&ptype_lock);
	list_for_each_entry(pt, &ptype_all, list)
		if (pt->af_packet_priv && pt->af_packet_priv != skb->sk &&
		    pt->type == htons(ETH_P_ALL) && (!pt->dev || pt->dev == dev))
			pt->func(skb, dev, pt);
	spin_unlock(&ptype_lock);
}

/**
 * alloc_etherdev() - A new Ethernet interface with @sizeof_priv bytes for its driver.
 * @sizeof_priv: size of the driver's private data (netdev_priv())
 *
 * Context: process context; may sleep.
 * Return: the device, not yet registered, or NULL if memory is short.
 */
struct net_device *alloc_etherdev(int sizeof_priv)
{
	struct net_device *dev = kzalloc(sizeof(*dev) + sizeof_priv, GFP_KERNEL);

	if (!dev)
		return NULL;
	dev->priv = dev + 1;
	dev->mtu = ETH_DATA_LEN;
	memset(dev->broadcast, 0xff, ETH_ALEN);
	spin_lock_init(&dev->tx_lock);
	init_waitqueue_head(&dev->tx_wait);
	INIT_LIST_HEAD(&dev->dev_list);
	INIT_LIST_HEAD(&dev->napi_list);
	return dev;
}
EXPORT_SYMBOL(alloc_etherdev);

/**
 * free_netdev() - Free a device from alloc_etherdev().
 * @dev: the device, unregistered
 *
 * Context: process context.
 */
void free_netdev(struct net_device *dev)
{
	kfree(dev);
}
EXPORT_SYMBOL(free_netdev);

/**
 * register_netdev() - Make an interface visible as ethN.
 * @dev: the device, with its netdev_ops and MAC address filled in
 *
 * It gets the lowest free ethN name and the next interface index. It
 * starts down: dev_open() brings it up.
 *
 * Context: process context; may sleep.
 * Return: 0, or -EINVAL without netdev_ops.
 */
int register_netdev(struct net_device *dev)
{
	char name[IFNAMSIZ];

	if (!dev->netdev_ops || !dev->netdev_ops->ndo_start_xmit)
		return -EINVAL;
	mutex_lock(&net_devices_lock);
	for (int n = 0;; n++) {
		snprintf(name, sizeof(name), "eth%d", n);
		if (!__dev_get_by_name(name))
			break;
	}
	strscpy(dev->name, name, sizeof(dev->name));
	strscpy(dev->dev.name, name, sizeof(dev->dev.name));
	dev->ifindex = next_ifindex++;
	list_add_tail(&dev->dev_list, &net_devices);
	mutex_unlock(&net_devices_lock);
	return 0;
}
EXPORT_SYMBOL(register_netdev);

/* Takes every tap bound to @dev off, and tells its owner. */
static void detach_taps(struct net_device *dev)
{
	struct packet_type *pt, *next;

	spin_lock_bh(&ptype_lock);
	list_for_each_entry_safe(pt, next, &ptype_all, list) {
		if (pt->dev != dev)
			continue;
		list_del_init(&pt->list);
		if (pt->dev_gone)
			pt->dev_gone(pt);
	}
	spin_unlock_bh(&ptype_lock);
}

/* Waits until nobody holds @dev, saying so every 10 seconds, as Linux does. */
static void wait_allrefs(struct net_device *dev)
{
	unsigned long warned = jiffies;

	while (atomic_read(&dev->refcnt)) {
		msleep(10);
		if (time_after(jiffies, warned + 10 * HZ)) {
			pr_warn("unregister_netdevice: waiting for %s to become free. Usage count = %d\n",
				dev->name, atomic_read(&dev->refcnt));
			warned = jiffies;
		}
	}
}

/**
 * unregister_netdev() - Take an interface away (closing it first if it is up).
 * @dev: the device
 *
 * Lookups stop finding it and dev_open() refuses it, it is closed, the
 * taps bound to it are taken off (their
 * dev_gone() is called: a packet socket then reports ENETDOWN), and it
 * waits until every dev_hold() is dropped: the caller may free_netdev().
 *
 * Context: process context; may sleep.
 */
void unregister_netdev(struct net_device *dev)
{
	mutex_lock(&net_devices_lock);
	dev->unregistering = true; /* no dev_open() from now on */
	list_del_init(&dev->dev_list);
	__dev_close(dev);
	mutex_unlock(&net_devices_lock);
	detach_taps(dev);
	wait_allrefs(dev);
}
EXPORT_SYMBOL(unregister_netdev);

/**
 * dev_get_by_name() - Find an interface by name, and hold it.
 * @name: e.g. "eth0"
 *
 * Context: process context; may sleep.
 * Return: the device, held (dev_put() it), or NULL.
 */
struct net_device *dev_get_by_name(const char *name)
{
	struct net_device *dev;

	mutex_lock(&net_devices_lock);
	dev = __dev_get_by_name(name);
	if (dev)
		dev_hold(dev);
	mutex_unlock(&net_devices_lock);
	return dev;
}
EXPORT_SYMBOL(dev_get_by_name);

/**
 * dev_get_by_index() - Find an interface by its index, and hold it.
 * @ifindex: the index register_netdev() gave it
 *
 * Context: process context; may sleep.
 * Return: the device, held (dev_put() it), or NULL.
 */
struct net_device *dev_get_by_index(int ifindex)
{
	struct net_device *dev, *found = NULL;

	mutex_lock(&net_devices_lock);
	list_for_each_entry(dev, &net_devices, dev_list)
		if (dev->ifindex == ifindex)
			found = dev;
	if (found)
		dev_hold(found);
	mutex_unlock(&net_devices_lock);
	return found;
}
EXPORT_SYMBOL(dev_get_by_index);

/**
 * dev_open() - Bring an interface up: the driver's ndo_open.
 * @dev: the device
 *
 * Context: process context; may sleep.
 * Return: 0 (also if it was up already), -ENODEV once it is being
 * unregistered, or the driver's error.
 */
int dev_open(struct net_device *dev)
{
	int err;

	mutex_lock(&net_devices_lock);
	err = __dev_open(dev);
	mutex_unlock(&net_devices_lock);
	return err;
}

/**
 * dev_close() - Take an interface down: the driver's ndo_stop.
 * @dev: the device
 *
 * Senders waiting for room in its queue are woken and get -ENETDOWN.
 *
 * Context: process context; may sleep.
 * Return: 0.
 */
int dev_close(struct net_device *dev)
{
	mutex_lock(&net_devices_lock);
	__dev_close(dev);
	mutex_unlock(&net_devices_lock);
	return 0;
}

/**
 * netif_carrier_on() - The link is up: the interface can pass frames.
 * @dev: the device
 *
 * Context: any context.
 */
void netif_carrier_on(struct net_device *dev)
{
	if (!READ_ONCE(dev->carrier)) {
		WRITE_ONCE(dev->carrier, true);
		netdev_info(dev, "link is up\n");
	}
}
EXPORT_SYMBOL(netif_carrier_on);

/**
 * netif_carrier_off() - The link is down.
 * @dev: the device
 *
 * Context: any context.
 */
void netif_carrier_off(struct net_device *dev)
{
	if (READ_ONCE(dev->carrier)) {
		WRITE_ONCE(dev->carrier, false);
		netdev_info(dev, "link is down\n");
	}
}
EXPORT_SYMBOL(netif_carrier_off);

/**
 * netif_wake_queue() - The driver has room again: let senders go on.
 * @dev: the device
 *
 * Context: any context (a driver's poll calls it from softirq context).
 */
void netif_wake_queue(struct net_device *dev)
{
	WRITE_ONCE(dev->tx_stopped, false);
	wake_up_all(&dev->tx_wait);
}
EXPORT_SYMBOL(netif_wake_queue);

/**
 * dev_queue_xmit() - Send a frame.
 * @skb: the frame, with skb->dev set; consumed unless the result is -EBUSY
 *
 * Context: any context; bottom halves are disabled around the driver call.
 * Return: 0 once the driver has it, -ENETDOWN if the interface is down,
 * -EMSGSIZE for a frame longer than the MTU allows (freed), or -EBUSY if the
 * driver's queue is full (the caller keeps skb; netif_wake_queue() wakes
 * dev->tx_wait when there is room).
 */
int dev_queue_xmit(struct sk_buff *skb)
{
	struct net_device *dev = skb->dev;
	unsigned int len;
	netdev_tx_t ret;

	if (skb->len > dev->mtu + ETH_HLEN || skb->len < ETH_HLEN) {
		dev->stats.tx_dropped++;
		kfree_skb(skb);
		return -EMSGSIZE;
	}
	spin_lock_bh(&dev->tx_lock);
	/* Checked under the lock dev_close() takes: a driver's stop never
	 * frees its ring under a sender. Before the queue: a stopped queue
	 * of a device that went down stays stopped. */
	if (!(dev->flags & IFF_UP)) {
		spin_unlock_bh(&dev->tx_lock);
		kfree_skb(skb);
		return -ENETDOWN;
	}
	if (netif_queue_stopped(dev)) {
		spin_unlock_bh(&dev->tx_lock);
		return -EBUSY;
	}
	dev_queue_xmit_nit(skb, dev);
	len = skb->len;
	ret = dev->netdev_ops->ndo_start_xmit(skb, dev);
	trace_net_dev_xmit(skb, ret, dev, len);
	spin_unlock_bh(&dev->tx_lock);
	return ret == NETDEV_TX_OK ? 0 : -EBUSY;
}
EXPORT_SYMBOL(dev_queue_xmit);

/**
 * netdev_alloc_skb() - A receive buffer for @dev.
 * @dev:    the device
 * @length: data room
 * @gfp:    GFP_ATOMIC in a poll
 *
 * Context: any context with GFP_ATOMIC.
 * Return: the buffer, or NULL.
 */
struct sk_buff *netdev_alloc_skb(struct net_device *dev, unsigned int length, gfp_t gfp)
{
	struct sk_buff *skb = alloc_skb(length, gfp);

	if (skb)
		skb->dev = dev;
	return skb;
}
EXPORT_SYMBOL(netdev_alloc_skb);

/**
 * dev_kfree_skb_any() - Free a frame the driver is done with.
 * @skb: the frame
 *
 * Context: any context.
 */
void dev_kfree_skb_any(struct sk_buff *skb)
{
	kfree_skb(skb);
}
EXPORT_SYMBOL(dev_kfree_skb_any);

/**
 * dev_add_pack() - Start tapping received frames.
 * @pt: the tap: its dev (NULL: every device) and func, called in softirq context
 *
 * Context: process context.
 */
void dev_add_pack(struct packet_type *pt)
{
	spin_lock_bh(&ptype_lock);
	list_add_tail(&pt->list, &ptype_all);
	spin_unlock_bh(&ptype_lock);
}
EXPORT_SYMBOL(dev_add_pack);

/**
 * dev_add_pack_live() - dev_add_pack(), unless pt->dev is being unregistered.
 * @pt: the tap; pt->dev held by the caller (or NULL: every device)
 *
 * What a tap that may race with an unregister uses (a packet socket's
 * bind): either the tap is on before the unregister takes the device's taps
 * off, or it is refused.
 *
 * Context: process context.
 * Return: true if the tap is on.
 */
bool dev_add_pack_live(struct packet_type *pt)
{
	bool live;

	spin_lock_bh(&ptype_lock);
	live = !pt->dev || !pt->dev->unregistering;
	if (live)
		list_add_tail(&pt->list, &ptype_all);
	spin_unlock_bh(&ptype_lock);
	return live;
}

/**
 * dev_remove_pack() - Stop tapping; no call of pt->func is running on return.
 * @pt: the tap
 *
 * Context: process context.
 */
void dev_remove_pack(struct packet_type *pt)
{
	spin_lock_bh(&ptype_lock);
	list_del_init(&pt->list);
	spin_unlock_bh(&ptype_lock);
}
EXPORT_SYMBOL(dev_remove_pack);

/**
 * netif_receive_skb() - Hand a received frame to whoever wants it.
 * @skb: the frame, skb->dev set; consumed
 *
 * Each tap that wants it gets its own copy; a frame no tap takes is counted
 * in rx_dropped. Runs the taps in the caller's context: the NET_RX softirq.
 * A frame passed up from a hardirq handler is dropped (and counted), with a
 * WARNING the first time: the taps' locks are not hardirq-safe.
 *
 * Context: softirq context (a NAPI poll), or with bottom halves disabled.
 * Return: 0 if someone took it, -ENOENT if it was dropped.
 */
int netif_receive_skb(struct sk_buff *skb)
{
	struct net_device *dev = skb->dev;
	struct packet_type *pt;
	bool taken = false;

	if (WARN_ONCE(in_hardirq(), "%s: netif_receive_skb() in hardirq context: frames go up from the NAPI poll, in the NET_RX softirq\n",
		      dev->name)) {
		dev->stats.rx_dropped++;
		kfree_skb(skb);
		return -ENOENT;
	}
	this_cpu_inc(softnet_data.frames_up); /* for the running poll's budget check */
	trace_netif_receive_skb(skb);
	skb->pkt_type = eth_pkt_type(skb, dev);
	skb->skb_iif = dev->ifindex;
	spin_lock(&ptype_lock);
	list_for_each_entry(pt, &ptype_all, list) {
		if ((pt->dev && pt->dev != dev) || !tap_wants(pt, skb))
			continue;
		pt->func(skb, dev, pt);
		taken = true;
	}
	spin_unlock(&ptype_lock);
	if (!taken) {
		dev->rx_nohandler++;
		dev->stats.rx_dropped++;
	}
	kfree_skb(skb);
	return taken ? 0 : -ENOENT;
}
EXPORT_SYMBOL(netif_receive_skb);

/**
 * for_each_netdev_call() - Call @fn for every registered interface.
 * @fn:  the function
 * @arg: its second argument
 *
 * Context: process context; may sleep (holds the device list's mutex).
 */
void for_each_netdev_call(void (*fn)(struct net_device *dev, void *arg), void *arg)
{
	struct net_device *dev;

	mutex_lock(&net_devices_lock);
	list_for_each_entry(dev, &net_devices, dev_list)
		fn(dev, arg);
	mutex_unlock(&net_devices_lock);
}

/*
 * The boot's network configuration, what a distribution's scripts would do:
 * every interface the drivers registered comes up (an interface registered
 * later, by a module, starts down, as in Linux).
 */
static int __init net_interfaces_up(void)
{
	struct net_device *dev;

	mutex_lock(&net_devices_lock);
	list_for_each_entry(dev, &net_devices, dev_list)
		if (__dev_open(dev))
			pr_warn("%s: cannot bring it up\n", dev->name);
	mutex_unlock(&net_devices_lock);
	return 0;
}
late_initcall(net_interfaces_up);
