/*
 * KTAP suite `e1000`: the 82540EM driver (drivers/net/e1000.c) with two
 * cards on QEMU's in-process hub: eth0 sends, eth1 receives. The MAC from
 * the EEPROM, a frame across, the /proc/net/dev counters, and bad input:
 * runts, oversize frames, a card reset in the middle of traffic. Skips
 * without the cards (every configuration but the net ones).
 */
#include <kunit/test.h>
#include <linux/completion.h>
#include <linux/kthread.h>
#include <linux/seq_file.h>
#include <linux/slab.h>
#include <linux/sprintf.h>
#include <linux/string.h>
#include <linux/sched/task.h>
#include <janus/exec.h>
#include <uapi/linux/wait.h>
#include "helpers.h"
#include "net_helpers.h"
#include "user_helpers.h"

/* The first frames after a card is (re)programmed wait a second in QEMU. */
#define ARRIVAL_MS 5000

static void the_mac_comes_from_the_eeprom(struct kunit *test)
{
	struct e1000_adapter *tx, *rx;
	static const u8 mac0[ETH_ALEN] = { 0x52, 0x54, 0x00, 0x12, 0x34, 0x56 };

	need_two_cards(test, &tx, &rx);
	/* QEMU's default addresses, one more for each further card. */
	KUNIT_EXPECT_EQ(test, memcmp(tx->netdev->dev_addr, mac0, ETH_ALEN), 0);
	KUNIT_EXPECT_EQ(test, rx->netdev->dev_addr[5], 0x57);
	/* And the receive filter holds it, marked valid. */
	KUNIT_EXPECT_EQ(test, e1000_read_reg(rx, E1000_RAL0), 0x12005452u);
	KUNIT_EXPECT_EQ(test, e1000_read_reg(rx, E1000_RAH0), 0x5734u | E1000_RAH_AV);
	KUNIT_EXPECT_TRUE(test, rx->netdev->flags & IFF_UP);
	KUNIT_EXPECT_TRUE(test, netif_carrier_ok(rx->netdev));
}

static void a_frame_crosses_the_hub_from_eth0_to_eth1(struct kunit *test)
{
	struct e1000_adapter *tx, *rx;
	struct frame_probe p;
	unsigned long tx_packets, rx_packets, rx_bytes;
	u64 arrived;

	need_two_cards(test, &tx, &rx);
	/* Frames an earlier case sent (af_packet's flood) are counted when a
	 * poll cleans their descriptors; until then "one more" cannot be told. */
	KUNIT_EXPECT_TRUE(test, wait_until(READ_ONCE(tx->tx_next_to_clean) ==
					   READ_ONCE(tx->tx_next_to_use), TEST_WAIT_MS));
	tx_packets = tx->netdev->stats.tx_packets;
	rx_packets = rx->netdev->stats.rx_packets;
	rx_bytes = rx->netdev->stats.rx_bytes;
	probe_start(&p, rx->netdev);
	KUNIT_EXPECT_EQ(test, send_frames(tx->netdev, rx->netdev, 7, 1, 200), 1u);
	KUNIT_EXPECT_TRUE(test, wait_frames(&p, 1, ARRIVAL_MS));
	arrived = rdtsc();
	probe_stop(&p);
	KUNIT_EXPECT_EQ(test, p.bad, 0u);
	KUNIT_EXPECT_EQ(test, p.last_len, 200u);
	KUNIT_EXPECT_EQ(test, rx->netdev->stats.rx_packets, rx_packets + 1);
	KUNIT_EXPECT_EQ(test, rx->netdev->stats.rx_bytes, rx_bytes + 200);
	/* eth0 counts it once the card has written the descriptor back and a poll
	 * ran. QEMU raises TXDW in the register write that sends the frame: only
	 * interrupt latency (ITR's throttle, a vCPU not run by the host) delays it. */
	KUNIT_EXPECT_TRUE(test, wait_until(tx->netdev->stats.tx_packets != tx_packets, TEST_WAIT_MS));
	KUNIT_EXPECT_EQ(test, tx->netdev->stats.tx_packets, tx_packets + 1);
	kunit_info(test, "eth0 counted it %llu us after eth1 had it",
		   div_u64(rdtsc() - arrived, tsc_khz / 1000));
}

/* The next decimal number at or after *p. */
static unsigned long next_number(char **p)
{
	unsigned long v = 0;

	while (**p == ' ')
		(*p)++;
	while (**p >= '0' && **p <= '9')
		v = v * 10 + *(*p)++ - '0';
	return v;
}

static void proc_net_dev_has_linux_columns(struct kunit *test)
{
	struct e1000_adapter *tx, *rx;
	struct seq_file m = { .size = 4096 };
	unsigned long bytes, packets;
	char *line;

	need_two_cards(test, &tx, &rx);
	m.buf = kzalloc(m.size, GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, m.buf);
	dev_seq_show(&m, NULL);
	KUNIT_EXPECT_EQ(test, strncmp(m.buf, "Inter-|   Receive", 17), 0);
	KUNIT_EXPECT_NOT_NULL(test, strstr(m.buf, " face |bytes    packets errs drop fifo frame"));
	line = strstr(m.buf, "  eth1: ");
	KUNIT_ASSERT_NOT_NULL(test, line);
	line += 8;
	bytes = next_number(&line);
	packets = next_number(&line);
	KUNIT_EXPECT_EQ(test, bytes, rx->netdev->stats.rx_bytes);
	KUNIT_EXPECT_EQ(test, packets, rx->netdev->stats.rx_packets);
	kfree(m.buf);
}

static void a_runt_arrives_padded_to_60_bytes(struct kunit *test)
{
	struct e1000_adapter *tx, *rx;
	struct frame_probe p;

	need_two_cards(test, &tx, &rx);
	probe_start(&p, rx->netdev);
	KUNIT_EXPECT_EQ(test, send_frames(tx->netdev, rx->netdev, 1, 1, ETH_HLEN + 8), 1u);
	KUNIT_EXPECT_TRUE(test, wait_frames(&p, 1, ARRIVAL_MS));
	probe_stop(&p);
	KUNIT_EXPECT_EQ(test, p.last_len, (unsigned int)ETH_ZLEN);
	KUNIT_EXPECT_EQ(test, p.bad, 0u);
	KUNIT_EXPECT_EQ(test, p.bad_at, 0);
	/* Shorter than a header is no frame at all. */
	KUNIT_EXPECT_EQ(test, send_frames(tx->netdev, rx->netdev, 1, 1, ETH_HLEN - 1), 0u);
}

static void oversize_frames_are_refused_or_dropped_and_counted(struct kunit *test)
{
	struct e1000_adapter *tx, *rx;
	struct frame_probe p;
	struct sk_buff *skb;
	unsigned long tx_dropped, length_errors;

	need_two_cards(test, &tx, &rx);
	tx_dropped = tx->netdev->stats.tx_dropped;
	/* The stack refuses a frame longer than the MTU allows... */
	KUNIT_EXPECT_EQ(test, send_frames(tx->netdev, rx->netdev, 1, 1, ETH_FRAME_LEN + 1), 0u);
	KUNIT_EXPECT_EQ(test, tx->netdev->stats.tx_dropped, tx_dropped + 1);
	/* ...but a misbehaving sender can still put one on the wire: the receiving
	 * card drops it (no long packets) and counts it (ROC -> rx_length_errors). */
	rx->netdev->netdev_ops->ndo_get_stats(rx->netdev);
	length_errors = rx->netdev->stats.rx_length_errors;
	probe_start(&p, rx->netdev);
	skb = netdev_alloc_skb(tx->netdev, 2000, GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, skb);
	memset(skb_put(skb, 2000), 0xab, 2000);
	memcpy(skb->data, rx->netdev->dev_addr, ETH_ALEN);
	spin_lock_bh(&tx->netdev->tx_lock);
	KUNIT_EXPECT_TRUE(test, e1000_xmit_frame(skb, tx->netdev) == NETDEV_TX_OK);
	spin_unlock_bh(&tx->netdev->tx_lock);
	/* A good frame behind it still arrives, and only it. */
	send_frames(tx->netdev, rx->netdev, 1, 1, 100);
	KUNIT_EXPECT_TRUE(test, wait_frames(&p, 1, ARRIVAL_MS));
	probe_stop(&p);
	KUNIT_EXPECT_EQ(test, p.bad, 0u);
	KUNIT_EXPECT_EQ(test, p.last_len, 100u);
	rx->netdev->netdev_ops->ndo_get_stats(rx->netdev);
	KUNIT_EXPECT_EQ(test, rx->netdev->stats.rx_length_errors, length_errors + 1);
}

static void a_reset_in_mid_traffic_recovers(struct kunit *test)
{
	struct e1000_adapter *tx, *rx;
	struct frame_probe p;
	struct flood f;
	struct task_struct *t;
	unsigned int seen;

	need_two_cards(test, &tx, &rx);
	f = (struct flood){ .from = tx->netdev, .to = rx->netdev, .frames = 3000, .len = 128 };
	init_completion(&f.done);
	probe_start(&p, rx->netdev);
	t = kthread_run(flood_thread, &f, "flood");
	KUNIT_ASSERT_FALSE(test, IS_ERR(t));
	wait_until(READ_ONCE(p.frames) >= 200 || completion_done(&f.done), ARRIVAL_MS);
	KUNIT_EXPECT_EQ(test, e1000_reset(rx), 0);
	wait_for_completion(&f.done);
	KUNIT_EXPECT_EQ(test, f.sent, f.frames);
	/* Traffic after the reset gets through again, intact. (Flood frames QEMU
	 * held during the reset may still pour in, and what does not fit the ring
	 * is missed: so a marker is sent again until one arrives.) */
	seen = READ_ONCE(p.frames);
	KUNIT_EXPECT_TRUE(test, send_marker_until_seen(&p, tx->netdev, rx->netdev, 1000000, 300, 500));
	probe_stop(&p);
	KUNIT_EXPECT_EQ(test, p.bad, 0u);
	kunit_info(test, "%u of %u flood frames arrived around the reset", seen, f.frames);
}

static void a_link_change_interrupt_rechecks_the_link(struct kunit *test)
{
	struct e1000_adapter *tx, *rx;
	unsigned int checks;

	need_two_cards(test, &tx, &rx);
	checks = READ_ONCE(rx->count.link_checks);
	e1000_write_reg(rx, E1000_ICS, E1000_ICR_LSC); /* as if the cable moved */
	KUNIT_EXPECT_TRUE(test, wait_until(READ_ONCE(rx->count.link_checks) > checks, TEST_WAIT_MS));
	KUNIT_EXPECT_TRUE(test, netif_carrier_ok(rx->netdev)); /* QEMU's link stays up */
}

/*
 * ping in user mode on eth0, pingd in user mode on eth1: ARP, then three ICMP
 * echoes, each frame recv()d by a process that slept in process context until
 * the softirq queued it (net/packet/af_packet.c).
 */
static void ping_works_between_the_two_interfaces(struct kunit *test)
{
	struct e1000_adapter *tx, *rx;
	int status = -1;
	long pingd;

	need_two_cards(test, &tx, &rx);
	pingd = start_user_program("/bin/pingd", "eth1", "10.0.0.2", "3", NULL); /* 3 answers */
	KUNIT_ASSERT_GT(test, pingd, 0);
	KUNIT_EXPECT_PROGRAM_PASSES(test, run_user_program(NULL, "/bin/ping", "-I", "eth0", "-c", "3",
							   "10.0.0.2", NULL));
	KUNIT_EXPECT_EQ(test, kernel_wait(pingd, &status, 0), pingd);
	KUNIT_EXPECT_TRUE(test, WIFEXITED(status) && WEXITSTATUS(status) == 0);
}

static struct kunit_case e1000_cases[] = {
	KUNIT_CASE(the_mac_comes_from_the_eeprom),
	KUNIT_CASE(a_frame_crosses_the_hub_from_eth0_to_eth1),
	KUNIT_CASE(proc_net_dev_has_linux_columns),
	KUNIT_CASE(a_runt_arrives_padded_to_60_bytes),
	KUNIT_CASE(oversize_frames_are_refused_or_dropped_and_counted),
	KUNIT_CASE(a_reset_in_mid_traffic_recovers),
	KUNIT_CASE(a_link_change_interrupt_rechecks_the_link),
	KUNIT_CASE(ping_works_between_the_two_interfaces),
	{}
};

static struct kunit_suite e1000_suite = {
	.name = "e1000",
	.test_cases = e1000_cases,
};
kunit_test_suite(e1000_suite);
