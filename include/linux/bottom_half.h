/*
 * local_bh_disable/local_bh_enable: keep softirqs from running on this CPU
 * (they nest; +2 in the SOFTIRQ bits of preempt_count each). local_bh_enable
 * runs the softirqs that were raised meanwhile. Not from hardirq context.
 */
#ifndef _LINUX_BOTTOM_HALF_H
#define _LINUX_BOTTOM_HALF_H

void local_bh_disable(void);
void local_bh_enable(void);

#endif
