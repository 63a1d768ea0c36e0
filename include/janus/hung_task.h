/*
 * The hung-task detector (kernel/hung_task.c): khungtaskd reports tasks stuck
 * in TASK_UNINTERRUPTIBLE for longer than hung_task_timeout_secs.
 */
#ifndef _JANUS_HUNG_TASK_H
#define _JANUS_HUNG_TASK_H

extern unsigned long hung_task_timeout_secs; /* 0: off */
extern unsigned int hung_task_reports;       /* tasks reported so far */

/* Sets the period and wakes the daemon, which may be asleep for the old one. */
void hung_task_set_timeout(unsigned long secs);

#endif
