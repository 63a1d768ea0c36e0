/* Reading the kernel log ring (kernel/printk/printk.c): dmesg, /dev/kmsg, tests. */
#ifndef _JANUS_LOG_H
#define _JANUS_LOG_H
#include <linux/types.h>

#define LOG_LINE_MAX 224 /* longer lines are split into continuation records */

/* Non-zero while an oops or panic is printing: consoles ignore their lock. */
extern int oops_in_progress;

/* The sequence number the next stored line will get. */
u64 log_next_sequence(void);
/* Formats record *seq as "[   s.us] text\n" and advances *seq; 0 if there is none yet.
 * A *seq that was overwritten moves to the oldest record still kept. */
int log_read(u64 *seq, char *buf, size_t size);
/* Whether a line stored since from_seq contains needle. */
bool log_contains(u64 from_seq, const char *needle);
/* Sleeps until a record at or after seq exists (-ERESTARTSYS on a signal). */
int log_wait_for(u64 seq);
/* From the jiffies CPU's tick: wakes log_wait_for() sleepers. */
void printk_tick(void);

/*
 * A report (a WARN, a might_sleep BUG, a lock checker report) is bracketed
 * by report_begin()/report_end(): the time this CPU spent printing
 * reports adds up in report_ns(), so that the interrupt-handler watchdog
 * (irq_warn_us, kernel/irq/handle.c) charges a handler only for its own
 * work, not for printing a report about it. Nested reports count once.
 */
void report_begin(void);
void report_end(void);
/* Nanoseconds this CPU has spent printing reports, since boot. Any context. */
u64 report_ns(void);

#endif
