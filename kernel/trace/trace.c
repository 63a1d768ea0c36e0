/*
 * The tracer's control and its text: which events are on (trace= on the
 * command line, /proc/set_event), whether recording is on (/proc/tracing_on),
 * the buffer size (trace_buf_size=), recording one event from any context,
 * and printing records exactly as Linux's ftrace does, latency flags and all:
 *
 *	seed003-5       [000] d.h1.     1.234567: irq_handler_entry: irq=1 name=my_irq_handler
 *
 * On an oops or a panic the last events are printed with the report
 * (ftrace_dump), like Linux's ftrace_dump_on_oops. docs/tracing.md.
 */
#include <asm/spinlock.h>
#include <linux/cpumask.h>
#include <linux/errno.h>
#include <linux/glob.h>
#include <linux/init.h>
#include <linux/irqflags.h>
#include <linux/kernel.h>
#include <linux/kstrtox.h>
#include <linux/preempt.h>
#include <linux/sched.h>
#include <linux/sched/clock.h>
#include <linux/smp.h>
#include <linux/sprintf.h>
#include <linux/string.h>
#include <linux/trace.h>
#include <janus/trace.h>

#define SAVED_CMDLINES 256
#define DUMP_EVENTS 100 /* what an oops shows: the last events before it */

bool tracing_enabled = true;
static unsigned long trace_buf_size = 256 * 1024; /* bytes per CPU */
static char trace_boot_events[256];

static struct {
	int pid;
	char comm[TASK_COMM_LEN];
} saved_cmdlines[SAVED_CMDLINES];
static arch_spinlock_t cmdlines_lock = __ARCH_SPIN_LOCK_UNLOCKED;

void tracing_on(void)
{
	WRITE_ONCE(tracing_enabled, true);
}

void tracing_off(void)
{
	WRITE_ONCE(tracing_enabled, false);
}

bool tracing_is_on(void)
{
	return READ_ONCE(tracing_enabled);
}

/* pid -> comm, for the TASK-PID column: Linux's saved_cmdlines. Best effort. */
void trace_save_cmdline(int pid, const char *comm)
{
	unsigned int slot = (unsigned int)pid % SAVED_CMDLINES;

	if (saved_cmdlines[slot].pid == pid && !strcmp(saved_cmdlines[slot].comm, comm))
		return;
	if (!arch_spin_trylock(&cmdlines_lock))
		return; /* another context is saving one: not worth waiting for */
	saved_cmdlines[slot].pid = pid;
	strscpy(saved_cmdlines[slot].comm, comm, TASK_COMM_LEN);
	arch_spin_unlock(&cmdlines_lock);
}

static const char *find_comm(int pid)
{
	unsigned int slot = (unsigned int)pid % SAVED_CMDLINES;

	if (!pid)
		return "<idle>";
	return saved_cmdlines[slot].pid == pid ? saved_cmdlines[slot].comm : "<...>";
}

/* The context the event happens in, as Linux's trace flags. */
static u8 context_flags(unsigned int pc)
{
	u8 flags = 0;

	if (irqs_disabled())
		flags |= TRACE_FLAG_IRQS_OFF;
	if (pc & NMI_MASK)
		flags |= TRACE_FLAG_NMI;
	if (pc & HARDIRQ_MASK)
		flags |= TRACE_FLAG_HARDIRQ;
	if (pc & SOFTIRQ_OFFSET)
		flags |= TRACE_FLAG_SOFTIRQ;
	if ((pc & SOFTIRQ_MASK) >> (SOFTIRQ_SHIFT + 1))
		flags |= TRACE_FLAG_BH_OFF;
	if (need_resched())
		flags |= TRACE_FLAG_NEED_RESCHED;
	return flags;
}

void *trace_event_begin(const struct trace_event_call *call, unsigned long *irqflags)
{
	unsigned int pc = preempt_count();
	u8 flags = context_flags(pc);
	struct task_struct *tsk = current;
	struct trace_ring *r;
	struct trace_entry *e;

	if (!READ_ONCE(tracing_enabled))
		return NULL;
	local_irq_save(*irqflags); /* stays on this CPU until trace_event_end */
	r = &trace_rings[smp_processor_id()];
	if (!r->slots) {
		local_irq_restore(*irqflags);
		return NULL;
	}
	e = ring_buffer_reserve(r);
	e->ts = local_clock();
	e->type = call - __start_ftrace_events;
	e->flags = flags;
	e->preempt_count = pc & PREEMPT_MASK;
	e->pid = tsk->pid;
	trace_save_cmdline(tsk->pid, tsk->comm);
	return e->data;
}

void trace_event_end(void *data, unsigned long irqflags)
{
	ring_buffer_commit(container_of(data, struct trace_entry, data));
	local_irq_restore(irqflags);
}

/* irqs-off/BH-disabled, need-resched, hardirq/softirq, preempt-depth, migrate-disable. */
static void latency_flags(char *out, const struct trace_entry *e)
{
	u8 f = e->flags;
	bool irqs = f & TRACE_FLAG_IRQS_OFF, bh = f & TRACE_FLAG_BH_OFF;
	bool nmi = f & TRACE_FLAG_NMI, hard = f & TRACE_FLAG_HARDIRQ, soft = f & TRACE_FLAG_SOFTIRQ;

	out[0] = irqs && bh ? 'D' : irqs ? 'd' : bh ? 'b' : '.';
	out[1] = f & TRACE_FLAG_NEED_RESCHED ? 'N' : '.';
	out[2] = nmi && hard ? 'Z' : nmi ? 'z' : hard && soft ? 'H' : hard ? 'h' : soft ? 's' : '.';
	out[3] = e->preempt_count & 0xf ? "0123456789abcdef"[e->preempt_count & 0xf] : '.';
	out[4] = '.'; /* Linux's migrate-disable depth: Janus has none */
	out[5] = '\0';
}

int trace_format_entry(char *buf, size_t size, int cpu, const struct trace_entry *e)
{
	const struct trace_event_call *call = &__start_ftrace_events[e->type];
	u32 rem;
	u64 sec = div_u64_rem(e->ts, 1000000000, &rem);
	char lat[6];
	int n;

	latency_flags(lat, e);
	n = scnprintf(buf, size, "%16s-%-7d [%03d] %s %5lu.%06u: %s: ", find_comm(e->pid), e->pid,
		      cpu, lat, (unsigned long)sec, rem / 1000, call->name);
	n += call->print(buf + n, size - n, e->data);
	return n + scnprintf(buf + n, size - n, "\n");
}

static const char *const header[] = {
	"# tracer: nop\n",
	"#\n",
	NULL, /* the entries line */
	"#\n",
	"#                                _-----=> irqs-off/BH-disabled\n",
	"#                               / _----=> need-resched\n",
	"#                              | / _---=> hardirq/softirq\n",
	"#                              || / _--=> preempt-depth\n",
	"#                              ||| / _-=> migrate-disable\n",
	"#                              |||| /     delay\n",
	"#           TASK-PID     CPU#  |||||  TIMESTAMP  FUNCTION\n",
	"#              | |         |   |||||     |         |\n",
};

u64 trace_entries_written(void)
{
	u64 n = 0;

	for (int cpu = 0; cpu < NR_CPUS; cpu++)
		n += READ_ONCE(trace_rings[cpu].head);
	return n;
}

static u64 trace_entries_in_buffer(void)
{
	u64 n = 0;

	for (int cpu = 0; cpu < NR_CPUS; cpu++)
		n += READ_ONCE(trace_rings[cpu].head) - ring_buffer_oldest(&trace_rings[cpu]);
	return n;
}

/* Header line `line` of /proc/trace; 0 past the end. */
int trace_print_header(char *buf, size_t size, unsigned int line)
{
	if (line >= ARRAY_SIZE(header))
		return 0;
	if (header[line])
		return scnprintf(buf, size, "%s", header[line]);
	return scnprintf(buf, size, "# entries-in-buffer/entries-written: %llu/%llu   #P:%u\n",
			 trace_entries_in_buffer(), trace_entries_written(), num_online_cpus());
}

void trace_iter_start(struct trace_iter *it, bool consume)
{
	it->consume = consume;
	for (int cpu = 0; cpu < NR_CPUS; cpu++) {
		it->pos[cpu] = ring_buffer_oldest(&trace_rings[cpu]);
		it->end[cpu] = consume ? ~0u : READ_ONCE(trace_rings[cpu].head);
		it->have[cpu] = false;
	}
}

bool trace_iter_next(struct trace_iter *it, struct trace_entry *e, int *cpu)
{
	int best = -1;

	for (int c = 0; c < NR_CPUS; c++) {
		struct trace_ring *r = &trace_rings[c];
		u32 end = it->consume ? READ_ONCE(r->head) : it->end[c];

		if (!it->have[c])
			it->have[c] = ring_buffer_read(r, &it->pos[c], end, &it->next[c]);
		if (it->have[c] && (best < 0 || it->next[c].ts < it->next[best].ts))
			best = c;
	}
	if (best < 0)
		return false;
	*e = it->next[best];
	*cpu = best;
	it->have[best] = false;
	if (it->consume)
		WRITE_ONCE(trace_rings[best].read, it->pos[best]);
	return true;
}

void trace_clear(void)
{
	for (int cpu = 0; cpu < NR_CPUS; cpu++)
		WRITE_ONCE(trace_rings[cpu].read, READ_ONCE(trace_rings[cpu].head));
}

/* "name", "system:name" or "system" (every event of it), each part a glob. */
static bool event_matches(const struct trace_event_call *c, const char *pattern)
{
	const char *colon = strchr(pattern, ':');
	char sys[32];

	if (!colon)
		return glob_match(pattern, c->name) || !strcmp(pattern, c->system);
	if ((size_t)(colon - pattern) >= sizeof(sys))
		return false;
	strscpy(sys, pattern, colon - pattern + 1);
	return glob_match(sys, c->system) && glob_match(*(colon + 1) ? colon + 1 : "*", c->name);
}

int trace_set_events(const char *pattern, bool on)
{
	int n = 0;

	for_each_event_call(c) {
		if (!event_matches(c, pattern))
			continue;
		if (on != static_key_enabled(c->key)) {
			if (on)
				static_branch_enable(c->key);
			else
				static_branch_disable(c->key);
		}
		n++;
	}
	return n;
}

/* Prints the buffer's records, oldest first, skipping the first `skip`; consumes them. */
static void print_records(const char *lvl, u64 skip, bool header)
{
	static struct trace_iter it; /* the panic path: not on a possibly tiny stack */
	static struct trace_entry e;
	static char line[256];
	int cpu;

	for (unsigned int i = 0; header && trace_print_header(line, sizeof(line), i); i++)
		printk("%s%s", lvl, line);
	trace_iter_start(&it, true);
	while (trace_iter_next(&it, &e, &cpu)) {
		if (skip) {
			skip--;
			continue;
		}
		trace_format_entry(line, sizeof(line), cpu, &e);
		printk("%s%s", lvl, line);
	}
}

void ftrace_dump(void)
{
	u64 total, skip;

	tracing_off(); /* the dump must not trace itself */
	total = trace_entries_in_buffer();
	if (!total)
		return;
	skip = total > DUMP_EVENTS ? total - DUMP_EVENTS : 0;
	printk(KERN_EMERG "Dumping ftrace buffer (the last %llu of %llu events):\n", total - skip,
	       total);
	printk(KERN_EMERG "---------------------------------\n");
	print_records(KERN_EMERG, skip, false);
	printk(KERN_EMERG "---------------------------------\n");
}

void trace_print_buffer(void)
{
	tracing_off();
	print_records(KERN_INFO, 0, true);
}

/* Turns the events named on the command line on; any that match nothing are reported. */
static void apply_boot_events(void)
{
	char buf[sizeof(trace_boot_events)], *rest = buf, *tok;

	strscpy(buf, trace_boot_events, sizeof(buf));
	while ((tok = strsep(&rest, ","))) {
		if (*tok && !trace_set_events(tok, true))
			pr_warn("trace: no event matches \"%s\", ignored\n", tok);
	}
}

static int __init trace_init(void)
{
	int cpu, failed = 0;

	for_each_online_cpu(cpu)
		failed |= ring_buffer_alloc(cpu, trace_buf_size);
	if (failed)
		pr_err("trace: no memory for %lu bytes of trace buffer per CPU\n", trace_buf_size);
	apply_boot_events();
	return 0;
}
core_initcall(trace_init);

static int __init trace_buf_size_setup(char *val)
{
	unsigned int shift = 0;
	char num[24];
	size_t len;
	u64 bytes;

	if (!val || strscpy(num, val, sizeof(num)) < 0 || !(len = strlen(num)))
		return -EINVAL;
	if (num[len - 1] == 'k' || num[len - 1] == 'K')
		shift = 10;
	else if (num[len - 1] == 'm' || num[len - 1] == 'M')
		shift = 20;
	if (shift)
		num[len - 1] = '\0';
	if (kstrtoull(num, 0, &bytes) || (bytes <<= shift) < 4096 || bytes > (16ull << 20))
		return -EINVAL; /* 4 KiB to 16 MiB per CPU */
	trace_buf_size = bytes;
	return 0;
}
early_param("trace_buf_size", trace_buf_size_setup);

static int __init trace_setup(char *val)
{
	if (!val || !*val || strscpy(trace_boot_events, val, sizeof(trace_boot_events)) < 0)
		return -EINVAL;
	return 0;
}
early_param("trace", trace_setup);
