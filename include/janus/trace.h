/*
 * The tracer's inside (kernel/trace/): one record per event in per-CPU rings
 * (ring_buffer.c), the table of events (events.c), the control and the text
 * output (trace.c), and the /proc files (trace_proc.c). docs/tracing.md.
 */
#ifndef _JANUS_TRACE_H
#define _JANUS_TRACE_H
#include <linux/jump_label.h>
#include <linux/threads.h>
#include <linux/trace.h>
#include <linux/types.h>

#define TRACE_ENTRY_SIZE 64

/* What Linux calls the common fields, then the event's own. */
struct trace_entry {
	u64 ts;           /* ns since boot (sched_clock, the TSC) */
	u32 seq;          /* its place in the CPU's ring + 1 once complete; else being written */
	u16 type;         /* its event: the index in the event table */
	u8 flags;         /* TRACE_FLAG_*: the context it was recorded in */
	u8 preempt_count; /* the preemption depth then (preempt_count & 0xff) */
	s32 pid;          /* current->pid then */
	u8 data[TRACE_ENTRY_SIZE - 20];
};

/* Linux's trace flags, printed as the latency column. */
#define TRACE_FLAG_IRQS_OFF 0x01
#define TRACE_FLAG_BH_OFF 0x02
#define TRACE_FLAG_NEED_RESCHED 0x04
#define TRACE_FLAG_HARDIRQ 0x08
#define TRACE_FLAG_SOFTIRQ 0x10
#define TRACE_FLAG_NMI 0x40

struct trace_event_call {
	const char *name;   /* "irq_handler_entry" */
	const char *system; /* "irq" */
	struct static_key_false *key;
	/* The event's fields as Linux prints them after "name: ". */
	int (*print)(char *buf, size_t size, const void *data);
};

extern const struct trace_event_call __start_ftrace_events[], __stop_ftrace_events[];
#define for_each_event_call(c) \
	for (const struct trace_event_call *c = __start_ftrace_events; c < __stop_ftrace_events; c++)

/* Defines the event's static key and its entry in the event table. */
#define DEFINE_EVENT_CALL(ev, sys, printfn)                                                  \
	DEFINE_STATIC_KEY_FALSE(__tracepoint_##ev);                                          \
	static const struct trace_event_call event_##ev __used __section("ftrace_events")    \
		__aligned(4) = { #ev, sys, &__tracepoint_##ev, printfn }

/* ring_buffer.c: per-CPU rings of TRACE_ENTRY_SIZE records, overwrite mode. */
struct trace_ring {
	struct trace_entry *slots;
	u32 mask;  /* slots - 1 (a power of two) */
	u32 head;  /* records ever reserved on this CPU: the next one's seq */
	u32 read;  /* where readers start: consumed or cleared up to here */
};
extern struct trace_ring trace_rings[NR_CPUS];
/**
 * ring_buffer_alloc() - Give @cpu its ring: the largest power of two of records in @bytes.
 * @cpu:   the CPU
 * @bytes: the size asked for (trace_buf_size=)
 *
 * Context: process context; may sleep (vmalloc).
 * Return: 0, or -ENOMEM.
 */
int ring_buffer_alloc(int cpu, unsigned long bytes);
/**
 * ring_buffer_reserve() - Take the next slot of @r for a record, unpublished.
 * @r: this CPU's ring
 *
 * Context: any context, on @r's own CPU with interrupts off (an NMI may nest).
 * Return: the slot; its seq field holds its sequence number until the commit.
 */
struct trace_entry *ring_buffer_reserve(struct trace_ring *r);
/**
 * ring_buffer_commit() - Publish a record filled after ring_buffer_reserve().
 * @e: the slot
 *
 * Context: any context, right after filling @e.
 */
void ring_buffer_commit(struct trace_entry *e);
/**
 * ring_buffer_read() - Copy the first complete record at or after *@pos, before @end.
 * @r:    the ring
 * @pos:  where to look; moved past the record returned (or to the oldest kept)
 * @end:  where to stop
 * @copy: where the record goes
 *
 * Context: any context, any CPU; takes no lock (records changing meanwhile are skipped).
 * Return: true if a record was copied.
 */
bool ring_buffer_read(struct trace_ring *r, u32 *pos, u32 end, struct trace_entry *copy);
/**
 * ring_buffer_oldest() - The sequence number of the oldest record readers may still see.
 * @r: the ring
 *
 * Context: any context.
 * Return: the later of the read position and the oldest record not overwritten.
 */
u32 ring_buffer_oldest(const struct trace_ring *r);

/* trace.c */
extern bool tracing_enabled;
/**
 * trace_event_begin() - Start a record of @call on this CPU, stamped with the context.
 * @call:     the event
 * @irqflags: where the interrupt state is saved until trace_event_end()
 *
 * Context: any context. Turns interrupts off until trace_event_end().
 * Return: the record's field area to fill, or NULL if not recording now.
 */
void *trace_event_begin(const struct trace_event_call *call, unsigned long *irqflags);
/**
 * trace_event_end() - Publish the record begun by trace_event_begin().
 * @data:     what trace_event_begin() returned
 * @irqflags: what it saved
 *
 * Context: any context, after a successful trace_event_begin().
 */
void trace_event_end(void *data, unsigned long irqflags);
/**
 * trace_save_cmdline() - Remember @comm for @pid, for the TASK-PID column (Linux's saved_cmdlines).
 * @pid:  the task's pid
 * @comm: its name
 *
 * Context: any context; gives up rather than waits if another CPU is saving one.
 */
void trace_save_cmdline(int pid, const char *comm);
/**
 * trace_format_entry() - Print record @e of @cpu as one ftrace line, latency flags included.
 * @buf:  where the line goes (with its '\n')
 * @size: its size
 * @cpu:  the CPU whose ring held @e
 * @e:    the record
 *
 * Context: any context.
 * Return: the length written.
 */
int trace_format_entry(char *buf, size_t size, int cpu, const struct trace_entry *e);
/**
 * trace_set_events() - Turn every event matching @pattern on or off.
 * @pattern: "name-glob", "system" or "system:name-glob"
 * @on:      on or off
 *
 * Context: process context; may sleep (static keys).
 * Return: how many events matched.
 */
int trace_set_events(const char *pattern, bool on);
/**
 * trace_entries_written() - How many records all CPUs ever wrote.
 *
 * Context: any context.
 * Return: the count.
 */
u64 trace_entries_written(void);

/* A merged walk over every CPU's ring in time order. */
struct trace_iter {
	u32 pos[NR_CPUS], end[NR_CPUS];
	struct trace_entry next[NR_CPUS]; /* each CPU's next record, if have[cpu] */
	bool have[NR_CPUS];
	bool consume; /* trace_pipe: advance the rings' read position */
};
/**
 * trace_iter_start() - Start a walk over every CPU's records in time order.
 * @it:      the walk
 * @consume: trace_pipe: advance the rings' read positions (and see new records as they come)
 *
 * Context: any context.
 */
void trace_iter_start(struct trace_iter *it, bool consume);
/* The next record in time order, and its CPU; false at the end. */
/**
 * trace_iter_next() - The next record of the walk in time order.
 * @it:  the walk
 * @e:   where the record goes
 * @cpu: where its CPU goes
 *
 * Context: any context.
 * Return: false at the end.
 */
bool trace_iter_next(struct trace_iter *it, struct trace_entry *e, int *cpu);
/**
 * trace_print_header() - Line @line of /proc/trace's header (# tracer: nop, the flags legend).
 * @buf:  where it goes
 * @size: its size
 * @line: which line, from 0
 *
 * Context: any context.
 * Return: its length, 0 past the last line.
 */
int trace_print_header(char *buf, size_t size, unsigned int line);

#endif
