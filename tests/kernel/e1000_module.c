/*
 * KTAP suite `e1000_module`: the e1000 driver as a loadable module
 * (build/modules/e1000.ko, built from drivers/net/e1000.c), unloaded and
 * loaded again while frames flow. Runs in the net-modules configuration,
 * where initcall_blacklist= keeps the built-in driver off the two cards.
 *
 * /bin/packet_flood floods eth0 -> eth1 through AF_PACKET sockets and
 * checks every frame it gets back; each round loads the module (the cards
 * are probed, eth0 and eth1 registered), waits for frames to arrive, and
 * unloads it in the middle of the flood: the driver's remove takes the
 * interfaces down under their senders and readers, whose sockets get
 * ENETDOWN or ENXIO, and frees everything. The flood waits for the
 * interfaces to come back. Afterwards the pages and kmalloc blocks in use
 * are what they were, and no unload reported a leftover (the runner fails
 * on any report).
 */
#include <kunit/test.h>
#include <linux/kernel.h>
#include <linux/mm.h>
#include <linux/netdevice.h>
#include <linux/pci.h>
#include <linux/sched/signal.h>
#include <linux/sched/task.h>
#include <linux/slab.h>
#include <linux/sprintf.h>
#include <uapi/asm/signal.h>
#include "helpers.h"
#include "user_helpers.h"
#include "../../drivers/net/e1000.h"

#define ROUNDS 10
#define FRAMES_PER_ROUND 200 /* sent by eth0 and received by eth1 before they are pulled away */

struct usage {
	unsigned long pages, objects;
};

static void measure(struct kunit *test, struct usage *u)
{
	KUNIT_ASSERT_TRUE(test, wait_until(!nr_exiting_tasks(), TEST_WAIT_MS));
	u->pages = nr_free_pages();
	u->objects = kmalloc_active_objects();
}

/* Frames @name has received (@rx) or sent since it was registered; 0 while there is none. */
static unsigned long iface_packets(const char *name, bool rx)
{
	struct net_device *dev = dev_get_by_name(name);
	unsigned long n;

	if (!dev)
		return 0;
	n = rx ? READ_ONCE(dev->stats.rx_packets) : READ_ONCE(dev->stats.tx_packets);
	dev_put(dev);
	return n;
}

/* The flood runs on this load of the module: frames sent by the new eth0 (so
 * through the flood's new sockets, not frames QEMU still held from the last
 * load) and received by the new eth1. */
static bool flood_flows(void)
{
	return iface_packets("eth0", false) >= FRAMES_PER_ROUND &&
	       iface_packets("eth1", true) >= FRAMES_PER_ROUND;
}

static bool interface_exists(const char *name)
{
	struct net_device *dev = dev_get_by_name(name);

	dev_put(dev);
	return dev;
}

static void stop_flood(long pid)
{
	struct task_struct *p = find_get_task_by_pid(pid);
	int status;

	if (p) {
		send_sig(SIGKILL, p, 1);
		put_task_struct(p);
	}
	kernel_wait(pid, &status, 0);
}

/* The flood across @rounds unloads and loads: the rounds done. */
static int flood_rounds(struct kunit *test, int rounds)
{
	char arg[8];
	int status = -1, done = 0;
	long flood;

	snprintf(arg, sizeof(arg), "%d", rounds);
	flood = start_user_program("/bin/packet_flood", "eth0", "eth1", arg, NULL);
	KUNIT_ASSERT_GT(test, flood, 0);
	for (; done < rounds; done++) {
		if (run_user_program(NULL, "/bin/insmod", "e1000", NULL))
			break;
		if (!wait_until(flood_flows(), 20000))
			break;
		if (run_user_program(NULL, "/bin/rmmod", "e1000", NULL))
			break;
	}
	KUNIT_EXPECT_EQ(test, done, rounds);
	if (done < rounds) {
		stop_flood(flood);
		return done;
	}
	KUNIT_EXPECT_EQ(test, kernel_wait(flood, &status, 0), flood);
	KUNIT_EXPECT_TRUE(test, WIFEXITED(status) && WEXITSTATUS(status) == 0);
	return done;
}

static void rmmod_and_insmod_under_traffic(struct kunit *test)
{
	struct usage before, after;

	if (!pci_get_device(PCI_VENDOR_ID_INTEL, E1000_DEV_ID_82540EM, NULL))
		kunit_skip(test, "needs the two e1000 cards of the net configurations");
	if (interface_exists("eth0"))
		kunit_skip(test, "the built-in e1000 has the cards (boot with initcall_blacklist=e1000_driver_init)");
	/* A few rounds first: what a first load keeps for good is not a leak. */
	KUNIT_ASSERT_EQ(test, flood_rounds(test, 3), 3);
	measure(test, &before);
	KUNIT_ASSERT_EQ(test, flood_rounds(test, ROUNDS), ROUNDS);
	measure(test, &after);
	kunit_info(test, "after %d rounds: %ld pages, %ld kmalloc blocks more than before", ROUNDS,
		   (long)(before.pages - after.pages), (long)(after.objects - before.objects));
	KUNIT_EXPECT_EQ(test, after.pages, before.pages);
	KUNIT_EXPECT_EQ(test, after.objects, before.objects);
}

static struct kunit_case e1000_module_cases[] = {
	KUNIT_CASE(rmmod_and_insmod_under_traffic),
	{}
};

static struct kunit_suite e1000_module_suite = {
	.name = "e1000_module",
	.test_cases = e1000_module_cases,
};
kunit_test_suite(e1000_module_suite);
