/* What seed 003's driver (drivers/seed003.c) saw, for its self-test. */
#ifndef _DRIVERS_SEED003_H
#define _DRIVERS_SEED003_H

#define SEED003_IRQ 1

struct seed003_seen {
	int major;
	unsigned int irq_calls;
	bool irq_in_task;              /* in the handler: expected false */
	int reader_pid;                /* current->pid in my_read */
	bool read_in_task;             /* expected true */
	int read_preempt_count;        /* expected 0 */
	unsigned long slept_jiffies;   /* about HZ */
};

extern struct seed003_seen seed003_seen;

#endif
