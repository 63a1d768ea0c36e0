/*
 * A driver for the Intel 82540EM gigabit Ethernet controller, QEMU's default
 * "e1000". The path of one received frame through it (docs/networking.md):
 *
 *   1. The card DMAs the frame into the buffer of the next descriptor of the
 *      receive ring, sets the descriptor's DD bit, raises RXT0 in ICR and, if
 *      that cause is enabled in IMS (and ITR's throttling allows), asserts its
 *      INTx line.
 *   2. Top half, e1000_intr() (e1000_napi.c) in hardirq context: read ICR (which also
 *      acknowledges the causes), mask every cause (IMC), napi_schedule().
 *      Nothing else: the frame is not touched here.
 *   3. Bottom half, e1000_poll() (e1000_napi.c) in the NET_RX softirq (or in ksoftirqd under
 *      load): take up to budget frames off the ring, each to
 *      netif_receive_skb(), put a fresh buffer in its place and hand the
 *      descriptors back (RDT); only when the ring is empty complete the NAPI
 *      poll and unmask the card (IMS).
 *
 * The descriptor rings, receive and transmit, are in e1000_rings.c.
 *
 * Transmit: e1000_xmit_frame() fills a descriptor and moves TDT; the poll
 * frees the buffers of descriptors the card has written back.
 *
 * Two interrupt modes (e1000_set_irq_mode): NAPI with ITR throttling (at
 * most itr_per_sec interrupts a second, default 4000), and one interrupt per
 * frame (no throttling, the card never masked), for comparison.
 *
 * Notes on QEMU's model: writing RCTL holds reception off for one second of
 * virtual time (frames wait in QEMU's queue meanwhile). While the receive
 * ring is full QEMU queues arriving frames; when the poll hands descriptors
 * back it pours the queue in, and the frames that do not fit are dropped by
 * the card as missed (MPC, RXO), as a real card drops them at once. Software
 * reset (CTRL.RST) resets nothing, so e1000_reset() reprograms it all.
 */
#include <linux/dma-mapping.h>
#include <linux/errno.h>
#include <linux/interrupt.h>
#include <linux/kernel.h>
#include <linux/module.h>
#include <linux/netdevice.h>
#include <linux/pci.h>
#include <linux/sched.h>
#include <linux/slab.h>
#include <linux/string.h>
#include "e1000.h"

#define DEFAULT_ITR_PER_SEC 4000

static const struct net_device_ops e1000_netdev_ops;

/**
 * e1000_read_reg() - Read a card register (for the self-tests).
 * @adapter: the adapter
 * @reg:     byte offset, E1000_*
 *
 * Context: any context. Reading ICR or a statistics register clears it.
 * Return: the value.
 */
u32 e1000_read_reg(struct e1000_adapter *adapter, u32 reg)
{
	return er32(adapter, reg);
}

/**
 * e1000_write_reg() - Write a card register (for the self-tests).
 * @adapter: the adapter
 * @reg:     byte offset, E1000_*
 * @val:     the value
 *
 * Context: any context.
 */
void e1000_write_reg(struct e1000_adapter *adapter, u32 reg, u32 val)
{
	ew32(adapter, reg, val);
}

static u16 read_eeprom(struct e1000_adapter *a, unsigned int word)
{
	u32 v;

	ew32(a, E1000_EERD, word << E1000_EERD_ADDR_SHIFT | E1000_EERD_START);
	for (int tries = 0; tries < 1000; tries++) {
		v = er32(a, E1000_EERD);
		if (v & E1000_EERD_DONE)
			return v >> E1000_EERD_DATA_SHIFT;
	}
	return 0xffff;
}

/* ---------------------------------------------------------------- bringing it up */

/* Follows the link's state: a work item the top half queues on a link change. */
static void e1000_link_work(struct work_struct *work)
{
	struct e1000_adapter *a = container_of(work, struct e1000_adapter, link_work);

	a->count.link_checks++;
	if (er32(a, E1000_STATUS) & E1000_STATUS_LU)
		netif_carrier_on(a->netdev);
	else
		netif_carrier_off(a->netdev);
}

static u32 itr_value(struct e1000_adapter *a)
{
	if (a->irq_mode == E1000_IRQ_PER_FRAME || !a->itr_per_sec)
		return 0;
	return 1000000000u / (a->itr_per_sec * 256u); /* ITR counts 256 ns */
}

static void program_rings(struct e1000_adapter *a)
{
	ew32(a, E1000_RDBAL, a->rx_ring_dma);
	ew32(a, E1000_RDBAH, 0);
	ew32(a, E1000_RDLEN, E1000_RX_RING * sizeof(struct e1000_rx_desc));
	ew32(a, E1000_RDH, 0);
	ew32(a, E1000_RDT, E1000_RX_RING - 1); /* all but one: RDT == RDH would mean empty */
	ew32(a, E1000_TDBAL, a->tx_ring_dma);
	ew32(a, E1000_TDBAH, 0);
	ew32(a, E1000_TDLEN, E1000_TX_RING * sizeof(struct e1000_tx_desc));
	ew32(a, E1000_TDH, 0);
	ew32(a, E1000_TDT, 0);
}

/* Everything a reset forgets. The rings' memory is allocated, the buffers in place. */
static void e1000_configure(struct e1000_adapter *a)
{
	const u8 *mac = a->netdev->dev_addr;

	ew32(a, E1000_IMC, ~0u);
	ew32(a, E1000_CTRL, er32(a, E1000_CTRL) | E1000_CTRL_RST);
	ew32(a, E1000_IMC, ~0u);
	er32(a, E1000_ICR);
	ew32(a, E1000_CTRL, er32(a, E1000_CTRL) | E1000_CTRL_SLU | E1000_CTRL_ASDE);
	ew32(a, E1000_RAL0, mac[0] | mac[1] << 8 | mac[2] << 16 | (u32)mac[3] << 24);
	ew32(a, E1000_RAH0, mac[4] | mac[5] << 8 | E1000_RAH_AV);
	for (unsigned int r = 0; r < 128; r++)
		ew32(a, E1000_MTA + 4 * r, 0);
	program_rings(a);
	ew32(a, E1000_RDTR, 0);
	ew32(a, E1000_RADV, 0);
	ew32(a, E1000_ITR, itr_value(a));
	ew32(a, E1000_TIPG, E1000_TIPG_DEFAULT);
	ew32(a, E1000_TCTL, E1000_TCTL_EN | E1000_TCTL_PSP | E1000_TCTL_CT | E1000_TCTL_COLD);
	ew32(a, E1000_RCTL, E1000_RCTL_EN | E1000_RCTL_BAM | E1000_RCTL_SZ_2048 | E1000_RCTL_SECRC);
}

static int e1000_up(struct e1000_adapter *a)
{
	int err = e1000_fill_rx_ring(a);

	if (err)
		return err;
	memset(a->tx_ring, 0, E1000_TX_RING * sizeof(struct e1000_tx_desc));
	e1000_configure(a);
	e1000_napi_start(a);
	netif_start_queue(a->netdev);
	schedule_work(&a->link_work);
	return 0;
}

/* Quiet the card, wait for the poll, free every buffer. Process context. */
static void e1000_down(struct e1000_adapter *a)
{
	netif_stop_queue(a->netdev);
	ew32(a, E1000_RCTL, 0);
	ew32(a, E1000_TCTL, 0);
	e1000_napi_stop(a);
	spin_lock_bh(&a->netdev->tx_lock);
	e1000_free_tx_ring(a);
	spin_unlock_bh(&a->netdev->tx_lock);
	e1000_free_rx_ring(a);
}

static int e1000_open(struct net_device *netdev)
{
	struct e1000_adapter *a = netdev_priv(netdev);
	struct device *dev = &a->pdev->dev;
	int err = -ENOMEM;

	a->rx_ring = dma_alloc_coherent(dev, E1000_RX_RING * sizeof(*a->rx_ring), &a->rx_ring_dma,
					GFP_KERNEL);
	a->tx_ring = dma_alloc_coherent(dev, E1000_TX_RING * sizeof(*a->tx_ring), &a->tx_ring_dma,
					GFP_KERNEL);
	if (!a->rx_ring || !a->tx_ring)
		goto free;
	err = request_irq(a->pdev->irq, e1000_intr, IRQF_SHARED, netdev->name, a);
	if (err)
		goto free;
	err = e1000_up(a);
	if (!err)
		return 0;
	free_irq(a->pdev->irq, a);
free:
	if (a->rx_ring)
		dma_free_coherent(dev, E1000_RX_RING * sizeof(*a->rx_ring), a->rx_ring, a->rx_ring_dma);
	if (a->tx_ring)
		dma_free_coherent(dev, E1000_TX_RING * sizeof(*a->tx_ring), a->tx_ring, a->tx_ring_dma);
	a->rx_ring = NULL;
	a->tx_ring = NULL;
	return err;
}

static int e1000_stop(struct net_device *netdev)
{
	struct e1000_adapter *a = netdev_priv(netdev);
	struct device *dev = &a->pdev->dev;

	e1000_down(a);
	free_irq(a->pdev->irq, a);
	cancel_work_sync(&a->link_work);
	netif_carrier_off(netdev);
	dma_free_coherent(dev, E1000_RX_RING * sizeof(*a->rx_ring), a->rx_ring, a->rx_ring_dma);
	dma_free_coherent(dev, E1000_TX_RING * sizeof(*a->tx_ring), a->tx_ring, a->tx_ring_dma);
	a->rx_ring = NULL;
	a->tx_ring = NULL;
	return 0;
}

/*
 * The card's statistics registers clear when read: add them up here. Except
 * MPC in QEMU's model, which keeps counting from the card's power-on: it is
 * taken as the running total it is there.
 */
static void e1000_get_stats(struct net_device *netdev)
{
	struct e1000_adapter *a = netdev_priv(netdev);
	struct net_device_stats *s = &netdev->stats;
	u32 oversize, undersize;

	spin_lock_bh(&a->stats_lock);
	oversize = er32(a, E1000_ROC);
	undersize = er32(a, E1000_RUC);
	s->rx_missed_errors = er32(a, E1000_MPC);
	s->rx_length_errors += oversize + undersize;
	s->rx_errors += oversize + undersize;
	spin_unlock_bh(&a->stats_lock);
}

static const struct net_device_ops e1000_netdev_ops = {
	.ndo_open = e1000_open,
	.ndo_stop = e1000_stop,
	.ndo_start_xmit = e1000_xmit_frame,
	.ndo_get_stats = e1000_get_stats,
};

/* ---------------------------------------------------------------- for tests and benchmarks */

/**
 * e1000_find() - The e1000 behind an interface name.
 * @ifname: e.g. "eth1"
 *
 * Context: process context; may sleep.
 * Return: the adapter, or NULL if @ifname is not an e1000.
 */
struct e1000_adapter *e1000_find(const char *ifname)
{
	struct net_device *netdev = dev_get_by_name(ifname);
	struct e1000_adapter *a;

	a = netdev && netdev->netdev_ops == &e1000_netdev_ops ? netdev_priv(netdev) : NULL;
	dev_put(netdev); /* the tests that use it keep the driver loaded */
	return a;
}

/**
 * e1000_set_irq_mode() - NAPI with ITR throttling, or one interrupt per frame.
 * @a:           the adapter
 * @mode:        E1000_NAPI_ITR or E1000_IRQ_PER_FRAME
 * @itr_per_sec: with E1000_NAPI_ITR, at most this many interrupts a second
 *               (0: no throttling); ignored otherwise
 *
 * QEMU's model never interrupts more often than every 128 us, whatever ITR
 * says (the 82540EM's own ceiling of 7813 a second).
 *
 * Context: process context.
 * Return: 0, or -EINVAL for an unknown mode.
 */
int e1000_set_irq_mode(struct e1000_adapter *a, enum e1000_irq_mode mode,
		       unsigned int itr_per_sec)
{
	if (mode != E1000_NAPI_ITR && mode != E1000_IRQ_PER_FRAME)
		return -EINVAL;
	WRITE_ONCE(a->irq_mode, mode);
	a->itr_per_sec = itr_per_sec;
	ew32(a, E1000_ITR, itr_value(a));
	ew32(a, E1000_IMS, E1000_IMS_ENABLE);
	return 0;
}

/**
 * e1000_reset() - Reset the card in the middle of traffic, as a watchdog would.
 * @a: the adapter, up
 *
 * Stops reception and transmission, waits for the poll, frees every buffer,
 * reprograms the card from scratch and starts again. Frames the card had
 * not yet written into the ring wait in QEMU's queue; frames already in the
 * ring but not yet taken are lost (counted nowhere, as on real hardware).
 *
 * Context: process context; may sleep.
 * Return: 0, or -ENOMEM (the interface is then left down).
 */
int e1000_reset(struct e1000_adapter *a)
{
	e1000_down(a);
	return e1000_up(a);
}

/* ---------------------------------------------------------------- the PCI driver */

static int e1000_probe(struct pci_dev *pdev, const struct pci_device_id *ent)
{
	struct net_device *netdev;
	struct e1000_adapter *a;
	int err;

	(void)ent;
	netdev = alloc_etherdev(sizeof(*a));
	if (!netdev)
		return -ENOMEM;
	a = netdev_priv(netdev);
	a->netdev = netdev;
	a->pdev = pdev;
	a->irq_mode = E1000_NAPI_ITR;
	a->itr_per_sec = DEFAULT_ITR_PER_SEC;
	spin_lock_init(&a->stats_lock);
	INIT_WORK(&a->link_work, e1000_link_work);
	netif_napi_add(netdev, &a->napi, e1000_poll);
	netdev->netdev_ops = &e1000_netdev_ops;
	SET_NETDEV_DEV(netdev, &pdev->dev);
	err = pci_enable_device(pdev);
	if (err)
		goto free;
	err = -ENOMEM;
	a->hw = pci_iomap(pdev, 0, 0);
	if (!a->hw)
		goto disable;
	pci_set_master(pdev); /* without it the card does no DMA, and receives nothing */
	for (unsigned int w = 0; w < 3; w++) {
		u16 word = read_eeprom(a, w);
		netdev->dev_addr[2 * w] = word & 0xff;
		netdev->dev_addr[2 * w + 1] = word >> 8;
	}
	err = -EIO;
	if (netdev->dev_addr[0] & 1 || !memcmp(netdev->dev_addr, "\0\0\0\0\0", ETH_ALEN)) {
		dev_err(&pdev->dev, "no valid MAC address in the EEPROM\n");
		goto unmap;
	}
	pci_set_drvdata(pdev, a);
	err = register_netdev(netdev);
	if (err)
		goto unmap;
	netdev_info(netdev, "MAC %02x:%02x:%02x:%02x:%02x:%02x, IRQ %u\n", netdev->dev_addr[0],
		    netdev->dev_addr[1], netdev->dev_addr[2], netdev->dev_addr[3],
		    netdev->dev_addr[4], netdev->dev_addr[5], pdev->irq);
	return 0;

unmap:
	pci_iounmap(pdev, a->hw);
disable:
	pci_disable_device(pdev);
free:
	free_netdev(netdev);
	return err;
}

static void e1000_remove(struct pci_dev *pdev)
{
	struct e1000_adapter *a = pci_get_drvdata(pdev);
	struct net_device *netdev = a->netdev;

	unregister_netdev(netdev); /* closes it: interrupt freed, rings freed */
	pci_iounmap(pdev, a->hw);
	pci_disable_device(pdev);
	free_netdev(netdev);
}

static const struct pci_device_id e1000_ids[] = {
	{ PCI_DEVICE(PCI_VENDOR_ID_INTEL, E1000_DEV_ID_82540EM) },
	{ }
};
MODULE_DEVICE_TABLE(pci, e1000_ids);

static struct pci_driver e1000_driver = {
	.name = "e1000",
	.id_table = e1000_ids,
	.probe = e1000_probe,
	.remove = e1000_remove,
};
module_pci_driver(e1000_driver);

MODULE_LICENSE("GPL");
MODULE_DESCRIPTION("Intel 82540EM (QEMU e1000) with NAPI");
