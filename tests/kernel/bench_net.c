/*
 * net_*: receiving under a flood, NAPI with ITR mitigation against one
 * interrupt per frame (drivers/net/e1000.c). eth0 floods eth1 from a thread
 * on CPU1; eth1 interrupts CPU0, where a task counts loop iterations. Per
 * mode: net_MODE_latency, a single frame from dev_queue_xmit() on eth0 to its
 * reader on eth1 (the tap, in the softirq); net_MODE_rx_frame, the time per
 * received frame under the flood (its inverse is frames per second); and, as
 * values, the frames received and missed, interrupts per 1000 frames.
 *
 * Receive livelock: a task (a kthread at nice 0 bound to CPU0, where the
 * cards interrupt) does fixed chunks of work, each about a millisecond
 * alone. net_task_chunk_alone is the time per chunk with no traffic, the
 * floor; net_MODE_task_chunk the time per chunk while eth0 floods eth1
 * without pause, in the same boot: their ratio (make bench's "x ns") is how
 * much the flood slows the task, and net_MODE_task_share = floor median /
 * flooded median, in percent, the share of its progress that survives. A
 * kernel with receive livelock would leave the task next to nothing. Only
 * make bench's time leg has the cards (a flood under -icount runs too
 * slowly); the benchmark skips without them.
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
#define CHUNKS 60 /* chunks of the task's work timed per phase */

struct flooder {
	struct net_device *from, *to;
	unsigned int sent;
	bool forever;          /* until flood_stop, else FLOOD_FRAMES */
	struct completion done;
};

static volatile bool flood_stop;

static int flood_fn(void *data)
{
	struct flooder *f = data;

	if (!f->forever)
		f->sent = send_frames(f->from, f->to, 0, FLOOD_FRAMES, 64);
	while (f->forever && !READ_ONCE(flood_stop))
		f->sent += send_frames(f->from, f->to, f->sent, 100, 64);
	complete(&f->done);
	return 0;
}

/* The task: chunk after chunk of work; while `want` > `taken`, each chunk's TSC ticks go in samples. */
static struct {
	volatile bool stop;
	unsigned long chunk;     /* loop iterations in one chunk */
	volatile unsigned int want, taken;
	u64 samples[CHUNKS];
} task;

static int task_fn(void *data)
{
	(void)data;
	while (!task.stop) {
		u64 t0 = rdtsc();
		for (volatile unsigned long i = 0; i < task.chunk; i++)
			;
		if (task.taken < task.want)
			task.samples[task.taken++] = rdtsc() - t0;
		if (need_resched())
			schedule();
	}
	return 0;
}

/* Times CHUNKS chunks of the task's work, then reports them as name (floor: the figure to compare with). */
static void time_chunks(const char *name, const char *floor)
{
	task.taken = 0;
	task.want = CHUNKS;
	wait_until(READ_ONCE(task.taken) == CHUNKS, 30000);
	task.want = 0;
	bench_report(name, floor, task.samples, task.taken, 1, CHUNKS - task.taken);
}

static u64 median_chunk(void)
{
	static u64 sorted[CHUNKS];
	unsigned int n = task.taken;

	memcpy(sorted, task.samples, n * sizeof(u64));
	for (unsigned int i = 1; i < n; i++) /* insertion sort: 60 numbers */
		for (unsigned int j = i; j && sorted[j - 1] > sorted[j]; j--) {
			u64 t = sorted[j];
			sorted[j] = sorted[j - 1];
			sorted[j - 1] = t;
		}
	return n ? sorted[n / 2] : 0;
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

/* The task's chunks under a flood that lasts until they are timed: the livelock figure. */
static void task_under_flood(const char *mode, struct e1000_adapter *tx, struct e1000_adapter *rx,
			     u64 alone)
{
	struct flooder f = { .from = tx->netdev, .to = rx->netdev, .forever = true };
	struct task_struct *t;
	char name[64];
	u64 flooded;

	init_completion(&f.done);
	flood_stop = false;
	t = kthread_create(flood_fn, &f, "flood");
	if (IS_ERR(t))
		return;
	kthread_bind(t, 1);
	wake_up_process(t);
	snprintf(name, sizeof(name), "net_%s_task_chunk", mode);
	time_chunks(name, "net_task_chunk_alone");
	flooded = median_chunk();
	flood_stop = true;
	wait_for_completion(&f.done);
	flooded = min_t(u64, flooded, U32_MAX);
	report_value(mode, "task_share", flooded ? div_u64(alone * 100, (u32)flooded) : 0, "percent");
	report_value(mode, "flood_frames", f.sent, "frames");
}

static void measure(const char *mode, struct e1000_adapter *tx, struct e1000_adapter *rx,
		    u64 alone)
{
	static u64 stamps[FLOOD_FRAMES / STAMP_EVERY];
	struct flooder f = { .from = tx->netdev, .to = rx->netdev };
	struct frame_probe p;
	struct task_struct *t;
	unsigned int irqs, n = 0;
	unsigned long missed;
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
	task_under_flood(mode, tx, rx, alone);
}

static void bench_net_rx(void)
{
	struct e1000_adapter *tx = e1000_find("eth0"), *rx = e1000_find("eth1");
	struct task_struct *worker;
	u64 t0;
	u64 alone;

	if (!tx || !rx || num_online_cpus() < 2)
		return; /* only make bench's time leg gives two cards */
	wait_until(netif_carrier_ok(rx->netdev), 2000);
	/* A chunk: about a millisecond of the loop, alone. */
	t0 = rdtsc();
	for (volatile unsigned long i = 0; i < 100000; i++)
		;
	t0 = min_t(u64, max_t(u64, rdtsc() - t0, 1), U32_MAX);
	task.chunk = max_t(u64, div_u64(100000ull * tsc_khz, (u32)t0), 1000);
	task.stop = false;
	worker = kthread_create(task_fn, NULL, "net_task");
	if (IS_ERR(worker))
		return;
	kthread_bind(worker, 0);
	wake_up_process(worker);
	time_chunks("net_task_chunk_alone", "-");
	alone = median_chunk();
	report_value("task", "chunk_iterations", task.chunk, "loops");
	e1000_set_irq_mode(rx, E1000_NAPI_ITR, 4000);
	measure("napi_itr", tx, rx, alone);
	e1000_set_irq_mode(rx, E1000_IRQ_PER_FRAME, 0);
	measure("irq_per_frame", tx, rx, alone);
	e1000_set_irq_mode(rx, E1000_NAPI_ITR, 4000);
	task.stop = true;
	kthread_stop(worker);
}
DEFINE_BENCHMARK(bench_net_rx);
