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

/* Pushes node; true if the list was empty before. */
static inline bool llist_add(struct llist_node *node, struct llist_head *head)
{
	struct llist_node *first = __atomic_load_n(&head->first, __ATOMIC_RELAXED);

	do {
		node->next = first;
	} while (!__atomic_compare_exchange_n(&head->first, &first, node, true, __ATOMIC_RELEASE,
					      __ATOMIC_RELAXED));
	return !first;
}

/* Takes every node, newest first. */
static inline struct llist_node *llist_del_all(struct llist_head *head)
{
	return __atomic_exchange_n(&head->first, NULL, __ATOMIC_ACQUIRE);
}

/* Oldest first. */
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
