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

#endif
