/*
 * Tracepoints of the network path (Linux's events/net.h and events/napi.h,
 * same names, fields and output): a frame handed to a driver, a NAPI poll
 * done, a frame handed up to the taps. Recorders in net/core/net-traces.c.
 */
#ifndef _TRACE_EVENTS_NET_H
#define _TRACE_EVENTS_NET_H
#include <linux/tracepoint.h>

struct napi_struct;
struct net_device;
struct sk_buff;

/* net/core/dev.c: dev_queue_xmit() after the driver's ndo_start_xmit (rc its answer;
 * the length taken before, as the driver may have freed the frame). */
DECLARE_TRACE(net_dev_xmit, TP_PROTO(void *skb, int rc, struct net_device *dev, unsigned int len),
	      TP_ARGS(skb, rc, dev, len))
/* net/core/dev.c: netif_receive_skb(), before the taps. */
DECLARE_TRACE(netif_receive_skb, TP_PROTO(struct sk_buff *skb), TP_ARGS(skb))
/* net/core/napi.c: net_rx_action() after each poll: the frames it took, of its budget. */
DECLARE_TRACE(napi_poll, TP_PROTO(struct napi_struct *napi, int work, int budget),
	      TP_ARGS(napi, work, budget))

#endif
