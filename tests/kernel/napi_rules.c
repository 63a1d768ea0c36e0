/*
 * KTAP suite `napi_rules`: the kernel names a driver that breaks NAPI's
 * rules (net/core/napi.c, net/core/dev.c), the mistakes lab 7
 * (labs/07-napi) makes students avoid. A poll that takes more than its
 * budget, whether it says so or not; a poll that completes and yet returns
 * its whole budget (and is then not polled again); an interface closed with
 * its NAPI context still enabled (disabled by the kernel then); a frame
 * passed up from a hardirq handler (dropped). Each case uses a device of its
 * own with no card behind it: no network configuration needed.
 */
#include <kunit/test.h>
#include <linux/interrupt.h>
#include <linux/irq_sim.h>
#include <linux/kernel.h>
#include <linux/netdevice.h>
#include <linux/skbuff.h>
#include "helpers.h"

#define LINE (IRQ_SIM_BASE + 5)

struct rules_dev {
	struct napi_struct napi;
	int polls;
	int (*behave)(struct rules_dev *rd, int budget); /* this poll's misdeed */
};

static netdev_tx_t rules_xmit(struct sk_buff *skb, struct net_device *dev)
{
	(void)dev;
	kfree_skb(skb);
	return NETDEV_TX_OK;
}

static int rules_open(struct net_device *dev)
{
	napi_enable(&((struct rules_dev *)netdev_priv(dev))->napi);
	return 0;
}

/* Forgets napi_disable(). */
static int rules_stop(struct net_device *dev)
{
	(void)dev;
	return 0;
}

static const struct net_device_ops rules_ops = {
	.ndo_open = rules_open,
	.ndo_stop = rules_stop,
	.ndo_start_xmit = rules_xmit,
};

/* The first poll misbehaves; the next one completes. */
static int rules_poll(struct napi_struct *napi, int budget)
{
	struct rules_dev *rd = container_of(napi, struct rules_dev, napi);
	int work = 0;

	if (!rd->polls++)
		work = rd->behave(rd, budget);
	else
		napi_complete_done(napi, 0);
	return work;
}

static struct net_device *rules_dev_new(struct kunit *test,
					 int (*behave)(struct rules_dev *rd, int budget))
{
	struct net_device *dev = alloc_etherdev(sizeof(struct rules_dev));
	struct rules_dev *rd;

	KUNIT_ASSERT_NOT_NULL(test, dev);
	rd = netdev_priv(dev);
	strscpy(dev->name, "rules0", sizeof(dev->name));
	dev->netdev_ops = &rules_ops;
	rd->behave = behave;
	netif_napi_add(dev, &rd->napi, rules_poll);
	return dev;
}

/* Schedules the poll as an interrupt would, and waits for it to have run @polls times. */
static void run_poll(struct kunit *test, struct net_device *dev, int polls)
{
	struct rules_dev *rd = netdev_priv(dev);

	local_bh_disable();
	napi_schedule(&rd->napi);
	local_bh_enable(); /* NET_RX runs here (or in ksoftirqd) */
	KUNIT_EXPECT_TRUE(test, wait_until(READ_ONCE(rd->polls) >= polls, TEST_WAIT_MS));
}

static void rules_dev_free(struct net_device *dev)
{
	napi_disable(&((struct rules_dev *)netdev_priv(dev))->napi);
	free_netdev(dev);
}

static int return_over_budget(struct rules_dev *rd, int budget)
{
	(void)rd;
	return budget + 10;
}

static void a_poll_that_returns_more_than_its_budget_is_reported(struct kunit *test)
{
	struct net_device *dev = rules_dev_new(test, return_over_budget);

	rules_open(dev);
	kunit_expect_report(test, "rules0: NAPI poll rules_poll took %d frames, more than its budget of %d",
			    NAPI_POLL_WEIGHT + 10, NAPI_POLL_WEIGHT);
	run_poll(test, dev, 2); /* polled again: it did not complete */
	rules_dev_free(dev);
}

/* Passes budget + 6 frames up, and says it took its budget. */
static int pass_up_over_budget(struct rules_dev *rd, int budget)
{
	for (int i = 0; i < budget + 6; i++) {
		struct sk_buff *skb = netdev_alloc_skb(rd->napi.dev, ETH_ZLEN, GFP_ATOMIC);

		if (skb) {
			memset(skb_put(skb, ETH_ZLEN), 0, ETH_ZLEN);
			netif_receive_skb(skb); /* nobody listens: dropped and counted */
		}
	}
	return budget;
}

static void a_poll_that_passes_up_more_than_its_budget_is_reported(struct kunit *test)
{
	struct net_device *dev = rules_dev_new(test, pass_up_over_budget);

	rules_open(dev);
	kunit_expect_report(test, "rules0: NAPI poll rules_poll took %d frames, more than its budget of %d",
			    NAPI_POLL_WEIGHT + 6, NAPI_POLL_WEIGHT);
	run_poll(test, dev, 2);
	rules_dev_free(dev);
}

static int complete_with_whole_budget(struct rules_dev *rd, int budget)
{
	napi_complete_done(&rd->napi, budget);
	return budget;
}

static void a_poll_that_completes_with_its_whole_budget_is_reported_and_not_repolled(struct kunit *test)
{
	struct net_device *dev = rules_dev_new(test, complete_with_whole_budget);
	struct rules_dev *rd = netdev_priv(dev);

	rules_open(dev);
	kunit_expect_report(test, "rules0: NAPI poll rules_poll completed (napi_complete_done) yet returned its whole budget");
	run_poll(test, dev, 1);
	/* Completed: schedulable again, which a context left on the poll list would not be. */
	KUNIT_EXPECT_TRUE(test, wait_until(!(READ_ONCE(rd->napi.state) & 1ul << NAPI_STATE_SCHED),
					   TEST_WAIT_MS));
	run_poll(test, dev, 2);
	KUNIT_EXPECT_EQ(test, READ_ONCE(rd->polls), 2);
	rules_dev_free(dev);
}

static void closing_an_interface_with_napi_enabled_is_reported(struct kunit *test)
{
	struct net_device *dev = rules_dev_new(test, return_over_budget);
	struct rules_dev *rd = netdev_priv(dev);

	KUNIT_ASSERT_EQ(test, dev_open(dev), 0);
	kunit_expect_report(test, "rules0: ndo_stop rules_stop left NAPI poll rules_poll enabled");
	dev_close(dev);
	KUNIT_EXPECT_TRUE(test, READ_ONCE(rd->napi.state) & 1ul << NAPI_STATE_OFF); /* by the kernel */
	free_netdev(dev);
}

static irqreturn_t pass_up_in_hardirq(int irq, void *data)
{
	struct net_device *dev = data;
	struct sk_buff *skb = netdev_alloc_skb(dev, ETH_ZLEN, GFP_ATOMIC);

	(void)irq;
	if (skb) {
		memset(skb_put(skb, ETH_ZLEN), 0, ETH_ZLEN);
		netif_receive_skb(skb);
	}
	return IRQ_HANDLED;
}

static void a_frame_passed_up_in_hardirq_context_is_reported_and_dropped(struct kunit *test)
{
	struct net_device *dev = rules_dev_new(test, return_over_budget);

	KUNIT_ASSERT_EQ(test, request_irq(LINE, pass_up_in_hardirq, 0, "napi_rules", dev), 0);
	kunit_expect_report(test, "rules0: netif_receive_skb() in hardirq context");
	irq_sim_fire(LINE);
	KUNIT_EXPECT_TRUE(test, wait_until(READ_ONCE(dev->stats.rx_dropped) == 1, TEST_WAIT_MS));
	free_irq(LINE, dev);
	free_netdev(dev);
}

static struct kunit_case napi_rules_cases[] = {
	KUNIT_CASE(a_poll_that_returns_more_than_its_budget_is_reported),
	KUNIT_CASE(a_poll_that_passes_up_more_than_its_budget_is_reported),
	KUNIT_CASE(a_poll_that_completes_with_its_whole_budget_is_reported_and_not_repolled),
	KUNIT_CASE(closing_an_interface_with_napi_enabled_is_reported),
	KUNIT_CASE(a_frame_passed_up_in_hardirq_context_is_reported_and_dropped),
	{}
};

static struct kunit_suite napi_rules_suite = {
	.name = "napi_rules",
	.test_cases = napi_rules_cases,
};
kunit_test_suite(napi_rules_suite);
