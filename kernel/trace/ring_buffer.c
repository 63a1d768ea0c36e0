/*
 * The trace rings: one per CPU, an array of fixed-size records, written only
 * by its own CPU and read from any. Overwrite mode: the newest record takes
 * the oldest one's slot, so the ring always holds the last events.
 *
 * Any context may write, nested in any other (a task's event interrupted by
 * a hardirq's, that by an NMI's): a writer takes its slot with one atomic
 * add on `head`, marks it incomplete (seq 0), fills it, then publishes it by
 * storing seq + 1. Nothing waits and nothing locks, so the panic path and an
 * NMI can trace too. A reader copies a slot and checks its seq before and
 * after: a record being written, or overwritten under the reader, is skipped.
 */
#include <linux/errno.h>
#include <linux/kernel.h>
#include <linux/string.h>
#include <linux/vmalloc.h>
#include <janus/trace.h>

struct trace_ring trace_rings[NR_CPUS];

int ring_buffer_alloc(int cpu, unsigned long bytes)
{
	struct trace_ring *r = &trace_rings[cpu];
	u32 n = 1;

	while ((unsigned long)n * 2 * TRACE_ENTRY_SIZE <= bytes)
		n *= 2; /* the largest power of two that fits */
	r->slots = vzalloc(n * TRACE_ENTRY_SIZE);
	if (!r->slots)
		return -ENOMEM;
	r->mask = n - 1;
	return 0;
}

/* Interrupts off; an NMI may still nest, which the atomic add allows. */
struct trace_entry *ring_buffer_reserve(struct trace_ring *r)
{
	u32 seq = __atomic_fetch_add(&r->head, 1, __ATOMIC_RELAXED);
	struct trace_entry *e = &r->slots[seq & r->mask];

	/* Unpublished (readers want seq + 1) before any of it changes. */
	__atomic_store_n(&e->seq, seq, __ATOMIC_RELAXED);
	__atomic_thread_fence(__ATOMIC_RELEASE);
	return e;
}

void ring_buffer_commit(struct trace_entry *e)
{
	__atomic_store_n(&e->seq, e->seq + 1, __ATOMIC_RELEASE);
}

u32 ring_buffer_oldest(const struct trace_ring *r)
{
	u32 head = __atomic_load_n(&r->head, __ATOMIC_ACQUIRE), read = READ_ONCE(r->read);
	u32 first = head > r->mask + 1 ? head - (r->mask + 1) : 0;

	return (s32)(read - first) > 0 ? read : first;
}

/* Copies the first complete record at or after *pos and before end; moves *pos past it. */
bool ring_buffer_read(struct trace_ring *r, u32 *pos, u32 end, struct trace_entry *copy)
{
	if (!r->slots)
		return false;
	if ((s32)(*pos - ring_buffer_oldest(r)) < 0)
		*pos = ring_buffer_oldest(r); /* overwritten meanwhile */
	for (; (s32)(end - *pos) > 0; (*pos)++) {
		const struct trace_entry *e = &r->slots[*pos & r->mask];

		if (__atomic_load_n(&e->seq, __ATOMIC_ACQUIRE) != *pos + 1)
			continue;
		memcpy(copy, e, sizeof(*copy));
		__atomic_thread_fence(__ATOMIC_ACQUIRE);
		if (__atomic_load_n(&e->seq, __ATOMIC_RELAXED) != *pos + 1)
			continue;
		(*pos)++;
		return true;
	}
	return false;
}
