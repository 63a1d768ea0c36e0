/*
 * The lock validator (include/linux/lockdep.h): lock classes, the locks each
 * task holds, and the dependency graph between classes.
 *
 * lock_acquire() runs before a lock is waited for. It finds the lock's
 * class, has lockcheck.c check the context, and records the edge "the lock
 * held last -> this one". Before an edge is added, a breadth-first search
 * asks whether the new class already leads back to the held one: then the
 * new edge closes a cycle, two tasks taking the locks in opposite orders
 * can deadlock, and that is reported now, whether or not it deadlocks this
 * time, with both chains and where each lock was taken. Each edge is added
 * once, so each cycle is reported once.
 *
 * Dependencies are only recorded within one context: a lock an interrupt
 * handler takes does not depend on what the interrupted task holds (the
 * IRQ-safety check of lockcheck.c is what covers that).
 */
#include <asm/processor.h>
#include <asm/stacktrace.h>
#include <linux/errno.h>
#include <linux/hardirq.h>
#include <linux/init.h>
#include <linux/irqflags.h>
#include <linux/kernel.h>
#include <linux/mutex.h>
#include <linux/rwlock.h>
#include <linux/sched.h>
#include <linux/semaphore.h>
#include <linux/spinlock.h>
#include <linux/sprintf.h>
#include <linux/string.h>
#include <janus/log.h>
#include "lockdep_internals.h"

#define MAX_CLASSES 512
#define MAX_DEPS 2048
#define MAX_PATH 16

bool lockdep_on = true;
DEFINE_STATIC_KEY_TRUE(lockdep_key);
unsigned long lockdep_circular_reports, lockdep_recursive_reports, lockdep_leak_reports;
arch_spinlock_t lockdep_graph_lock = __ARCH_SPIN_LOCK_UNLOCKED;

static struct lock_class classes[MAX_CLASSES];
static unsigned int nr_classes;
static struct lock_dep deps[MAX_DEPS];
static unsigned int nr_deps;
/* This CPU is inside the validator (a report prints): its own locks are not tracked. */
static DEFINE_PER_CPU(int, lockdep_busy);

static int __init nolockcheck_setup(char *val)
{
	if (val)
		return -EINVAL;
	lockdep_on = false;
	lockdep_key.key.enabled = 0; /* before any site runs: kmain patches to match */
	return 0;
}
early_param("nolockcheck", nolockcheck_setup);

/* Out of room: say so once, and stop checking rather than check wrongly. */
static void lockdep_off(const char *why)
{
	if (__atomic_exchange_n(&lockdep_on, false, __ATOMIC_RELAXED))
		pr_err("BUG: %s: the lock validator turns itself off\n", why);
}

const char *lockdep_map_name(const struct lockdep_map *map)
{
	switch (map->type) {
	case LD_SPINLOCK:
		return container_of(map, spinlock_t, dep_map)->name;
	case LD_RWLOCK:
		return container_of(map, rwlock_t, dep_map)->name;
	case LD_MUTEX:
		return container_of(map, struct mutex, dep_map)->name;
	default:
		return container_of(map, struct semaphore, dep_map)->name;
	}
}

/* The class of map, made on first use. Interrupts off. */
static struct lock_class *map_class(struct lockdep_map *map)
{
	struct lock_class *class = READ_ONCE(map->class);

	if (class)
		return class;
	arch_spin_lock(&lockdep_graph_lock);
	for (unsigned int i = 0; i < nr_classes && !class; i++)
		if (classes[i].key == map->key)
			class = &classes[i];
	if (!class && nr_classes < MAX_CLASSES) {
		class = &classes[nr_classes++];
		class->key = map->key;
		class->name = lockdep_map_name(map);
	}
	arch_spin_unlock(&lockdep_graph_lock);
	if (!class)
		lockdep_off("more than 512 lock classes");
	WRITE_ONCE(map->class, class);
	return class;
}

void lockdep_free_key_range(void *start, unsigned long size)
{
	unsigned long flags, base = (unsigned long)start;

	local_irq_save(flags);
	arch_spin_lock(&lockdep_graph_lock);
	for (unsigned int i = 0; i < nr_classes; i++) {
		if ((unsigned long)classes[i].key - base < size) {
			classes[i].key = NULL; /* no map finds it any more */
			classes[i].name = "(freed)";
		}
	}
	arch_spin_unlock(&lockdep_graph_lock);
	local_irq_restore(flags);
}

/* The backtrace from frame bp (lock_acquire's: it starts in the lock primitive). */
static void trace_save_bp(struct lock_trace *t, unsigned long bp)
{
	t->nr = stack_trace_save_bp(bp, t->entries, TRACE_DEPTH);
	strscpy(t->comm, current->comm, sizeof(t->comm));
	t->pid = current->pid;
}

/**
 * lock_trace_save() - Save the caller's backtrace and task.
 * @t: where to
 *
 * Context: any; never sleeps.
 */
void lock_trace_save(struct lock_trace *t)
{
	trace_save_bp(t, current_frame_pointer());
}

/**
 * lock_trace_print() - Print a saved backtrace, one indented frame a line.
 * @t: the trace
 *
 * Context: any; never sleeps.
 */
void lock_trace_print(const struct lock_trace *t)
{
	for (unsigned int i = 0; i < t->nr; i++)
		pr_warn("       %pS\n", (void *)t->entries[i]);
	pr_warn("       (by %s/%d)\n", t->comm, t->pid);
}

/**
 * lock_class_usage_str() - Linux's "{+.+.}": hardirq and softirq usage.
 * @class: the class
 * @buf:   four characters and a NUL: '.' never seen, '+' with them enabled,
 *         '-' inside one, '?' both (the read positions stay '.')
 *
 * Context: any.
 */
void lock_class_usage_str(const struct lock_class *class, char buf[5])
{
	static const char chars[4] = { '.', '-', '+', '?' };
	unsigned int u = READ_ONCE(class->usage);

	buf[0] = chars[(u >> IN_HARDIRQ & 1) | (u >> HARDIRQ_ON & 1) << 1];
	buf[1] = '.';
	buf[2] = chars[(u >> IN_SOFTIRQ & 1) | (u >> SOFTIRQ_ON & 1) << 1];
	buf[3] = '.';
	buf[4] = '\0';
}

static void print_lock(const char *prefix, struct lockdep_map *map, unsigned long ip)
{
	char usage[5] = "....";

	if (map->class)
		lock_class_usage_str(map->class, usage);
	pr_warn("%s%p (%s){%s}, at: %pS\n", prefix, map, lockdep_map_name(map), usage,
		(void *)ip);
}

void lockdep_print_held_locks(struct task_struct *p)
{
	unsigned int depth = min(READ_ONCE(p->lock_depth), (unsigned int)MAX_HELD_LOCKS);

	if (!depth) {
		pr_warn("no locks held by %s/%d.\n", p->comm, p->pid);
		return;
	}
	pr_warn("%u lock%s held by %s/%d:\n", depth, depth > 1 ? "s" : "", p->comm, p->pid);
	for (unsigned int i = 0; i < depth; i++) {
		char prefix[8];

		snprintf(prefix, sizeof(prefix), " #%u: ", i);
		print_lock(prefix, p->held_locks[i].map, p->held_locks[i].ip);
	}
}

unsigned int lockdep_depth(void)
{
	return current->lock_depth;
}

/* 0 task, 1 softirq, 2 hardirq: which stack of held locks an acquisition joins. */
static u8 irq_context(void)
{
	return in_hardirq() ? 2 : in_serving_softirq() ? 1 : 0;
}

/* A semaphore entry is stale once anyone has given the semaphore back. */
static bool stale(const struct held_lock *hl)
{
	return hl->map->type == LD_SEMAPHORE &&
	       hl->gen != __atomic_load_n(&hl->map->gen, __ATOMIC_ACQUIRE);
}

static void remove_held(struct task_struct *tsk, unsigned int i)
{
	for (; i + 1 < tsk->lock_depth; i++)
		tsk->held_locks[i] = tsk->held_locks[i + 1];
	tsk->lock_depth--;
}

static void purge_stale(struct task_struct *tsk)
{
	for (unsigned int i = tsk->lock_depth; i-- > 0;)
		if (stale(&tsk->held_locks[i]))
			remove_held(tsk, i);
}

/* Whether from -> to is in the graph. Edges are only ever added, each
 * published after it is complete, so this needs no lock. */
static bool dep_exists(struct lock_class *from, struct lock_class *to)
{
	for (struct lock_dep *d = __atomic_load_n(&from->after, __ATOMIC_ACQUIRE); d;
	     d = d->next)
		if (d->to == to)
			return true;
	return false;
}

static unsigned int bfs_gen; /* marks the classes one search has visited */

/* Breadth-first from `from`: the edges of a shortest path to `target`, in
 * order, into path; returns how many (0: no path). Graph lock held. */
static unsigned int find_path(struct lock_class *from, struct lock_class *target,
			      struct lock_dep **path)
{
	static struct lock_class *queue[MAX_CLASSES];
	unsigned int head = 0, tail = 0, n = 0;

	from->bfs_gen = ++bfs_gen;
	from->bfs_parent = NULL;
	queue[tail++] = from;
	while (head < tail) {
		for (struct lock_dep *d = queue[head++]->after; d; d = d->next) {
			if (d->to->bfs_gen == bfs_gen)
				continue;
			d->to->bfs_gen = bfs_gen;
			d->to->bfs_parent = d;
			if (d->to == target)
				goto found;
			queue[tail++] = d->to;
		}
	}
	return 0;
found:
	for (struct lock_dep *d = target->bfs_parent; d; d = d->from->bfs_parent)
		n++;
	n = min(n, (unsigned int)MAX_PATH);
	for (struct lock_dep *d = target->bfs_parent, **p = path + n; d && p > path;
	     d = d->from->bfs_parent)
		*--p = d;
	return n;
}

/**
 * lockdep_find_usage() - A class with usage @u that @from leads to, or that leads to @from.
 * @from:      where the search starts (it is a candidate too unless @skip_self)
 * @backwards: follow the edges against their direction: classes taken before @from
 * @u:         the usage looked for
 * @skip_self: do not answer @from itself
 *
 * Context: lockdep_graph_lock held, interrupts off.
 * Return: the nearest such class, or NULL.
 */
struct lock_class *lockdep_find_usage(struct lock_class *from, bool backwards,
				      enum lock_usage u, bool skip_self)
{
	static struct lock_class *queue[MAX_CLASSES];
	unsigned int head = 0, tail = 0;

	from->bfs_gen = ++bfs_gen;
	queue[tail++] = from;
	while (head < tail) {
		struct lock_class *c = queue[head++];

		if ((c->usage & (1u << u)) && (c != from || !skip_self))
			return c;
		if (!backwards) {
			for (struct lock_dep *d = c->after; d; d = d->next)
				if (d->to->bfs_gen != bfs_gen) {
					d->to->bfs_gen = bfs_gen;
					queue[tail++] = d->to;
				}
			continue;
		}
		for (unsigned int i = 0; i < nr_deps; i++)
			if (deps[i].to == c && deps[i].from->bfs_gen != bfs_gen) {
				deps[i].from->bfs_gen = bfs_gen;
				queue[tail++] = deps[i].from;
			}
	}
	return NULL;
}

/* Graph lock held. NULL when the table is full. */
static struct lock_dep *add_dep(struct lock_class *from, struct lock_class *to,
				unsigned long from_ip, unsigned long bp)
{
	struct lock_dep *d;

	if (nr_deps == MAX_DEPS)
		return NULL;
	d = &deps[nr_deps++];
	*d = (struct lock_dep){ .from = from, .to = to, .next = from->after, .from_ip = from_ip };
	trace_save_bp(&d->trace, bp);
	__atomic_store_n(&from->after, d, __ATOMIC_RELEASE);
	return d;
}

static void print_banner(const char *title)
{
	size_t n = strlen(title);
	char line[80];

	n = min(n, sizeof(line) - 1);
	memset(line, '=', n);
	line[n] = '\0';
	pr_warn("%s\n", line);
	pr_warn("%s\n", title);
	memset(line, '-', n);
	pr_warn("%s\n", line);
}

static void print_trying(struct lockdep_map *next, unsigned long ip, const struct held_lock *held)
{
	pr_warn("%s/%d is trying to acquire lock:\n", current->comm, current->pid);
	print_lock("", next, ip);
	pr_warn("\nbut task is already holding lock:\n");
	print_lock("", held->map, held->ip);
}

/**
 * lockdep_print_report_end() - The end of every validator report.
 *
 * The locks current holds, then the backtrace.
 *
 * Context: inside report_begin()/report_end(); never sleeps.
 */
void lockdep_print_report_end(void)
{
	pr_warn("\n");
	lockdep_print_held_locks(current);
	pr_warn("\nstack backtrace:\n");
	dump_stack_lvl(KERN_WARNING);
}

static void report_circular(const struct held_lock *held, struct lockdep_map *next,
			    unsigned long ip, struct lock_dep **path, unsigned int n)
{
	struct lock_class *target = held->map->class;
	const char *parent = n > 1 ? path[n - 1]->from->name : next->class->name;
	char usage[5];

	lockdep_circular_reports++;
	report_begin();
	print_banner("WARNING: possible circular locking dependency detected");
	print_trying(next, ip, held);
	pr_warn("\nwhich lock already depends on the new lock.\n\n");
	pr_warn("the existing dependency chain (in reverse order) is:\n");
	for (unsigned int i = n; i > 0; i--) {
		lock_class_usage_str(path[i - 1]->to, usage);
		pr_warn("\n-> #%u (%s){%s}:\n", i, path[i - 1]->to->name, usage);
		lock_trace_print(&path[i - 1]->trace);
	}
	lock_class_usage_str(next->class, usage);
	pr_warn("\n-> #0 (%s){%s}:\n", next->class->name, usage);
	pr_warn("       %pS\n", (void *)ip);
	pr_warn("       (by %s/%d, now: see the backtrace below)\n", current->comm, current->pid);
	pr_warn("\nother info that might help us debug this:\n\n");
	pr_warn(" Possible unsafe locking scenario:\n\n");
	pr_warn("       CPU0                    CPU1\n");
	pr_warn("       ----                    ----\n");
	pr_warn("  lock(%s);\n", target->name);
	pr_warn("                               lock(%s);\n", parent);
	pr_warn("                               lock(%s);\n", target->name);
	pr_warn("  lock(%s);\n", next->class->name);
	pr_warn("\n *** DEADLOCK ***\n");
	lockdep_print_report_end();
	report_end();
}

static void report_recursive(const struct held_lock *held, struct lockdep_map *next,
			     unsigned long ip)
{
	lockdep_recursive_reports++;
	report_begin();
	print_banner("WARNING: possible recursive locking detected");
	print_trying(next, ip, held);
	pr_warn("\nother info that might help us debug this:\n");
	pr_warn(" Possible unsafe locking scenario:\n\n");
	pr_warn("       CPU0\n");
	pr_warn("       ----\n");
	pr_warn("  lock(%s);\n", next->class->name);
	pr_warn("  lock(%s);\n", next->class->name);
	pr_warn("\n *** DEADLOCK ***\n\n");
	pr_warn(" May be due to missing lock nesting notation\n");
	lockdep_print_report_end();
	report_end();
}

/* held -> next: record the edge; report if it closes a cycle. Interrupts off. */
static void check_dependency(const struct held_lock *held, struct lockdep_map *next,
			     unsigned long ip, unsigned long bp)
{
	struct lock_class *prev = held->map->class;
	struct lock_dep *path[MAX_PATH], *added;
	unsigned int n;

	if (dep_exists(prev, next->class))
		return;
	arch_spin_lock(&lockdep_graph_lock);
	if (dep_exists(prev, next->class)) {
		arch_spin_unlock(&lockdep_graph_lock);
		return;
	}
	n = find_path(next->class, prev, path);
	added = add_dep(prev, next->class, held->ip, bp);
	arch_spin_unlock(&lockdep_graph_lock);
	if (!added)
		lockdep_off("more than 2048 lock dependencies");
	if (n)
		report_circular(held, next, ip, path, n);
	else if (added)
		lockcheck_check_new_dep(held, next, ip);
}

/* The order checks of a blocking acquisition: against the locks current
 * holds in the same context, from the most recent one down to the first
 * that was not a trylock (earlier ones already lead to it). */
static void check_order(struct task_struct *tsk, struct lockdep_map *map, u8 ctx,
			unsigned long ip, unsigned long bp)
{
	for (unsigned int i = tsk->lock_depth; i-- > 0;) {
		struct held_lock *hl = &tsk->held_locks[i];

		if (hl->irq_context != ctx)
			continue;
		if (hl->map->class == map->class) {
			if (!hl->trylock)
				report_recursive(hl, map, ip);
			return;
		}
	}
	for (unsigned int i = tsk->lock_depth; i-- > 0;) {
		struct held_lock *hl = &tsk->held_locks[i];

		if (hl->irq_context != ctx)
			continue;
		check_dependency(hl, map, ip, bp);
		if (!hl->trylock || !READ_ONCE(lockdep_on))
			break;
	}
}

void lock_acquire(struct lockdep_map *map, bool trylock, unsigned long ip)
{
	struct task_struct *tsk = current;
	unsigned long flags, bp = current_frame_pointer();
	unsigned int usage;
	u8 ctx;

	if (in_nmi())
		return;
	usage = lockcheck_usage_now();
	ctx = irq_context();
	local_irq_save(flags);
	if (this_cpu_read(lockdep_busy) || !READ_ONCE(lockdep_on))
		goto out;
	this_cpu_write(lockdep_busy, 1);
	if (!map_class(map))
		goto done;
	if (map->type == LD_SPINLOCK || map->type == LD_RWLOCK)
		lockcheck_check_usage(map->class, usage);
	purge_stale(tsk);
	if (!trylock)
		check_order(tsk, map, ctx, ip, bp);
	if (tsk->lock_depth == MAX_HELD_LOCKS) {
		lockdep_off("MAX_HELD_LOCKS (16) too low");
		goto done;
	}
	tsk->held_locks[tsk->lock_depth++] = (struct held_lock){
		.map = map, .ip = ip, .irq_context = ctx, .trylock = trylock,
		.gen = __atomic_load_n(&map->gen, __ATOMIC_ACQUIRE),
	};
done:
	this_cpu_write(lockdep_busy, 0);
out:
	local_irq_restore(flags);
}

void lock_release(struct lockdep_map *map)
{
	struct task_struct *tsk = current;
	unsigned long flags;

	if (in_nmi())
		return;
	local_irq_save(flags);
	/* Locks need not be released in the order they were taken. */
	for (unsigned int i = tsk->lock_depth; i-- > 0;) {
		if (tsk->held_locks[i].map == map) {
			remove_held(tsk, i);
			break;
		}
	}
	local_irq_restore(flags);
}

static void force_release(struct lockdep_map *map)
{
	switch (map->type) {
	case LD_SPINLOCK:
		spin_force_release(map);
		break;
	case LD_RWLOCK:
		rwlock_force_release(map);
		break;
	case LD_MUTEX:
		mutex_force_release(map);
		break;
	case LD_SEMAPHORE:
		sem_force_release(map);
		break;
	}
}

/* Releases current's locks above depth, newest first; returns how many. */
static unsigned int release_above(unsigned int depth)
{
	struct task_struct *tsk = current;
	unsigned int n = 0;

	while (tsk->lock_depth > depth) {
		struct held_lock hl = tsk->held_locks[tsk->lock_depth - 1];

		tsk->lock_depth--;
		pr_warn("releasing %s (taken at %pS)\n", lockdep_map_name(hl.map), (void *)hl.ip);
		force_release(hl.map);
		n++;
	}
	return n;
}

/* A report of the locks @tsk holds above @depth begins, if it holds any. */
static bool leak_report_begin(struct task_struct *tsk, unsigned int depth)
{
	if (!lockdep_enabled())
		return false;
	purge_stale(tsk);
	if (tsk->lock_depth <= depth)
		return false;
	lockdep_leak_reports++;
	report_begin();
	return true;
}

/* The leaked locks are released, and the report ends: how many there were. */
static unsigned int leak_report_end(unsigned int depth)
{
	unsigned int n = release_above(depth);

	report_end();
	return n;
}

unsigned int lockdep_repair_leaks(unsigned int depth, const char *what)
{
	struct task_struct *tsk = current;

	if (!leak_report_begin(tsk, depth))
		return 0;
	pr_err("BUG: %s leaked lock %s (taken at %pS)\n", what,
	       lockdep_map_name(tsk->held_locks[depth].map), (void *)tsk->held_locks[depth].ip);
	lockdep_print_held_locks(tsk);
	dump_stack();
	return leak_report_end(depth);
}

void lockdep_sys_exit(void)
{
	struct task_struct *tsk = current;

	if (!leak_report_begin(tsk, 0))
		return;
	print_banner("WARNING: lock held when returning to user space!");
	pr_warn("%s/%d is leaving the kernel with locks still held!\n", tsk->comm, tsk->pid);
	lockdep_print_held_locks(tsk);
	leak_report_end(0);
}

void debug_check_no_locks_held(void)
{
	struct task_struct *tsk = current;
	char title[64];

	if (!leak_report_begin(tsk, 0))
		return;
	snprintf(title, sizeof(title), "WARNING: %s/%d still has locks held!", tsk->comm, tsk->pid);
	print_banner(title);
	lockdep_print_held_locks(tsk);
	pr_warn("\nstack backtrace:\n");
	dump_stack_lvl(KERN_WARNING);
	leak_report_end(0);
}
