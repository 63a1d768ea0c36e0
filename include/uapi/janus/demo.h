/*
 * /dev/demo (drivers/demo.c): the seeds' concepts on demand, for the `demo`
 * program. ioctl(fd, DEMO_..., buf): buf starts with a struct demo_report
 * the kernel fills; DEMO_USER_MEMORY_IN_HANDLER aims its copy at the 17
 * bytes that follow it.
 */
#ifndef _UAPI_JANUS_DEMO_H
#define _UAPI_JANUS_DEMO_H

#define DEMO_CONTEXT 0x4401                /* a handler runs: who is current there? */
#define DEMO_SLEEP_IN_HANDLER 0x4402       /* a handler calls msleep(): reported, refused */
#define DEMO_USER_MEMORY_IN_HANDLER 0x4403 /* a handler calls copy_to_user(): reported, refused */
#define DEMO_BOTTOM_HALVES 0x4404          /* a hardirq, a tasklet and a work item: where each runs */

struct demo_where {
	int pid;
	char comm[16];
	int in_hardirq, in_softirq, in_task;
	int preempt_count;
};

struct demo_report {
	struct demo_where caller;  /* the ioctl, in process context */
	struct demo_where handler; /* the interrupt handler */
	struct demo_where tasklet; /* DEMO_BOTTOM_HALVES */
	struct demo_where work;    /* DEMO_BOTTOM_HALVES */
	long value;                /* DEMO_USER_MEMORY_IN_HANDLER: bytes not copied */
};

#endif
