/*
 * Seed 003's first example, interrupt_context_example.c, exactly as the
 * tutorial prints it (only its line breaks restored). It is compiled with
 * the kernel's flags on every build, never linked: the proof that code
 * written for Linux's API builds against include/linux/ unchanged.
 * drivers/seed003.c is the driver that runs.
 */
#include <linux/module.h>
#include <linux/interrupt.h>
#include <linux/kernel.h>

static irqreturn_t my_interrupt_handler(int irq, void *dev_id) {
    printk(KERN_INFO "Running in interrupt context!\n");
    // Do not sleep or schedule here!
    return IRQ_HANDLED;
}

static int __init my_module_init(void) {
    int irq = 1; // Example IRQ number
    int ret = request_irq(irq, my_interrupt_handler, IRQF_SHARED, "my_irq_handler", (void *)(my_interrupt_handler));
    if (ret)
        printk(KERN_ERR "Failed to request IRQ\n");
    return ret;
}

static void __exit my_module_exit(void) {
    int irq = 1;
    free_irq(irq, (void *)(my_interrupt_handler));
    printk(KERN_INFO "Module unloaded\n");
}

module_init(my_module_init);
module_exit(my_module_exit);
MODULE_LICENSE("GPL");
