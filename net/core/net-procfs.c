/*
 * /proc/net/dev: every interface's counters in Linux's format, the one
 * ifconfig, ip -s and netstat -i parse. "drop" counts frames dropped by the
 * kernel (nobody to take them, no memory) plus those the card missed; "fifo"
 * the card's overruns; "frame" length, CRC and framing errors.
 */
#include <linux/init.h>
#include <linux/netdevice.h>
#include <linux/proc_fs.h>
#include <linux/seq_file.h>

static void dev_seq_printf_stats(struct net_device *dev, void *arg)
{
	struct seq_file *m = arg;
	struct net_device_stats *s = &dev->stats;

	if (dev->netdev_ops->ndo_get_stats)
		dev->netdev_ops->ndo_get_stats(dev);
	seq_printf(m, "%6s: %7lu %7lu %4lu %4lu %4lu %5lu %10lu %9lu %8lu %7lu %4lu %4lu %4lu %5lu %7lu %10lu\n",
		   dev->name, s->rx_bytes, s->rx_packets, s->rx_errors,
		   s->rx_dropped + s->rx_missed_errors, s->rx_fifo_errors,
		   s->rx_length_errors + s->rx_over_errors + s->rx_crc_errors + s->rx_frame_errors,
		   0ul, s->multicast, s->tx_bytes, s->tx_packets, s->tx_errors, s->tx_dropped,
		   s->tx_fifo_errors, s->collisions, s->tx_carrier_errors + s->tx_aborted_errors, 0ul);
}

/**
 * dev_seq_show() - The listing of /proc/net/dev.
 * @m: where it goes
 * @v: unused
 *
 * Context: process context; may sleep (asks drivers for their hardware counters).
 * Return: 0.
 */
int dev_seq_show(struct seq_file *m, void *v)
{
	(void)v;
	seq_puts(m, "Inter-|   Receive                                                |  Transmit\n");
	seq_puts(m, " face |bytes    packets errs drop fifo frame compressed multicast|bytes    packets errs drop fifo colls carrier compressed\n");
	for_each_netdev_call(dev_seq_printf_stats, m);
	return 0;
}

static int __init net_procfs_init(void)
{
	struct proc_dir_entry *net = proc_mkdir("net", NULL);

	proc_create_single("dev", 0444, net, dev_seq_show);
	proc_create_single("softnet_stat", 0444, net, softnet_seq_show);
	return 0;
}
subsys_initcall(net_procfs_init);
