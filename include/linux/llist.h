/*
 * A lock-free singly linked stack: any CPU pushes with one compare-and-swap,
 * the owner takes the whole list at once with one exchange. Used for the
 * per-CPU queues of function-call requests (kernel/smp.c).
 */
#ifndef _LINUX_LLIST_H
#define _LINUX_LLIST_H
#include <linux/types.h>

struct llist_node {
	struct llist_node *next;
};

struct llist_head {
	struct llist_node *first;
};

/**
 * llist_add() - Push @node on a lock-free list.
 * @node: the node
 * @head: the list
 *
 * Safe against other llist_add() and llist_del_all() callers on any CPU,
 * without a lock.
 *
 * Context: any context, handlers included; does not sleep.
 * Return: true if the list was empty before (the consumer may need a kick).
 */
static inline bool llist_add(struct llist_node *node, struct llist_head *head)
{
	struct llist_node *first = __atomic_load_n(&head->first, __ATOMIC_RELAXED);

	do {
		node->next = first;
	} while (!__atomic_compare_exchange_n(&head->first, &first, node, true, __ATOMIC_RELEASE,
					      __ATOMIC_RELAXED));
	return !first;
}

/**
 * llist_del_all() - Take every node off a lock-free list at once.
 * @head: the list
 *
 * Context: any context; does not sleep.
 * Return: the nodes, newest first (llist_reverse_order() gives arrival order).
 */
static inline struct llist_node *llist_del_all(struct llist_head *head)
{
	return __atomic_exchange_n(&head->first, NULL, __ATOMIC_ACQUIRE);
}

/**
 * llist_reverse_order() - Reverse a chain of nodes taken by llist_del_all().
 * @head: the first node
 *
 * Context: any context; does not sleep.
 * Return: the new first node: the oldest.
 */
static inline struct llist_node *llist_reverse_order(struct llist_node *head)
{
	struct llist_node *new_head = NULL;

	while (head) {
		struct llist_node *next = head->next;
		head->next = new_head;
		new_head = head;
		head = next;
	}
	return new_head;
}

#endif
