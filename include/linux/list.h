/* Circular doubly linked lists with a sentinel head (the Linux list_head idiom). */
#ifndef _LINUX_LIST_H
#define _LINUX_LIST_H
#include <linux/kernel.h>

struct list_head {
	struct list_head *next, *prev;
};

#define LIST_HEAD_INIT(name) { &(name), &(name) }
#define LIST_HEAD(name) struct list_head name = LIST_HEAD_INIT(name)

static inline void INIT_LIST_HEAD(struct list_head *list)
{
	list->next = list;
	list->prev = list;
}

/**
 * __list_add() - Insert @new between two adjacent entries @prev and @next.
 * @new:  the entry to insert
 * @prev: the entry before it
 * @next: the entry after it
 *
 * Context: any context; does not sleep. The caller excludes other users
 * of the list (its lock).
 */
static inline void __list_add(struct list_head *new, struct list_head *prev, struct list_head *next)
{
	next->prev = new;
	new->next = next;
	new->prev = prev;
	prev->next = new;
}

/**
 * list_add() - Insert @new right after @head (at the front: a stack).
 * @new:  the entry to add
 * @head: the list head (or an entry to add after)
 *
 * Context: any context; does not sleep. The caller holds the list's lock.
 */
static inline void list_add(struct list_head *new, struct list_head *head)
{
	__list_add(new, head, head->next);
}

/**
 * list_add_tail() - Insert @new right before @head (at the back: a queue).
 * @new:  the entry to add
 * @head: the list head
 *
 * Context: any context; does not sleep. The caller holds the list's lock.
 */
static inline void list_add_tail(struct list_head *new, struct list_head *head)
{
	__list_add(new, head->prev, head);
}

/**
 * list_del_init() - Unlink @entry and make it an empty list of its own.
 * @entry: the entry to remove
 *
 * Context: any context; does not sleep. The caller holds the list's lock.
 */
static inline void list_del_init(struct list_head *entry)
{
	entry->next->prev = entry->prev;
	entry->prev->next = entry->next;
	INIT_LIST_HEAD(entry);
}

/**
 * list_del() - Unlink @entry (here the same as list_del_init()).
 * @entry: the entry to remove
 *
 * Context: any context; does not sleep. The caller holds the list's lock.
 */
static inline void list_del(struct list_head *entry) { list_del_init(entry); }

/**
 * list_move_tail() - Move @entry from its list to the back of @head.
 * @entry: the entry to move
 * @head:  the list it goes to
 *
 * Context: any context; does not sleep. The caller holds both lists' locks.
 */
static inline void list_move_tail(struct list_head *entry, struct list_head *head)
{
	list_del_init(entry);
	list_add_tail(entry, head);
}

/**
 * list_empty() - Whether a list has no entries.
 * @head: the list head
 *
 * Context: any context; does not sleep.
 * Return: true if empty.
 */
static inline bool list_empty(const struct list_head *head) { return head->next == head; }

/**
 * list_splice_tail_init() - Move every entry of @list to the end of @head.
 * @list: the entries to move; left empty
 * @head: the list that receives them, after its own entries
 *
 * Context: any context; does not sleep. The caller serialises both lists.
 */
static inline void list_splice_tail_init(struct list_head *list, struct list_head *head)
{
	if (list_empty(list))
		return;
	list->next->prev = head->prev;
	head->prev->next = list->next;
	list->prev->next = head;
	head->prev = list->prev;
	INIT_LIST_HEAD(list);
}

/**
 * list_splice_init() - Move every entry of @list to the front of @head.
 * @list: the entries to move; left empty
 * @head: the list that receives them, before its own entries
 *
 * Context: any context; does not sleep. The caller serialises both lists.
 */
static inline void list_splice_init(struct list_head *list, struct list_head *head)
{
	struct list_head *first = head->next;

	if (list_empty(list))
		return;
	list->next->prev = head;
	list->prev->next = first;
	first->prev = list->prev;
	head->next = list->next;
	INIT_LIST_HEAD(list);
}

#define list_entry(ptr, type, member) container_of(ptr, type, member)
#define list_first_entry(head, type, member) list_entry((head)->next, type, member)
#define list_first_entry_or_null(head, type, member) \
	(list_empty(head) ? NULL : list_first_entry(head, type, member))
#define list_next_entry(pos, member) list_entry((pos)->member.next, __typeof__(*(pos)), member)

#define list_for_each(pos, head) for (pos = (head)->next; pos != (head); pos = pos->next)
#define list_for_each_entry(pos, head, member)                              \
	for (pos = list_first_entry(head, __typeof__(*pos), member);        \
	     &pos->member != (head); pos = list_next_entry(pos, member))
#define list_for_each_entry_safe(pos, n, head, member)                      \
	for (pos = list_first_entry(head, __typeof__(*pos), member),        \
	    n = list_next_entry(pos, member);                                \
	     &pos->member != (head); pos = n, n = list_next_entry(n, member))

#endif
