/* Starting the tick (arch/x86/time.c). */
#ifndef _ASM_TIME_H
#define _ASM_TIME_H
void time_init(void);
#endif
