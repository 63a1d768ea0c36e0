/* irqwait's two halves share this: the device state (main.c) and the char device (fops.c). */
#ifndef _MODULES_IRQWAIT_H
#define _MODULES_IRQWAIT_H
#include <linux/fs.h>
#include <linux/wait.h>

struct irqwait_dev {
	unsigned int irq;
	unsigned long events;           /* interrupts seen so far */
	struct wait_queue_head readers; /* readers sleep here until the next one */
};

extern struct irqwait_dev irqwait;
extern struct file_operations irqwait_fops;

#endif
