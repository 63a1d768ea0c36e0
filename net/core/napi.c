/*
 * NAPI: receiving by polling, in the NET_RX softirq. A driver's interrupt
 * handler masks its card and calls napi_schedule(), which puts the napi on
 * this CPU's poll list and raises NET_RX_SOFTIRQ. On the way out of the
 * interrupt, net_rx_action() calls each scheduled poll with a budget of
 * NAPI_POLL_WEIGHT frames. A poll that finishes early has emptied its ring
 * and completed (napi_complete_done: the card may interrupt again); one that
 * used its whole budget is put back at the end of the list for the next
 * round. The softirq itself stops after netdev_budget frames or 2 ms and
 * raises itself again: when that keeps happening, __do_softirq hands the
 * work to ksoftirqd (kernel/softirq.c), so a flood of frames shares the CPU
 * with tasks instead of starving them (no receive livelock).
 *
 * A driver that breaks these rules is told (a WARNING, once per context):
 * a poll that takes more frames than its budget (Linux's check: it would
 * starve the other devices and the tasks), a poll that completes but says
 * it used its whole budget (then it is scheduled and not, at once), and a
 * device closed with its NAPI context still enabled (a poll may run on the
 * rings its ndo_stop freed).
 */
#include <linux/export.h>
#include <linux/init.h>
#include <linux/interrupt.h>
#include <linux/kernel.h>
#include <linux/netdevice.h>
#include <trace/events/net.h>
#include <linux/percpu.h>
#include <linux/sched.h>
#include <linux/sched/clock.h>
#include <linux/seq_file.h>
#include <linux/smp.h>

#define NETDEV_BUDGET 300          /* frames per NET_RX round */
#define NETDEV_BUDGET_NS 2000000   /* and at most 2 ms */

DEFINE_PER_CPU(struct softnet_data, softnet_data);

static bool test_and_set(unsigned long *state, int bit)
{
	return __atomic_fetch_or(state, 1ul << bit, __ATOMIC_SEQ_CST) & (1ul << bit);
}

static void clear(unsigned long *state, int bit)
{
	__atomic_fetch_and(state, ~(1ul << bit), __ATOMIC_SEQ_CST);
}

/**
 * netif_napi_add() - Set up a NAPI context for @dev, disabled.
 * @dev:  the device
 * @napi: the context, usually in the driver's private data
 * @poll: the driver's poll function
 *
 * Context: process context.
 */
void netif_napi_add(struct net_device *dev, struct napi_struct *napi,
		    int (*poll)(struct napi_struct *, int))
{
	INIT_LIST_HEAD(&napi->poll_list);
	/* owned by nobody until napi_enable */
	napi->state = 1ul << NAPI_STATE_SCHED | 1ul << NAPI_STATE_OFF;
	napi->weight = NAPI_POLL_WEIGHT;
	napi->poll = poll;
	napi->dev = dev;
	napi->warned = false;
	list_add_tail(&napi->dev_list, &dev->napi_list);
}
EXPORT_SYMBOL(netif_napi_add);

/**
 * napi_enable() - Let @napi be scheduled.
 * @napi: a disabled context
 *
 * Context: any context.
 */
void napi_enable(struct napi_struct *napi)
{
	__atomic_fetch_and(&napi->state, ~(1ul << NAPI_STATE_SCHED | 1ul << NAPI_STATE_OFF),
			   __ATOMIC_SEQ_CST);
}
EXPORT_SYMBOL(napi_enable);

/**
 * napi_disable() - Stop @napi: wait until its poll is not scheduled or running.
 * @napi: an enabled context
 *
 * Afterwards napi_schedule() does nothing until napi_enable().
 *
 * Context: process context; may sleep.
 */
void napi_disable(struct napi_struct *napi)
{
	__atomic_fetch_or(&napi->state, 1ul << NAPI_STATE_DISABLE, __ATOMIC_SEQ_CST);
	while (test_and_set(&napi->state, NAPI_STATE_SCHED))
		schedule_timeout_uninterruptible(1);
	__atomic_fetch_or(&napi->state, 1ul << NAPI_STATE_OFF, __ATOMIC_SEQ_CST);
	clear(&napi->state, NAPI_STATE_DISABLE);
}

/**
 * dev_napi_check_off() - Say so if @dev's driver closed it with NAPI still on.
 * @dev: the device, just closed (its ndo_stop returned)
 *
 * A driver's stop must napi_disable() before it frees what its poll uses:
 * else a poll still scheduled runs on freed rings. Each context found still
 * enabled is reported and disabled here, so that no poll runs after this.
 *
 * Context: process context; may sleep.
 */
void dev_napi_check_off(struct net_device *dev)
{
	struct napi_struct *napi;

	list_for_each_entry(napi, &dev->napi_list, dev_list)
		if (WARN(!(READ_ONCE(napi->state) & 1ul << NAPI_STATE_OFF),
			 "%s: ndo_stop %ps left NAPI poll %ps enabled: napi_disable() it before freeing what it polls\n",
			 dev->name, dev->netdev_ops->ndo_stop, napi->poll))
			napi_disable(napi);
}
EXPORT_SYMBOL(napi_disable);

/**
 * napi_schedule_prep() - Claim @napi for a poll.
 * @napi: the context
 *
 * If it is scheduled already, the running poll is told (NAPI_STATE_MISSED)
 * that more work came, so that it runs once more instead of completing:
 * an interrupt that comes while the poll finishes is never lost.
 *
 * Context: any context.
 * Return: true if the caller now owns it and must call __napi_schedule();
 * false if it is scheduled already or disabled.
 */
bool napi_schedule_prep(struct napi_struct *napi)
{
	unsigned long old = READ_ONCE(napi->state), new;

	do {
		if (old & (1ul << NAPI_STATE_DISABLE))
			return false;
		new = old | 1ul << NAPI_STATE_SCHED;
		if (old & (1ul << NAPI_STATE_SCHED))
			new |= 1ul << NAPI_STATE_MISSED;
	} while (!__atomic_compare_exchange_n(&napi->state, &old, new, false, __ATOMIC_SEQ_CST,
					      __ATOMIC_SEQ_CST));
	return !(old & (1ul << NAPI_STATE_SCHED));
}
EXPORT_SYMBOL(napi_schedule_prep);

/**
 * __napi_schedule() - Queue @napi's poll on this CPU and raise NET_RX.
 * @napi: a context claimed with napi_schedule_prep()
 *
 * Context: any context; from a hardirq handler the poll runs at irq_exit.
 */
void __napi_schedule(struct napi_struct *napi)
{
	unsigned long flags;

	local_irq_save(flags);
	list_add_tail(&napi->poll_list, &this_cpu_ptr(&softnet_data)->poll_list);
	raise_softirq_irqoff(NET_RX_SOFTIRQ);
	local_irq_restore(flags);
}
EXPORT_SYMBOL(__napi_schedule);

/**
 * napi_complete_done() - The poll emptied the ring: @napi may be scheduled again.
 * @napi:      the context, from inside its poll
 * @work_done: frames this poll took (less than its budget)
 *
 * If an interrupt tried to schedule it meanwhile (NAPI_STATE_MISSED), it is
 * not completed but scheduled once more.
 *
 * Context: softirq context, inside the poll.
 * Return: true if completed: the driver may now unmask its card; false if
 * it was scheduled again (the card stays masked).
 */
bool napi_complete_done(struct napi_struct *napi, int work_done)
{
	unsigned long old = READ_ONCE(napi->state), new;

	(void)work_done;
	napi->completed = true; /* for net_rx_action's checks; before another CPU may own it */
	do {
		new = old & ~(1ul << NAPI_STATE_SCHED | 1ul << NAPI_STATE_MISSED);
		if (old & (1ul << NAPI_STATE_MISSED))
			new |= 1ul << NAPI_STATE_SCHED; /* keep it: run again */
	} while (!__atomic_compare_exchange_n(&napi->state, &old, new, false, __ATOMIC_SEQ_CST,
					      __ATOMIC_SEQ_CST));
	if (old & (1ul << NAPI_STATE_MISSED)) {
		__napi_schedule(napi);
		return false;
	}
	return true;
}
EXPORT_SYMBOL(napi_complete_done);

/*
 * Runs @n's poll and checks it kept the rules; the frames it took, for the
 * budget. Broken rules are reported once per context; a poll that took more
 * than its budget is counted as its budget, one that called
 * napi_complete_done() (completed, or scheduled again by it) is never
 * put back on the list.
 */
static int napi_poll(struct napi_struct *n, struct softnet_data *sd, bool *again)
{
	int work, took;

	n->completed = false;
	sd->frames_up = 0;
	work = n->poll(n, n->weight);
	trace_napi_poll(n, work, n->weight);
	took = max(work, (int)sd->frames_up);
	if (took > n->weight && !n->warned)
		n->warned = WARN(1, "%s: NAPI poll %ps took %d frames, more than its budget of %d\n",
				 n->dev->name, n->poll, took, n->weight);
	else if (work >= n->weight && n->completed && !n->warned)
		n->warned = WARN(1, "%s: NAPI poll %ps completed (napi_complete_done) yet returned its whole budget: a poll that may have more stays scheduled\n",
				 n->dev->name, n->poll);
	*again = work >= n->weight && !n->completed;
	return min(took, n->weight);
}

/* NET_RX_SOFTIRQ: run the scheduled polls, within the budget. */
static void net_rx_action(struct softirq_action *h)
{
	struct softnet_data *sd = this_cpu_ptr(&softnet_data);
	u64 end = sched_clock() + NETDEV_BUDGET_NS;
	int budget = NETDEV_BUDGET;
	LIST_HEAD(list);
	LIST_HEAD(repoll);

	(void)h;
	local_irq_disable();
	list_splice_init(&sd->poll_list, &list);
	local_irq_enable();
	while (!list_empty(&list)) {
		struct napi_struct *n = list_first_entry(&list, struct napi_struct, poll_list);
		bool again;
		int work;

		list_del_init(&n->poll_list);
		work = napi_poll(n, sd, &again);
		sd->processed += work;
		budget -= work;
		if (again) /* more on its ring: again, after the others */
			list_add_tail(&n->poll_list, &repoll);
		if (budget <= 0 || sched_clock() > end) {
			sd->time_squeeze += !list_empty(&list) || !list_empty(&repoll);
			break;
		}
	}
	local_irq_disable();
	list_splice_tail_init(&list, &sd->poll_list);
	list_splice_tail_init(&repoll, &sd->poll_list);
	if (!list_empty(&sd->poll_list))
		raise_softirq_irqoff(NET_RX_SOFTIRQ);
	local_irq_enable();
}

/**
 * softnet_seq_show() - The listing of /proc/net/softnet_stat.
 * @m: where it goes
 * @v: unused
 *
 * Linux's columns, a line per CPU: processed, dropped, time_squeeze, then
 * counters Janus does not have (0), and the CPU.
 *
 * Context: process context.
 * Return: 0.
 */
int softnet_seq_show(struct seq_file *m, void *v)
{
	int cpu;

	(void)v;
	for_each_online_cpu(cpu) {
		struct softnet_data *sd = &per_cpu(softnet_data, cpu);
		seq_printf(m, "%08x %08x %08x %08x %08x %08x %08x %08x %08x %08x %08x %08x %08x\n",
			   sd->processed, 0, sd->time_squeeze, 0, 0, 0, 0, 0, 0, 0, 0, 0, cpu);
	}
	return 0;
}

static int __init net_dev_init(void)
{
	int cpu;

	for (cpu = 0; cpu < NR_CPUS; cpu++)
		INIT_LIST_HEAD(&per_cpu(softnet_data, cpu).poll_list);
	open_softirq(NET_RX_SOFTIRQ, net_rx_action);
	return 0;
}
subsys_initcall(net_dev_init);
