/* Boot-time listings chosen with dump= (kernel/dump.c). */
#ifndef _JANUS_DUMP_H
#define _JANUS_DUMP_H
void print_boot_dumps(void);
/* The interrupt listing (kernel/irq/proc.c) through printk. */
void show_interrupts_log(void);
#endif
