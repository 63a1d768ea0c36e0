/*
 * AF_PACKET sockets: raw Ethernet frames for user programs, Linux's API.
 *
 *   fd = socket(AF_PACKET, SOCK_RAW, htons(ETH_P_ALL));
 *   bind(fd, &(struct sockaddr_ll){ .sll_family = AF_PACKET,
 *            .sll_protocol = htons(ETH_P_ALL), .sll_ifindex = idx }, sizeof(sll));
 *   recvfrom(fd, buf, sizeof(buf), 0, &from, &fromlen);  sendto(...)
 *
 * This is the last step of the path of one packet (docs/networking.md).
 * A socket with a protocol puts a tap (struct packet_type) on one interface
 * or all; packet_rcv, the tap, runs in the NET_RX softirq: it copies the
 * frame onto the socket's receive queue and wakes the reader. recvfrom()
 * runs in process context, on behalf of the reading process, sleeps until
 * a frame is there and copies it to user memory, something no softirq may
 * do. A reader that falls behind loses frames once its queue holds
 * SO_RCVBUF bytes (counted: PACKET_STATISTICS) rather than holding up the
 * softirq. sendto() builds a frame and hands it to dev_queue_xmit().
 *
 * SOCK_RAW frames include the Ethernet header; SOCK_DGRAM ones are the
 * payload, the header made from sockaddr_ll on sending and taken off on
 * receiving. When an interface goes away (its driver unloaded), sockets
 * bound to it get ENETDOWN once and receive nothing more, as in Linux.
 */
#include <linux/byteorder.h>
#include <linux/errno.h>
#include <linux/init.h>
#include <linux/jiffies.h>
#include <linux/kernel.h>
#include <linux/net.h>
#include <linux/netdevice.h>
#include <linux/sched/signal.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/uaccess.h>
#include <uapi/asm/socket.h>
#include <uapi/linux/if_arp.h>
#include <uapi/linux/if_packet.h>
#include <uapi/linux/time.h>

#define RCVBUF_DEFAULT 212992 /* bytes a receive queue may hold: Linux's rmem_default */
#define RCVBUF_MAX (2 * 212992)
#define RCVBUF_MIN 2304

struct packet_sock {
	struct socket *sock;
	struct packet_type pt;    /* the tap, while the socket has a protocol */
	u16 num;                  /* the protocol, network order; 0: receives nothing */
	int ifindex;              /* bound to; 0: every interface, -1: it went away */
	struct sk_buff_head queue;
	atomic_t rmem;            /* bytes on the queue */
	int rcvbuf;               /* ... at most */
	long rcvtimeo;            /* jiffies a receive waits; MAX_SCHEDULE_TIMEOUT: forever */
	atomic_t err;             /* a pending error (ENETDOWN), reported once */
	atomic_t packets, drops;  /* for PACKET_STATISTICS */
	struct wait_queue_head wait;
};

static struct packet_sock *pkt_sk(const struct socket *sock)
{
	return sock->sk;
}

/* The tap: softirq context (or bottom halves off, for frames being sent). */
static void packet_rcv(struct sk_buff *skb, struct net_device *dev, struct packet_type *pt)
{
	struct packet_sock *po = pt->af_packet_priv;
	struct sk_buff *copy;

	if (atomic_read(&po->rmem) + (int)skb->len > READ_ONCE(po->rcvbuf) ||
	    !(copy = alloc_skb(skb->len, GFP_ATOMIC))) {
		atomic_inc(&po->drops);
		return;
	}
	memcpy(skb_put(copy, skb->len), skb->data, skb->len);
	copy->protocol = skb->protocol;
	copy->pkt_type = skb->pkt_type;
	copy->skb_iif = dev->ifindex;
	atomic_add(copy->len, &po->rmem);
	atomic_inc(&po->packets);
	skb_queue_tail(&po->queue, copy);
	wake_up_interruptible(&po->wait);
}

/* The interface the tap was bound to is being unregistered (softirq-safe). */
static void packet_dev_gone(struct packet_type *pt)
{
	struct packet_sock *po = pt->af_packet_priv;

	pt->dev = NULL;
	WRITE_ONCE(po->ifindex, -1);
	atomic_set(&po->err, ENETDOWN);
	wake_up_interruptible(&po->wait);
}

/* (Re)attaches the tap for po->num on @dev (NULL: every interface). */
static int packet_attach(struct packet_sock *po, struct net_device *dev)
{
	dev_remove_pack(&po->pt);
	po->pt.type = po->num;
	po->pt.dev = dev;
	if (po->num && !dev_add_pack_live(&po->pt))
		return -ENODEV; /* it was unregistered meanwhile */
	return 0;
}

static int packet_bind(struct socket *sock, struct sockaddr *addr, int len)
{
	struct packet_sock *po = pkt_sk(sock);
	struct sockaddr_ll *sll = (struct sockaddr_ll *)addr;
	struct net_device *dev = NULL;
	int err;

	if (len < (int)sizeof(*sll) || sll->sll_family != AF_PACKET)
		return -EINVAL;
	if (sll->sll_ifindex && !(dev = dev_get_by_index(sll->sll_ifindex)))
		return -ENODEV;
	if (sll->sll_protocol)
		po->num = sll->sll_protocol;
	po->ifindex = sll->sll_ifindex;
	atomic_set(&po->err, 0);
	err = packet_attach(po, dev);
	dev_put(dev);
	return err;
}

static int packet_getname(struct socket *sock, struct sockaddr *addr)
{
	struct packet_sock *po = pkt_sk(sock);
	struct sockaddr_ll *sll = (struct sockaddr_ll *)addr;
	struct net_device *dev = po->ifindex > 0 ? dev_get_by_index(po->ifindex) : NULL;

	sll->sll_family = AF_PACKET;
	sll->sll_protocol = po->num;
	sll->sll_ifindex = po->ifindex;
	if (dev) {
		sll->sll_hatype = ARPHRD_ETHER;
		sll->sll_halen = ETH_ALEN;
		memcpy(sll->sll_addr, dev->dev_addr, ETH_ALEN);
		dev_put(dev);
	}
	return offsetof(struct sockaddr_ll, sll_addr) + sll->sll_halen;
}

/* The destination interface, held: the address's, or the bound one. */
static struct net_device *packet_out_dev(struct packet_sock *po, const struct msghdr *m,
					  u16 *proto, const u8 **daddr)
{
	const struct sockaddr_ll *sll = m->msg_name;
	int ifindex = READ_ONCE(po->ifindex);

	*proto = po->num;
	*daddr = NULL;
	if (sll) {
		if (m->msg_namelen < (int)offsetof(struct sockaddr_ll, sll_addr) ||
		    sll->sll_family != AF_PACKET)
			return ERR_PTR(-EINVAL);
		ifindex = sll->sll_ifindex;
		*proto = sll->sll_protocol;
		if (m->msg_namelen >= (int)(offsetof(struct sockaddr_ll, sll_addr) + ETH_ALEN))
			*daddr = sll->sll_addr;
	}
	return ifindex > 0 ? dev_get_by_index(ifindex) ?: ERR_PTR(-ENXIO) : ERR_PTR(-ENXIO);
}

/* Hands the frame to the driver, waiting for room in its ring unless told not to. */
static int packet_xmit(struct sk_buff *skb, unsigned int flags)
{
	struct net_device *dev = skb->dev;
	int err;

	while ((err = dev_queue_xmit(skb)) == -EBUSY) {
		if (flags & MSG_DONTWAIT)
			err = -EAGAIN;
		else if (wait_event_interruptible_timeout(dev->tx_wait, !netif_queue_stopped(dev) ||
							  !(READ_ONCE(dev->flags) & IFF_UP), HZ) < 0)
			err = -ERESTARTSYS;
		else
			continue;
		kfree_skb(skb);
		break;
	}
	return err;
}

static int packet_sendmsg(struct socket *sock, struct msghdr *m)
{
	struct packet_sock *po = pkt_sk(sock);
	unsigned int hlen = sock->type == SOCK_DGRAM ? ETH_HLEN : 0;
	const u8 *daddr;
	struct net_device *dev;
	struct sk_buff *skb;
	u16 proto;
	u8 *d;
	int err;

	dev = packet_out_dev(po, m, &proto, &daddr);
	if (IS_ERR(dev))
		return PTR_ERR(dev);
	err = -ENETDOWN;
	if (!(READ_ONCE(dev->flags) & IFF_UP))
		goto out;
	err = -EMSGSIZE;
	if (m->msg_len + hlen > dev->mtu + ETH_HLEN)
		goto out;
	err = -EINVAL;
	if (m->msg_len + hlen < ETH_HLEN || (hlen && !daddr))
		goto out;
	err = -ENOBUFS;
	skb = netdev_alloc_skb(dev, m->msg_len + hlen, GFP_KERNEL);
	if (!skb)
		goto out;
	d = skb_put(skb, m->msg_len + hlen);
	if (hlen) { /* SOCK_DGRAM: the header from the address */
		memcpy(d, daddr, ETH_ALEN);
		memcpy(d + ETH_ALEN, dev->dev_addr, ETH_ALEN);
		memcpy(d + 2 * ETH_ALEN, &proto, 2);
	}
	err = -EFAULT;
	if (memcpy_from_msg(d + hlen, m, m->msg_len)) {
		kfree_skb(skb);
		goto out;
	}
	skb->sk = po;
	err = packet_xmit(skb, m->msg_flags);
out:
	dev_put(dev);
	return err ? err : (int)m->msg_len;
}

/* Waits for a frame or an error; the frame, or NULL with *err set. */
static struct sk_buff *packet_wait(struct packet_sock *po, unsigned int flags, int *err)
{
	long timeo = flags & MSG_DONTWAIT ? 0 : po->rcvtimeo;
	struct sk_buff *skb;
	long left;

	for (;;) {
		skb = skb_dequeue(&po->queue);
		if (skb)
			return skb;
		if (atomic_read(&po->err)) {
			*err = -atomic_xchg(&po->err, 0);
			return NULL;
		}
		*err = -EAGAIN;
		if (!timeo)
			return NULL;
		left = wait_event_interruptible_timeout(po->wait, skb_queue_len(&po->queue) ||
							atomic_read(&po->err), timeo);
		if (left < 0) { /* a signal: restart unless a timeout was set, as Linux */
			*err = timeo == MAX_SCHEDULE_TIMEOUT ? -ERESTARTSYS : -EINTR;
			return NULL;
		}
		if (!left && !skb_queue_len(&po->queue) && !atomic_read(&po->err))
			return NULL;
		if (timeo != MAX_SCHEDULE_TIMEOUT)
			timeo = left ? left : 1;
	}
}

static void packet_fill_addr(const struct sk_buff *skb, struct msghdr *m)
{
	struct sockaddr_ll *sll = m->msg_name;

	*sll = (struct sockaddr_ll){
		.sll_family = AF_PACKET,
		.sll_protocol = htons(skb->protocol),
		.sll_ifindex = skb->skb_iif,
		.sll_hatype = ARPHRD_ETHER,
		.sll_pkttype = skb->pkt_type,
		.sll_halen = ETH_ALEN,
	};
	if (skb->len >= ETH_HLEN)
		memcpy(sll->sll_addr, skb->data + ETH_ALEN, ETH_ALEN); /* the sender */
	m->msg_namelen = sizeof(*sll);
}

/* m->msg_flags: the caller's MSG_* in, MSG_TRUNC out if the frame was cut. */
static int packet_recvmsg(struct socket *sock, struct msghdr *m)
{
	struct packet_sock *po = pkt_sk(sock);
	unsigned int hlen = sock->type == SOCK_DGRAM ? ETH_HLEN : 0;
	unsigned int flags = m->msg_flags;
	struct sk_buff *skb;
	unsigned int len, n;
	int err;

	if (flags & ~(MSG_DONTWAIT | MSG_TRUNC | MSG_PEEK))
		return -EINVAL;
	skb = packet_wait(po, flags, &err);
	if (!skb)
		return err;
	len = skb->len > hlen ? skb->len - hlen : 0;
	n = min_t(size_t, len, m->msg_len);
	err = memcpy_to_msg(m, skb->data + hlen, n);
	m->msg_flags = n < len ? MSG_TRUNC : 0;
	if (!err && m->msg_name)
		packet_fill_addr(skb, m);
	if (flags & MSG_PEEK) { /* it stays first in line */
		skb_queue_head(&po->queue, skb);
	} else {
		atomic_sub(skb->len, &po->rmem);
		kfree_skb(skb);
	}
	if (err)
		return err;
	return flags & MSG_TRUNC ? (int)len : (int)n;
}

static int set_rcvtimeo(struct packet_sock *po, const void __user *optval, unsigned int optlen)
{
	struct timeval tv;

	if (optlen < sizeof(tv))
		return -EINVAL;
	if (copy_from_user(&tv, optval, sizeof(tv)))
		return -EFAULT;
	if (tv.tv_usec < 0 || tv.tv_usec >= 1000000)
		return -EDOM;
	if (tv.tv_sec < 0)
		po->rcvtimeo = 0;
	else if ((!tv.tv_sec && !tv.tv_usec) || tv.tv_sec >= MAX_SCHEDULE_TIMEOUT / HZ / 1000)
		po->rcvtimeo = MAX_SCHEDULE_TIMEOUT;
	else
		po->rcvtimeo = max(1l, (long)msecs_to_jiffies(tv.tv_sec * 1000 + tv.tv_usec / 1000));
	return 0;
}

static int packet_setsockopt(struct socket *sock, int level, int optname,
			     const void __user *optval, unsigned int optlen)
{
	struct packet_sock *po = pkt_sk(sock);
	int val;

	if (level != SOL_SOCKET)
		return -ENOPROTOOPT; /* no SOL_PACKET options to set yet */
	switch (optname) {
	case SO_RCVTIMEO:
		return set_rcvtimeo(po, optval, optlen);
	case SO_RCVBUF:
		if (optlen < sizeof(int))
			return -EINVAL;
		if (get_user(val, (const int __user *)optval))
			return -EFAULT;
		val = clamp(val > RCVBUF_MAX / 2 ? RCVBUF_MAX : 2 * val, RCVBUF_MIN, RCVBUF_MAX); /* doubled, as Linux */
		WRITE_ONCE(po->rcvbuf, val);
		return 0;
	default:
		return -ENOPROTOOPT;
	}
}

static int packet_getsockopt(struct socket *sock, int level, int optname, void __user *optval,
			     int __user *optlen)
{
	struct packet_sock *po = pkt_sk(sock);
	struct tpacket_stats st;
	struct timeval tv = { 0 };
	int val, len;
	const void *p = &val;

	if (get_user(len, optlen))
		return -EFAULT;
	if (len < 0)
		return -EINVAL;
	if (level == SOL_PACKET && optname == PACKET_STATISTICS) {
		st.tp_drops = atomic_xchg(&po->drops, 0);
		st.tp_packets = atomic_xchg(&po->packets, 0) + st.tp_drops;
		p = &st;
		len = min_t(int, len, sizeof(st));
	} else if (level == SOL_SOCKET && optname == SO_RCVTIMEO) {
		if (po->rcvtimeo != MAX_SCHEDULE_TIMEOUT) {
			tv.tv_sec = po->rcvtimeo / HZ;
			tv.tv_usec = po->rcvtimeo % HZ * (1000000 / HZ);
		}
		p = &tv;
		len = min_t(int, len, sizeof(tv));
	} else if (level == SOL_SOCKET) {
		if (optname == SO_TYPE)
			val = sock->type;
		else if (optname == SO_ERROR)
			val = atomic_xchg(&po->err, 0);
		else if (optname == SO_RCVBUF)
			val = po->rcvbuf;
		else
			return -ENOPROTOOPT;
		len = min_t(int, len, sizeof(val));
	} else {
		return -ENOPROTOOPT;
	}
	if (copy_to_user(optval, p, len) || put_user(len, optlen))
		return -EFAULT;
	return 0;
}

static int packet_release(struct socket *sock)
{
	struct packet_sock *po = pkt_sk(sock);

	dev_remove_pack(&po->pt);
	skb_queue_purge(&po->queue);
	kfree(po);
	return 0;
}

static const struct proto_ops packet_ops = {
	.family = AF_PACKET,
	.release = packet_release,
	.bind = packet_bind,
	.getname = packet_getname,
	.setsockopt = packet_setsockopt,
	.getsockopt = packet_getsockopt,
	.sendmsg = packet_sendmsg,
	.recvmsg = packet_recvmsg,
};

static int packet_create(struct socket *sock, int protocol)
{
	struct packet_sock *po;

	if (sock->type != SOCK_RAW && sock->type != SOCK_DGRAM)
		return -ESOCKTNOSUPPORT;
	if (protocol < 0 || protocol > 0xffff)
		return -EINVAL;
	po = kzalloc(sizeof(*po), GFP_KERNEL);
	if (!po)
		return -ENOMEM;
	po->sock = sock;
	po->num = (u16)protocol; /* already in network order: htons(ETH_P_ALL) */
	po->rcvbuf = RCVBUF_DEFAULT;
	po->rcvtimeo = MAX_SCHEDULE_TIMEOUT;
	skb_queue_head_init(&po->queue);
	init_waitqueue_head(&po->wait);
	INIT_LIST_HEAD(&po->pt.list);
	po->pt.func = packet_rcv;
	po->pt.dev_gone = packet_dev_gone;
	po->pt.af_packet_priv = po;
	sock->ops = &packet_ops;
	sock->sk = po;
	packet_attach(po, NULL); /* a protocol: every interface until bind() */
	return 0;
}

static const struct net_proto_family packet_family = {
	.family = AF_PACKET,
	.create = packet_create,
};

static int __init packet_init(void)
{
	return sock_register(&packet_family);
}
core_initcall(packet_init);
