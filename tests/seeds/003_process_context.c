/*
 * Seed 003's second example, process_context_example.c, exactly as the
 * tutorial prints it (only its line breaks restored). Compiled on every
 * build, never linked (see 003_interrupt_context.c).
 */
#include <linux/module.h>
#include <linux/kernel.h>
#include <linux/fs.h>
#include <linux/uaccess.h>

static ssize_t my_read(struct file *file, char __user *buf, size_t count, loff_t *ppos) {
    char data[] = "Data from process context\n";
    int ret;

    // Simulate sleeping operation (e.g., waiting for data)
    set_current_state(TASK_INTERRUPTIBLE);
    schedule_timeout(HZ); // Sleep for 1 second

    ret = copy_to_user(buf, data, sizeof(data));
    if (ret)
        return -EFAULT;

    return sizeof(data);
}

static struct file_operations fops = {
    .read = my_read,
};

static int major;

static int __init my_module_init(void) {
    major = register_chrdev(0, "my_proc_context_dev", &fops);
    if (major < 0)
        printk(KERN_ERR "Failed to register char device\n");
    return 0;
}

static void __exit my_module_exit(void) {
    unregister_chrdev(major, "my_proc_context_dev");
}

module_init(my_module_init);
module_exit(my_module_exit);
MODULE_LICENSE("GPL");
