/*
 * Network interfaces and NAPI, Linux's API (net/core/dev.c).
 *
 * A driver allocates a struct net_device with alloc_etherdev(), fills its
 * netdev_ops and MAC address, and register_netdev() names it eth0, eth1...
 * dev_open() calls ndo_open (rings, interrupt, NAPI on); dev_queue_xmit()
 * hands a frame to ndo_start_xmit.
 *
 * Receiving, NAPI-style: the interrupt handler (top half) acknowledges the
 * card, masks its interrupts and calls napi_schedule(). The NET_RX softirq
 * (net_rx_action) then calls the driver's poll(napi, budget), which takes up
 * to budget frames off the ring, passes each to netif_receive_skb(), refills
 * the ring, and only when the ring is empty calls napi_complete_done() and
 * unmasks the card. A poll that used its whole budget stays scheduled; when
 * the softirq's own budget or time runs out it leaves the rest for later,
 * and under sustained load that later is ksoftirqd, in process context.
 */
#ifndef _LINUX_NETDEVICE_H
#define _LINUX_NETDEVICE_H
#include <linux/atomic.h>
#include <linux/device.h>
#include <linux/list.h>
#include <linux/skbuff.h>
#include <linux/spinlock.h>
#include <linux/types.h>
#include <linux/wait.h>
#include <uapi/linux/if.h>
#include <uapi/linux/if_ether.h>

#define NAPI_POLL_WEIGHT 64 /* frames one poll may take */

/* Counters in the shape of Linux's rtnl_link_stats (what /proc/net/dev shows). */
struct net_device_stats {
	unsigned long rx_packets, tx_packets, rx_bytes, tx_bytes;
	unsigned long rx_errors, tx_errors, rx_dropped, tx_dropped, multicast, collisions;
	unsigned long rx_length_errors, rx_over_errors, rx_crc_errors, rx_frame_errors;
	unsigned long rx_fifo_errors, rx_missed_errors;
	unsigned long tx_aborted_errors, tx_carrier_errors, tx_fifo_errors;
};

enum netdev_tx { NETDEV_TX_OK = 0, NETDEV_TX_BUSY = 0x10 };
typedef enum netdev_tx netdev_tx_t;

struct net_device;

struct net_device_ops {
	int (*ndo_open)(struct net_device *dev);   /* process context; may sleep */
	int (*ndo_stop)(struct net_device *dev);   /* process context; may sleep */
	/* Bottom halves off, dev->tx_lock held. Consumes skb unless it returns BUSY. */
	netdev_tx_t (*ndo_start_xmit)(struct sk_buff *skb, struct net_device *dev);
	/* Brings dev->stats up to date (hardware counters); process context. */
	void (*ndo_get_stats)(struct net_device *dev);
};

/* napi->state bits. OFF: disabled (netif_napi_add, napi_disable), until napi_enable. */
enum { NAPI_STATE_SCHED, NAPI_STATE_DISABLE, NAPI_STATE_MISSED, NAPI_STATE_OFF };

struct napi_struct {
	struct list_head poll_list; /* on this CPU's list while scheduled */
	unsigned long state;
	int weight;
	int (*poll)(struct napi_struct *napi, int budget);
	struct net_device *dev;
	struct list_head dev_list;  /* on dev->napi_list */
	bool completed;             /* napi_complete_done() was called in the running poll */
	bool warned;                /* a broken rule of NAPI was reported (once a context) */
};

struct net_device {
	char name[IFNAMSIZ];
	int ifindex;
	unsigned int flags; /* IFF_UP */
	unsigned int mtu;
	unsigned char dev_addr[ETH_ALEN];
	unsigned char broadcast[ETH_ALEN];
	bool carrier;
	bool tx_stopped;
	struct net_device_stats stats;
	unsigned long rx_nohandler; /* frames nobody took (counted in rx_dropped) */
	const struct net_device_ops *netdev_ops;
	spinlock_t tx_lock;                 /* serialises ndo_start_xmit */
	struct wait_queue_head tx_wait;     /* senders waiting for room */
	struct list_head dev_list;
	struct list_head napi_list;         /* its NAPI contexts (netif_napi_add) */
	atomic_t refcnt;                    /* dev_hold()s; unregister waits for them */
	bool unregistering;                 /* being unregistered: no dev_open(), no new taps */
	struct device dev;                  /* dev.parent: the PCI device */
	void *priv;
};

/**
 * netdev_priv() - The driver's private area of @dev (alloc_etherdev()'s sizeof_priv bytes).
 * @dev: the device
 *
 * Context: any context; does not sleep.
 * Return: the private area.
 */
static inline void *netdev_priv(const struct net_device *dev) { return dev->priv; }
#define SET_NETDEV_DEV(net, pdev) ((net)->dev.parent = (pdev))
#define netdev_info(ndev, fmt, ...) \
	dev_info((ndev)->dev.parent, "%s: " fmt, (ndev)->name, ##__VA_ARGS__)
#define netdev_warn(ndev, fmt, ...) \
	dev_warn((ndev)->dev.parent, "%s: " fmt, (ndev)->name, ##__VA_ARGS__)

struct net_device *alloc_etherdev(int sizeof_priv);
void free_netdev(struct net_device *dev);
int register_netdev(struct net_device *dev);
void unregister_netdev(struct net_device *dev);
struct net_device *dev_get_by_name(const char *name);
struct net_device *dev_get_by_index(int ifindex);
/**
 * dev_hold() - Keep @dev from being freed: unregister_netdev() waits for dev_put().
 * @dev: the device
 *
 * Context: any context.
 */
static inline void dev_hold(struct net_device *dev) { atomic_inc(&dev->refcnt); }
/**
 * dev_put() - Drop a dev_hold() or dev_get_by_*() reference.
 * @dev: the device, or NULL
 *
 * Context: any context.
 */
static inline void dev_put(struct net_device *dev)
{
	if (dev)
		atomic_dec(&dev->refcnt);
}
int dev_open(struct net_device *dev);
int dev_close(struct net_device *dev);
int dev_queue_xmit(struct sk_buff *skb);
void for_each_netdev_call(void (*fn)(struct net_device *dev, void *arg), void *arg);

void netif_carrier_on(struct net_device *dev);
void netif_carrier_off(struct net_device *dev);
/**
 * netif_carrier_ok() - Whether @dev's link is up (netif_carrier_on()).
 * @dev: the device
 *
 * Context: any context; does not sleep.
 * Return: true if the carrier is on.
 */
static inline bool netif_carrier_ok(const struct net_device *dev) { return READ_ONCE(dev->carrier); }
/**
 * netif_start_queue() - Let the stack hand @dev frames to send (at open).
 * @dev: the device
 *
 * Context: any context; does not sleep.
 */
static inline void netif_start_queue(struct net_device *dev) { WRITE_ONCE(dev->tx_stopped, false); }
/**
 * netif_stop_queue() - Stop the stack handing @dev frames: its transmit ring is full.
 * @dev: the device
 *
 * netif_wake_queue() starts it again once the ring has room.
 *
 * Context: any context (a driver's ndo_start_xmit, its interrupt); does not sleep.
 */
static inline void netif_stop_queue(struct net_device *dev) { WRITE_ONCE(dev->tx_stopped, true); }
/**
 * netif_queue_stopped() - Whether @dev's transmit queue is stopped.
 * @dev: the device
 *
 * Context: any context; does not sleep.
 * Return: true after netif_stop_queue(), until netif_start_queue()/netif_wake_queue().
 */
static inline bool netif_queue_stopped(const struct net_device *dev) { return READ_ONCE(dev->tx_stopped); }
void netif_wake_queue(struct net_device *dev);

/* Receiving (net/core/dev.c). */
int netif_receive_skb(struct sk_buff *skb);
struct sk_buff *netdev_alloc_skb(struct net_device *dev, unsigned int length, gfp_t gfp);
void dev_kfree_skb_any(struct sk_buff *skb);

/* A tap on received frames: every frame of dev (or of every device, dev NULL).
 * func runs in softirq context and must copy what it keeps: the frame is
 * freed once every tap has seen it. */
struct packet_type {
	u16 type;               /* EtherType in network order: htons(ETH_P_ALL) for every frame */
	struct net_device *dev;
	void (*func)(struct sk_buff *skb, struct net_device *dev, struct packet_type *pt);
	/* A packet socket's (NULL for the kernel's own taps): such a tap also sees
	 * the frames this machine sends, except its own, with PACKET_OUTGOING. */
	void *af_packet_priv;
	/* Called when dev is unregistered, after the tap is taken off: softirq-safe. */
	void (*dev_gone)(struct packet_type *pt);
	struct list_head list;
};
void dev_add_pack(struct packet_type *pt);
bool dev_add_pack_live(struct packet_type *pt);
void dev_remove_pack(struct packet_type *pt);

/* NAPI (net/core/dev.c). */
void netif_napi_add(struct net_device *dev, struct napi_struct *napi,
		    int (*poll)(struct napi_struct *, int));
void napi_enable(struct napi_struct *napi);
void napi_disable(struct napi_struct *napi);
bool napi_schedule_prep(struct napi_struct *napi);
void __napi_schedule(struct napi_struct *napi);
/**
 * napi_schedule() - Schedule @napi's poll in NET_RX softirq on this CPU, unless already scheduled.
 * @napi: the NAPI context
 *
 * What a driver's interrupt handler calls, with the device's interrupts
 * masked; the poll runs at this interrupt's irq_exit.
 *
 * Context: any context, typically a hardirq handler; does not sleep.
 * Return: true if this call scheduled it, false if it was scheduled or disabled.
 */
static inline bool napi_schedule(struct napi_struct *napi)
{
	if (!napi_schedule_prep(napi))
		return false;
	__napi_schedule(napi);
	return true;
}
bool napi_complete_done(struct napi_struct *napi, int work_done);
void dev_napi_check_off(struct net_device *dev);

struct seq_file;
/* /proc/net/dev (net/core/net-procfs.c). */
int dev_seq_show(struct seq_file *m, void *v);

/* Per-CPU receive statistics (softnet_seq_show(): Linux's listing of them in /proc/net). */
struct softnet_data {
	struct list_head poll_list;
	unsigned int processed;    /* frames the polls took */
	unsigned int time_squeeze; /* rounds that ran out of budget or time with work left */
	unsigned int frames_up;    /* netif_receive_skb() calls in the running poll */
};
DECLARE_PER_CPU(struct softnet_data, softnet_data);
int softnet_seq_show(struct seq_file *m, void *v);

#endif
