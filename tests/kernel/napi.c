/*
 * KTAP suite `napi`: the two halves of receiving (drivers/net/e1000.c,
 * net/core/napi.c). Frames reach their reader in the NET_RX softirq, not in
 * the top half; a poll takes at most its budget; a full ring drops what does
 * not fit and counts it; sustained load moves the polls to ksoftirqd; ITR
 * mitigation against one interrupt per frame. Needs the two e1000 cards of
 * the net configurations (skips otherwise).
 */
#include <kunit/test.h>
#include <linux/completion.h>
#include <linux/cpumask.h>
#include <linux/interrupt.h>
#include <linux/kthread.h>
#include "helpers.h"
#include "net_helpers.h"

#define ARRIVAL_MS 5000

static void frames_reach_their_reader_in_the_softirq(struct kunit *test)
{
	struct e1000_adapter *tx, *rx;
	struct frame_probe p;
	unsigned int irqs, polls;

	need_two_cards(test, &tx, &rx);
	irqs = rx->count.interrupts;
	polls = rx->count.polls;
	probe_start(&p, rx->netdev);
	send_frames(tx->netdev, rx->netdev, 0, 3, 100);
	KUNIT_EXPECT_TRUE(test, wait_frames(&p, 3, ARRIVAL_MS));
	probe_stop(&p);
	KUNIT_EXPECT_TRUE(test, p.in_softirq);
	KUNIT_EXPECT_FALSE(test, p.in_hardirq);
	KUNIT_EXPECT_GT(test, rx->count.interrupts, irqs);
	KUNIT_EXPECT_GT(test, rx->count.polls, polls);
}

/* Holds eth1's poll off while n frames cross, then lets it run. */
static void hold_poll_while_sending(struct e1000_adapter *tx, struct e1000_adapter *rx,
				    unsigned int n)
{
	napi_disable(&rx->napi);
	send_frames(tx->netdev, rx->netdev, 0, n, 100);
	/* QEMU has taken every frame off eth0's ring: into eth1's ring, or its queue. */
	wait_until(e1000_read_reg(tx, E1000_TDH) == tx->tx_next_to_use, 2000);
	napi_enable(&rx->napi);
	e1000_write_reg(rx, E1000_ICS, E1000_ICR_RXT0); /* an interrupt, as a frame would raise */
}

static void a_poll_takes_at_most_its_budget(struct kunit *test)
{
	struct e1000_adapter *tx, *rx;
	struct frame_probe p;
	unsigned int full;

	need_two_cards(test, &tx, &rx);
	full = rx->count.full_polls;
	rx->count.max_work = 0;
	probe_start(&p, rx->netdev);
	hold_poll_while_sending(tx, rx, 200);
	KUNIT_EXPECT_TRUE(test, wait_frames(&p, 200, ARRIVAL_MS));
	probe_stop(&p);
	KUNIT_EXPECT_EQ(test, rx->count.max_work, (unsigned int)NAPI_POLL_WEIGHT);
	KUNIT_EXPECT_GE(test, rx->count.full_polls - full, 3u); /* 200 = 64 + 64 + 64 + 8 */
	KUNIT_EXPECT_EQ(test, p.bad + p.reordered, 0u);
}

static unsigned long missed(struct e1000_adapter *rx)
{
	rx->netdev->netdev_ops->ndo_get_stats(rx->netdev); /* reads MPC */
	return rx->netdev->stats.rx_missed_errors;
}

/*
 * 600 frames for a ring of 256, the poll held off: the card fills the ring
 * and QEMU queues the rest; when the poll refills the ring, QEMU pours the
 * queue in and what does not fit is dropped by the card as missed (MPC, an
 * RXO interrupt). Every frame is either received, intact and in order, or
 * counted as missed; and the next frame gets through.
 */
static void a_full_ring_drops_and_counts_what_does_not_fit(struct kunit *test)
{
	struct e1000_adapter *tx, *rx;
	struct frame_probe p;
	unsigned long received, missed_before;

	need_two_cards(test, &tx, &rx);
	received = rx->netdev->stats.rx_packets;
	missed_before = missed(rx);
	probe_start(&p, rx->netdev);
	hold_poll_while_sending(tx, rx, 600);
	KUNIT_EXPECT_TRUE(test, wait_until(READ_ONCE(p.frames) + missed(rx) - missed_before >= 600,
					   ARRIVAL_MS));
	KUNIT_EXPECT_EQ(test, p.frames + (missed(rx) - missed_before), 600ul);
	KUNIT_EXPECT_GE(test, p.frames, (unsigned int)E1000_RX_RING - 1);
	KUNIT_EXPECT_EQ(test, p.bad + p.reordered, 0u);
	KUNIT_EXPECT_EQ(test, rx->netdev->stats.rx_packets, received + p.frames);
	send_frames(tx->netdev, rx->netdev, 5000, 1, 100);
	KUNIT_EXPECT_TRUE(test, wait_until(p.next_seq == 5001, ARRIVAL_MS));
	probe_stop(&p);
	kunit_info(test, "%u received, %lu missed (MPC)", p.frames, missed(rx) - missed_before);
}

/* Flood frames the hub or the card still hold arrive before a marker sent
 * now: once it is seen, the next case counts only its own frames. */
static void wait_for_quiet_wire(struct kunit *test, struct e1000_adapter *tx,
				struct e1000_adapter *rx)
{
	struct frame_probe p;

	probe_start(&p, rx->netdev);
	KUNIT_EXPECT_TRUE(test, send_marker_until_seen(&p, tx->netdev, rx->netdev, 0xfffffff0u,
						       100, 1000));
	probe_stop(&p);
}

static void sustained_load_moves_the_poll_to_ksoftirqd(struct kunit *test)
{
	struct e1000_adapter *tx, *rx;
	struct flood f;
	struct task_struct *t;
	unsigned int in_ksoftirqd, polls;

	need_two_cards(test, &tx, &rx);
	if (num_online_cpus() < 2)
		kunit_skip(test, "the flood needs a CPU of its own");
	in_ksoftirqd = rx->count.polls_in_ksoftirqd;
	polls = rx->count.polls;
	f = (struct flood){ .from = tx->netdev, .to = rx->netdev, .frames = 20000, .len = 64 };
	init_completion(&f.done);
	t = kthread_create(flood_thread, &f, "flood");
	KUNIT_ASSERT_FALSE(test, IS_ERR(t));
	kthread_bind(t, 1); /* eth1 interrupts CPU0; the sender has CPU1 */
	wake_up_process(t);
	wait_for_completion(&f.done);
	KUNIT_EXPECT_EQ(test, f.sent, f.frames);
	KUNIT_EXPECT_GT(test, rx->count.polls_in_ksoftirqd, in_ksoftirqd);
	kunit_info(test, "%u of %u polls ran in ksoftirqd", rx->count.polls_in_ksoftirqd - in_ksoftirqd,
		   rx->count.polls - polls);
	wait_for_quiet_wire(test, tx, rx);
}

static void itr_mitigation_takes_fewer_interrupts_than_one_per_frame(struct kunit *test)
{
	struct e1000_adapter *tx, *rx;
	struct frame_probe p;
	unsigned int irqs;

	need_two_cards(test, &tx, &rx);
	/* One interrupt per frame: frames sent one at a time, each waited for.
	 * A frame that came during the last NAPI poll left its RXT0 cause to the
	 * interrupt the poll's unmask raises (ITR may hold it 250 us): a first
	 * frame, waited for, takes that interrupt with it before the count. */
	KUNIT_ASSERT_EQ(test, e1000_set_irq_mode(rx, E1000_IRQ_PER_FRAME, 0), 0);
	probe_start(&p, rx->netdev);
	send_frames(tx->netdev, rx->netdev, 0, 1, 100);
	KUNIT_ASSERT_TRUE(test, wait_frames(&p, 1, ARRIVAL_MS));
	irqs = rx->count.rx_causes;
	for (unsigned int i = 1; i <= 30; i++) {
		send_frames(tx->netdev, rx->netdev, i, 1, 100);
		wait_frames(&p, i + 1, ARRIVAL_MS);
	}
	KUNIT_EXPECT_EQ(test, p.frames, 31u);
	KUNIT_EXPECT_EQ(test, rx->count.rx_causes - irqs, 30u);
	/* NAPI with ITR: a burst of 600 frames takes far fewer. */
	KUNIT_ASSERT_EQ(test, e1000_set_irq_mode(rx, E1000_NAPI_ITR, 4000), 0);
	irqs = rx->count.interrupts;
	send_frames(tx->netdev, rx->netdev, 100, 600, 100);
	KUNIT_EXPECT_TRUE(test, wait_frames(&p, 631, ARRIVAL_MS));
	probe_stop(&p);
	KUNIT_EXPECT_LT(test, rx->count.interrupts - irqs, 600u / 4);
	kunit_info(test, "600 frames took %u interrupts with NAPI and ITR", rx->count.interrupts - irqs);
}

static struct kunit_case napi_cases[] = {
	KUNIT_CASE(frames_reach_their_reader_in_the_softirq),
	KUNIT_CASE(a_poll_takes_at_most_its_budget),
	KUNIT_CASE(a_full_ring_drops_and_counts_what_does_not_fit),
	KUNIT_CASE(sustained_load_moves_the_poll_to_ksoftirqd),
	KUNIT_CASE(itr_mitigation_takes_fewer_interrupts_than_one_per_frame),
	{}
};

static struct kunit_suite napi_suite = {
	.name = "napi",
	.test_cases = napi_cases,
};
kunit_test_suite(napi_suite);
