/*
 * The e1000's descriptor rings (drivers/net/e1000.c has the whole driver's
 * story). Receive: the card DMAs each frame into the buffer of the next
 * descriptor and sets its DD bit; the poll takes the frames off in order,
 * hands each up, puts a fresh buffer in its place and gives the descriptors
 * back (RDT). Transmit: e1000_xmit_frame() fills a descriptor and moves TDT;
 * the poll frees the buffers of the ones the card has written back.
 */
#include <linux/dma-mapping.h>
#include <linux/kernel.h>
#include <linux/netdevice.h>
#include <linux/skbuff.h>
#include "e1000.h"

/* ---------------------------------------------------------------- receive */

static bool give_rx_buffer(struct e1000_adapter *a, unsigned int i, struct sk_buff *skb)
{
	dma_addr_t dma = dma_map_single(&a->pdev->dev, skb->data, E1000_RX_BUF, DMA_FROM_DEVICE);

	if (dma_mapping_error(&a->pdev->dev, dma))
		return false;
	a->rx_skb[i] = skb;
	a->rx_ring[i] = (struct e1000_rx_desc){ .buffer_addr = dma };
	return true;
}

static void count_rx_error(struct e1000_adapter *a, unsigned long *counter)
{
	spin_lock(&a->stats_lock);
	(*counter)++;
	a->netdev->stats.rx_errors++;
	spin_unlock(&a->stats_lock);
}

/* One descriptor the card has filled: hand its frame up, or drop it. */
static void receive_one(struct e1000_adapter *a, unsigned int i)
{
	struct e1000_rx_desc *desc = &a->rx_ring[i];
	struct net_device_stats *stats = &a->netdev->stats;
	struct sk_buff *skb = a->rx_skb[i], *fresh;
	bool eop = desc->status & E1000_RXD_STAT_EOP;
	unsigned int len = desc->length;

	if (!eop || a->rx_discarding) {
		/* A frame longer than one buffer: not ours to take (no jumbo frames). */
		if (!a->rx_discarding)
			count_rx_error(a, &stats->rx_length_errors);
		a->rx_discarding = !eop;
	} else if (desc->errors || len < ETH_HLEN) {
		count_rx_error(a, &stats->rx_frame_errors);
	} else if (!(fresh = netdev_alloc_skb(a->netdev, E1000_RX_BUF, GFP_ATOMIC)) ||
		   !give_rx_buffer(a, i, fresh)) {
		kfree_skb(fresh); /* no memory for a new buffer: keep the old one, drop the frame */
		stats->rx_dropped++;
	} else {
		skb_put(skb, len);
		skb->protocol = skb->data[12] << 8 | skb->data[13];
		stats->rx_packets++;
		stats->rx_bytes += len;
		stats->multicast += skb->data[0] & 1;
		netif_receive_skb(skb);
		return;
	}
	desc->status = 0; /* the same buffer goes back to the card */
}

/**
 * e1000_clean_rx() - Take up to @budget received frames off the ring.
 * @a:      the adapter, up
 * @budget: at most this many descriptors
 *
 * Each frame goes to netif_receive_skb() (or is dropped and counted), a
 * fresh buffer takes its place, and the cleaned descriptors are handed back
 * to the card (RDT).
 *
 * Context: the NAPI poll (softirq context); never sleeps.
 * Return: the descriptors taken, at most @budget.
 */
int e1000_clean_rx(struct e1000_adapter *a, int budget)
{
	unsigned int i = a->rx_next_to_clean;
	int work = 0;

	while (work < budget && (READ_ONCE(a->rx_ring[i].status) & E1000_RXD_STAT_DD)) {
		smp_rmb(); /* the descriptor's other fields, after its DD bit */
		receive_one(a, i);
		i = (i + 1) % E1000_RX_RING;
		work++;
	}
	if (work) {
		a->rx_next_to_clean = i;
		smp_wmb(); /* the fresh descriptors, before the card may use them */
		ew32(a, E1000_RDT, (i + E1000_RX_RING - 1) % E1000_RX_RING);
	}
	return work;
}

/**
 * e1000_free_rx_ring() - Free every receive buffer.
 * @a: the adapter, its card not receiving and its poll disabled
 *
 * Context: process context.
 */
void e1000_free_rx_ring(struct e1000_adapter *a)
{
	for (unsigned int i = 0; i < E1000_RX_RING; i++) {
		kfree_skb(a->rx_skb[i]);
		a->rx_skb[i] = NULL;
	}
}

/**
 * e1000_fill_rx_ring() - Give every receive descriptor a buffer.
 * @a: the adapter, its ring allocated, the card not receiving
 *
 * Context: process context; may sleep.
 * Return: 0, or -ENOMEM (nothing is left allocated).
 */
int e1000_fill_rx_ring(struct e1000_adapter *a)
{
	for (unsigned int i = 0; i < E1000_RX_RING; i++) {
		struct sk_buff *skb = netdev_alloc_skb(a->netdev, E1000_RX_BUF, GFP_KERNEL);
		if (!skb || !give_rx_buffer(a, i, skb)) {
			kfree_skb(skb);
			e1000_free_rx_ring(a);
			return -ENOMEM;
		}
	}
	a->rx_next_to_clean = 0;
	a->rx_discarding = false;
	return 0;
}

/* ---------------------------------------------------------------- transmit */

static unsigned int tx_unused(struct e1000_adapter *a)
{
	return (a->tx_next_to_clean + E1000_TX_RING - a->tx_next_to_use - 1) % E1000_TX_RING;
}

/**
 * e1000_xmit_frame() - Put one frame on the transmit ring.
 * @skb:    the frame; consumed unless NETDEV_TX_BUSY is returned
 * @netdev: the interface
 *
 * The card sends it as soon as TDT moves past its descriptor and writes the
 * descriptor back (DD) when done; the next poll frees the buffer.
 *
 * Context: bottom halves off, netdev->tx_lock held (dev_queue_xmit()).
 * Return: NETDEV_TX_OK, or NETDEV_TX_BUSY if the ring is full (queue stopped).
 */
netdev_tx_t e1000_xmit_frame(struct sk_buff *skb, struct net_device *netdev)
{
	struct e1000_adapter *a = netdev_priv(netdev);
	unsigned int i = a->tx_next_to_use;
	dma_addr_t dma;

	if (!tx_unused(a)) {
		netif_stop_queue(netdev);
		return NETDEV_TX_BUSY;
	}
	dma = dma_map_single(&a->pdev->dev, skb->data, skb->len, DMA_TO_DEVICE);
	if (dma_mapping_error(&a->pdev->dev, dma)) {
		netdev->stats.tx_dropped++;
		kfree_skb(skb);
		return NETDEV_TX_OK;
	}
	a->tx_skb[i] = skb;
	a->tx_ring[i] = (struct e1000_tx_desc){
		.buffer_addr = dma, .length = skb->len,
		.cmd = E1000_TXD_CMD_EOP | E1000_TXD_CMD_IFCS | E1000_TXD_CMD_RS };
	a->tx_next_to_use = (i + 1) % E1000_TX_RING;
	smp_wmb(); /* the descriptor, before the card is told about it */
	ew32(a, E1000_TDT, a->tx_next_to_use);
	if (!tx_unused(a))
		netif_stop_queue(netdev);
	return NETDEV_TX_OK;
}

/**
 * e1000_clean_tx() - Free the buffers of the frames the card has sent.
 * @a: the adapter, up
 *
 * Wakes the transmit queue when a quarter of the ring is free again.
 *
 * Context: the NAPI poll (softirq context); takes netdev->tx_lock.
 */
void e1000_clean_tx(struct e1000_adapter *a)
{
	struct net_device *netdev = a->netdev;
	unsigned int i;

	spin_lock(&netdev->tx_lock);
	for (i = a->tx_next_to_clean; i != a->tx_next_to_use; i = (i + 1) % E1000_TX_RING) {
		if (!(READ_ONCE(a->tx_ring[i].status) & E1000_TXD_STAT_DD))
			break;
		netdev->stats.tx_packets++;
		netdev->stats.tx_bytes += a->tx_skb[i]->len;
		dev_kfree_skb_any(a->tx_skb[i]);
		a->tx_skb[i] = NULL;
	}
	a->tx_next_to_clean = i;
	if (netif_queue_stopped(netdev) && tx_unused(a) >= E1000_TX_RING / 4)
		netif_wake_queue(netdev);
	spin_unlock(&netdev->tx_lock);
}

/**
 * e1000_free_tx_ring() - Free every transmit buffer and empty the ring.
 * @a: the adapter, its card not sending and its poll disabled
 *
 * Context: netdev->tx_lock held, bottom halves off.
 */
void e1000_free_tx_ring(struct e1000_adapter *a)
{
	for (unsigned int i = 0; i < E1000_TX_RING; i++) {
		kfree_skb(a->tx_skb[i]);
		a->tx_skb[i] = NULL;
	}
	a->tx_next_to_use = a->tx_next_to_clean = 0;
}
