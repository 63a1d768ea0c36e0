/* The two cascaded 8259A interrupt controllers (arch/x86/pic.c). */
#ifndef _ASM_PIC_H
#define _ASM_PIC_H
#include <linux/types.h>

#define PIC_CASCADE_IRQ 2

/* Remaps both chips to vectors 0x20-0x2f, everything masked. */
void pic_init(void);
/* PIC mode: bind IRQ 0-15 to the 8259 chip. */
void pic_setup_irqs(void);
/* The interrupt mask register of both chips, read back from the hardware (bit n = IRQ n). */
u16 pic_read_imr(void);
/* The in-service register: which IRQs the CPU took and has not yet EOIed. */
u16 pic_read_isr(void);
/* Level mode for a PCI INTx line (ELCR); -EINVAL for lines that must stay edge. */
int pic_set_level_triggered(unsigned int irq);

#endif
