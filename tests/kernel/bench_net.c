/*
 * net_*: receiving under a flood, NAPI with ITR mitigation against one
 * interrupt per frame (drivers/net/e1000.c). eth0 floods eth1 from a thread
 * on CPU1; eth1 interrupts CPU0, where a task counts loop iterations. Per
 * mode: net_MODE_latency, a single frame from dev_queue_xmit() on eth0 to its
 * reader on eth1 (the tap, in the softirq); net_MODE_rx_frame, the time per
 * received frame under the flood (its inverse is frames per second); and, as
 * values, the frames received and missed, interrupts per 1000 frames, and the
 * share of the task's progress that survives the first 100 ms of the flood
 * (its iterations then / alone, percent). The task is a kthread at
 * nice 0 bound to CPU0. Only make bench's time leg has the cards (a flood
 * under -icount runs too slowly); the benchmark skips without them.
 */
#include <asm/tsc.h>
#include <linux/completion.h>
#include <linux/kthread.h>
#include <linux/sched.h>
#include <linux/sprintf.h>
#include <janus/bench.h>
#include "helpers.h"
#include "net_helpers.h"

#define FLOOD_FRAMES 10000
#define LATENCY_SAMPLES 51

struct flooder {
	struct net_device *from, *to;
	unsigned int sent;
	struct completion done;
};

static int flood_fn(void *data)
{
	struct flooder *f = data;

	f->sent = send_frames(f->from, f->to, 0, FLOOD_FRAMES, 64);
	complete(&f->done);
	return 0;
}

static volatile bool spin_stop;
static volatile unsigned long spins;

static int spin_fn(void *data)
{
	(void)data;
	while (!spin_stop) {
		spins++;
		if (need_resched())
			schedule();
	}
	return 0;
}

/* The spinner's iterations per million TSC ticks over the next ms milliseconds. */
static unsigned long spin_rate(unsigned int ms)
{
	unsigned long before = spins;
	u64 t0 = rdtsc();

	schedule_timeout_uninterruptible(msecs_to_jiffies(ms)); /* a window, not a wait for state */
	return div_u64((u64)(spins - before) * 1000000, (u32)max_t(u64, rdtsc() - t0, 1));
}

/* A figure that is a count, not a time: "bench: net_MODE_WHAT value=V unit=UNIT". */
static void report_value(const char *mode, const char *what, unsigned long value, const char *unit)
{
	char name[64];

	snprintf(name, sizeof(name), "net_%s_%s", mode, what);
	pr_info(BENCH_VALUE_LINE, name, value, unit);
}

static unsigned long missed_now(struct e1000_adapter *rx)
{
	rx->netdev->netdev_ops->ndo_get_stats(rx->netdev);
	return rx->netdev->stats.rx_missed_errors;
}

/* A single frame at a time: from dev_queue_xmit() on eth0 to the tap on eth1. */
static void latency(const char *name, struct e1000_adapter *tx, struct e1000_adapter *rx,
		    struct frame_probe *p)
{
	static u64 samples[LATENCY_SAMPLES];
	unsigned int n = 0;

	for (unsigned int i = 0; i < LATENCY_SAMPLES; i++) {
		unsigned int before = READ_ONCE(p->frames);
		u64 t0 = rdtsc_ordered();
		send_frames(tx->netdev, rx->netdev, i, 1, 64);
		if (wait_until(READ_ONCE(p->frames) != before, 1000))
			samples[n++] = p->last_tsc - t0;
		schedule_timeout_uninterruptible(1); /* apart, so that each finds the card idle */
	}
	bench_report(name, "-", samples, n, 1, LATENCY_SAMPLES - n);
}

static void measure(const char *mode, struct e1000_adapter *tx, struct e1000_adapter *rx,
		    unsigned long alone)
{
	static u64 stamps[FLOOD_FRAMES / STAMP_EVERY];
	struct flooder f = { .from = tx->netdev, .to = rx->netdev };
	struct frame_probe p;
	struct task_struct *t;
	unsigned int irqs, n = 0;
	unsigned long missed, under_flood;
	char name[64];

	probe_start(&p, rx->netdev);
	snprintf(name, sizeof(name), "net_%s_latency", mode);
	latency(name, tx, rx, &p);
	probe_stop(&p);

	missed = missed_now(rx);
	irqs = rx->count.interrupts;
	init_completion(&f.done);
	probe_start(&p, rx->netdev);
	p.stamps = stamps;
	p.max_stamps = ARRAY_SIZE(stamps);
	t = kthread_create(flood_fn, &f, "flood");
	if (IS_ERR(t)) {
		probe_stop(&p);
		return;
	}
	kthread_bind(t, 1);
	wake_up_process(t);
	under_flood = spin_rate(100);
	wait_for_completion(&f.done);
	wait_until(READ_ONCE(p.frames) + (missed_now(rx) - missed) >= f.sent, 2000);
	probe_stop(&p);
	/* Ticks between every STAMP_EVERY-th frame: per frame, once divided by the batch. */
	for (unsigned int i = 1; i < p.nstamps; i++)
		stamps[n++] = stamps[i] - stamps[i - 1];
	snprintf(name, sizeof(name), "net_%s_rx_frame", mode);
	bench_report(name, "-", stamps, n, STAMP_EVERY, 0);
	report_value(mode, "received", p.frames, "frames");
	report_value(mode, "missed", missed_now(rx) - missed, "frames");
	report_value(mode, "irqs_per_1000_frames",
		     p.frames ? div_u64((u64)(rx->count.interrupts - irqs) * 1000, p.frames) : 0, "irqs");
	report_value(mode, "task_share", alone ? under_flood * 100 / alone : 0, "percent");
}

static void bench_net_rx(void)
{
	struct e1000_adapter *tx = e1000_find("eth0"), *rx = e1000_find("eth1");
	struct task_struct *spinner;
	unsigned long alone;

	if (!tx || !rx || num_online_cpus() < 2)
		return; /* only make bench's time leg gives two cards */
	wait_until(netif_carrier_ok(rx->netdev), 2000);
	spin_stop = false;
	spinner = kthread_create(spin_fn, NULL, "spinner");
	if (IS_ERR(spinner))
		return;
	kthread_bind(spinner, 0);
	wake_up_process(spinner);
	alone = spin_rate(100);
	e1000_set_irq_mode(rx, E1000_NAPI_ITR, 4000);
	measure("napi_itr", tx, rx, alone);
	e1000_set_irq_mode(rx, E1000_IRQ_PER_FRAME, 0);
	measure("irq_per_frame", tx, rx, alone);
	e1000_set_irq_mode(rx, E1000_NAPI_ITR, 4000);
	spin_stop = true;
	kthread_stop(spinner);
}
DEFINE_BENCHMARK(bench_net_rx);
