/*
 * The dependency graph of the lock validator: an edge A -> B for each lock B
 * taken while A was held. Before an edge is added, a breadth-first search
 * asks whether the new class already leads back to the held one: then the
 * new edge closes a cycle, two tasks taking the locks in opposite orders
 * can deadlock, and that is reported now, whether or not it deadlocks this
 * time, with both chains and where each lock was taken. Each edge is added
 * once, so each cycle is reported once.
 */
#include <asm/processor.h>
#include <asm/stacktrace.h>
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

#define MAX_DEPS 2048
#define MAX_PATH 16

static struct lock_dep deps[MAX_DEPS];
static unsigned int nr_deps;

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

/**
 * check_dependency() - Record the edge held -> next; report if it closes a cycle.
 * @held: a lock current holds
 * @next: the lock being acquired
 * @ip:   where @next is being acquired
 * @bp:   lock_acquire()'s frame, for the saved backtrace of the edge
 *
 * Context: inside the validator (lockdep_busy set), interrupts off; never sleeps.
 */
void check_dependency(const struct held_lock *held, struct lockdep_map *next,
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
