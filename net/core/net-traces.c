/*
 * The network trace events (include/trace/events/net.h), printed as Linux
 * prints them:
 *
 *   net_dev_xmit: dev=eth0 skbaddr=c12345 len=98 rc=0
 *   napi_poll: napi poll on napi struct c1234 for device eth1 work 1 budget 64
 *   netif_receive_skb: dev=eth1 skbaddr=c12345 len=98
 *
 * With irq: and sched: events they draw one frame's path: the card's
 * interrupt, the NET_RX softirq's poll, the frame handed to the socket, the
 * reader woken (docs/networking.md, `make timeline-net`).
 */
#include <linux/kernel.h>
#include <linux/netdevice.h>
#include <linux/sprintf.h>
#include <linux/string.h>
#include <janus/trace.h>
#include <trace/events/net.h>

struct net_fields {
	const void *obj;  /* the skb or the napi_struct */
	int a, b;         /* len and rc; work and budget */
	char dev[IFNAMSIZ];
};

static int print_net_dev_xmit(char *buf, size_t size, const void *data)
{
	const struct net_fields *f = data;
	return scnprintf(buf, size, "dev=%s skbaddr=%p len=%d rc=%d", f->dev, f->obj, f->a, f->b);
}
DEFINE_EVENT_CALL(net_dev_xmit, "net", print_net_dev_xmit);

static int print_netif_receive_skb(char *buf, size_t size, const void *data)
{
	const struct net_fields *f = data;
	return scnprintf(buf, size, "dev=%s skbaddr=%p len=%d", f->dev, f->obj, f->a);
}
DEFINE_EVENT_CALL(netif_receive_skb, "net", print_netif_receive_skb);

static int print_napi_poll(char *buf, size_t size, const void *data)
{
	const struct net_fields *f = data;
	return scnprintf(buf, size, "napi poll on napi struct %p for device %s work %d budget %d",
			 f->obj, f->dev, f->a, f->b);
}
DEFINE_EVENT_CALL(napi_poll, "napi", print_napi_poll);

static void record(const struct trace_event_call *call, const void *obj, int a, int b,
		   const struct net_device *dev)
{
	unsigned long flags;
	struct net_fields *f = trace_event_begin(call, &flags);

	BUILD_BUG_ON(sizeof(*f) > sizeof(((struct trace_entry *)0)->data));
	if (!f)
		return;
	f->obj = obj;
	f->a = a;
	f->b = b;
	strscpy(f->dev, dev ? dev->name : "", sizeof(f->dev));
	trace_event_end(f, flags);
}

/**
 * __trace_net_dev_xmit() - Record net_dev_xmit: the driver took (rc 0) or refused a frame.
 * @skb: the frame's address (only printed: the driver may have freed it)
 * @rc:  the driver's answer
 * @dev: the interface
 * @len: the frame's length
 *
 * Context: any context (the tracepoint trace_net_dev_xmit() calls it once enabled).
 */
void __trace_net_dev_xmit(void *skb, int rc, struct net_device *dev, unsigned int len)
{
	record(&event_net_dev_xmit, skb, len, rc, dev);
}

/**
 * __trace_netif_receive_skb() - Record netif_receive_skb: a received frame goes up to the taps.
 * @skb: the frame, skb->dev set
 *
 * Context: softirq context (the tracepoint trace_netif_receive_skb() calls it once enabled).
 */
void __trace_netif_receive_skb(struct sk_buff *skb)
{
	record(&event_netif_receive_skb, skb, skb->len, 0, skb->dev);
}

/**
 * __trace_napi_poll() - Record napi_poll: a poll took @work frames of its @budget.
 * @napi:   the NAPI context
 * @work:   frames taken
 * @budget: frames it was allowed
 *
 * Context: softirq context (the tracepoint trace_napi_poll() calls it once enabled).
 */
void __trace_napi_poll(struct napi_struct *napi, int work, int budget)
{
	record(&event_napi_poll, napi, work, budget, napi->dev);
}
