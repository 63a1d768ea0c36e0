/*
 * Starting programs. A program is a static ELF32 executable in the initrd
 * (kernel/initrd.c). load_program builds its address space: every PT_LOAD
 * segment in fresh user pages (writable only if the segment says so), a
 * stack with argc, argv[] and the strings at its top, and the registers to
 * start with (eip = the entry point, esp = &argc, user segments, IF on).
 * spawn() runs it in a new process, a child of the caller; kernel_execve()
 * turns the calling kernel thread into it (how pid 1 becomes /bin/init).
 * fork() copies the calling process (every page, eagerly) and execve()
 * replaces its program: the pair a shell uses, as in xv6 and Linux. spawn
 * stays for the kernel's own tests and as the one-call way.
 */
#include <asm/mmu_context.h>
#include <asm/ptrace.h>
#include <asm/segment.h>
#include <asm/switch_to.h>
#include <asm/vsyscall.h>
#include <linux/elf.h>
#include <linux/err.h>
#include <linux/errno.h>
#include <linux/kernel.h>
#include <linux/kthread.h>
#include <linux/sched.h>
#include <linux/sched/signal.h>
#include <linux/sched/task.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/syscalls.h>
#include <linux/uaccess.h>
#include <janus/exec.h>
#include <janus/initrd.h>
#include <janus/vfs.h>

#define USER_STACK_TOP PAGE_OFFSET
#define USER_STACK_PAGES 16
#define USER_STACK_BOTTOM (USER_STACK_TOP - USER_STACK_PAGES * PAGE_SIZE)
_Static_assert(VSYSCALL_ADDR + PAGE_SIZE == USER_STACK_BOTTOM, "the vsyscall page: right below the stack");

/* Copies len bytes into mm at uaddr, page by page (mm need not be loaded). */
static int copy_to_mm(struct mm_struct *mm, unsigned long uaddr, const void *src, size_t len)
{
	while (len) {
		size_t chunk = min(len, (size_t)(PAGE_SIZE - (uaddr & ~PAGE_MASK)));
		void *dst = mm_user_to_kernel(mm, uaddr);

		if (!dst)
			return -EFAULT;
		memcpy(dst, src, chunk);
		uaddr += chunk;
		src = (const char *)src + chunk;
		len -= chunk;
	}
	return 0;
}

static const Elf32_Phdr *check_elf(const u8 *file, size_t size)
{
	const Elf32_Ehdr *eh = (const Elf32_Ehdr *)file;

	if (size < sizeof(*eh) || memcmp(eh->e_ident, ELFMAG, 4) ||
	    eh->e_ident[EI_CLASS] != ELFCLASS32 || eh->e_ident[EI_DATA] != ELFDATA2LSB ||
	    eh->e_type != ET_EXEC || eh->e_machine != EM_386 ||
	    eh->e_phentsize != sizeof(Elf32_Phdr) || eh->e_phnum > 16 ||
	    eh->e_phoff > size || eh->e_phnum * sizeof(Elf32_Phdr) > size - eh->e_phoff)
		return NULL;
	return (const Elf32_Phdr *)(file + eh->e_phoff);
}

/* Maps one PT_LOAD segment: pages it shares with an earlier one keep theirs. */
static int load_segment(struct mm_struct *mm, const u8 *file, size_t size, const Elf32_Phdr *ph)
{
	unsigned long start = ph->p_vaddr & PAGE_MASK, end = ph->p_vaddr + ph->p_memsz;
	bool writable = ph->p_flags & PF_W;

	if (ph->p_filesz > ph->p_memsz || ph->p_offset > size || ph->p_filesz > size - ph->p_offset ||
	    ph->p_vaddr < PAGE_SIZE || end < ph->p_vaddr || end > VSYSCALL_ADDR)
		return -ENOEXEC;
	for (unsigned long page = start; page < end; page += PAGE_SIZE) {
		void *kaddr = mm_user_to_kernel(mm, page);

		if (!kaddr && !mm_map_zeroed_page(mm, page, writable))
			return -ENOMEM;
		if (kaddr && writable)
			map_user_page(mm->pgd, page, __pa(kaddr), true);
	}
	return copy_to_mm(mm, ph->p_vaddr, file + ph->p_offset, ph->p_filesz);
}

/* The stack: strings at the top, then argv[] (NULL-ended), an empty envp, argc. */
static int setup_stack(struct mm_struct *mm, const struct program_args *args, unsigned long *sp)
{
	unsigned long top = USER_STACK_TOP, uargv[MAX_ARGS + 2];
	int argc = args->argc;

	for (unsigned long page = USER_STACK_BOTTOM; page < USER_STACK_TOP; page += PAGE_SIZE)
		if (!mm_map_zeroed_page(mm, page, true))
			return -ENOMEM;
	for (int i = argc - 1; i >= 0; i--) {
		size_t len = strlen(args->argv[i]) + 1;

		top -= len;
		uargv[i] = top;
		copy_to_mm(mm, top, args->argv[i], len);
	}
	uargv[argc] = 0;     /* end of argv */
	uargv[argc + 1] = 0; /* envp: empty */
	top = (top - (argc + 3) * sizeof(unsigned long)) & ~15ul;
	copy_to_mm(mm, top, &argc, sizeof(argc));
	copy_to_mm(mm, top + sizeof(unsigned long), uargv, (argc + 2) * sizeof(unsigned long));
	*sp = top;
	return 0;
}

static int load_program(const char *path, const struct program_args *args,
			struct mm_struct **mmp, struct pt_regs *regs)
{
	size_t size;
	const u8 *file = initrd_find(path, &size);
	const Elf32_Phdr *ph;
	struct mm_struct *mm;
	unsigned long sp = 0;
	int err = 0;

	if (!file)
		return -ENOENT;
	ph = check_elf(file, size);
	if (!ph)
		return -ENOEXEC;
	mm = mm_alloc();
	if (!mm)
		return -ENOMEM;
	for (int i = 0; i < ((const Elf32_Ehdr *)file)->e_phnum && !err; i++)
		if (ph[i].p_type == PT_LOAD)
			err = load_segment(mm, file, size, &ph[i]);
	if (!err)
		err = setup_stack(mm, args, &sp);
	if (!err)
		err = vsyscall_map(mm);
	if (err) {
		mm_destroy(mm);
		return err;
	}
	*regs = (struct pt_regs){
		.ip = ((const Elf32_Ehdr *)file)->e_entry, .sp = sp,
		.cs = __USER_CS, .ss = __USER_DS, .ds = __USER_DS, .es = __USER_DS,
		/* fs and gs null, as Linux starts a process: user code has no use
		 * for them, and the way back to user mode after every system call
		 * and interrupt loads the user's fs (the kernel's per-CPU segment
		 * is in it meanwhile), which for a null selector reads no descriptor. */
		.fs = 0, .gs = 0, .flags = X86_EFLAGS_IF | 0x2,
	};
	*mmp = mm;
	return 0;
}

static const char *basename(const char *path)
{
	const char *slash = strrchr(path, '/');

	return slash ? slash + 1 : path;
}

/* What a process has besides its address space: files and signal handlers. */
static int setup_process(struct task_struct *p, struct files_struct *parent_files)
{
	p->sighand = kzalloc(sizeof(*p->sighand), GFP_KERNEL);
	p->files = files_alloc();
	if (!p->sighand || !p->files)
		return -ENOMEM;
	return files_open_stdio(p->files, parent_files);
}

/* Undoes a new process that never ran: its memory, files and task. */
static void drop_new_process(struct task_struct *p)
{
	if (p->mm)
		mm_destroy(p->mm);
	p->mm = NULL;
	if (p->files)
		files_release(p->files);
	p->files = NULL;
	put_task_struct(p);
}

/* A new process, its registers set, becomes current's child and runs. */
static long start_process(struct task_struct *p)
{
	pid_t pid = p->pid;

	copy_thread_user(p);
	link_child(p);
	wake_up_process(p);
	return pid;
}

/**
 * do_spawn() - Start a new process running the program at @path from the initrd.
 * @path: the program's path in the initrd, e.g. "/bin/sh"
 * @args: its argument strings
 *
 * The child gets a new address space, inherits the caller's open files (or
 * opens /dev/ttyS0 as stdio), becomes the caller's child, and is woken.
 *
 * Context: process context; may sleep (allocates with GFP_KERNEL).
 * Return: the child's pid; -ENOENT if there is no such program, -ENOEXEC
 * if it is not an i386 ELF executable, -ENOMEM.
 */
long do_spawn(const char *path, const struct program_args *args)
{
	struct task_struct *p;
	struct mm_struct *mm;
	struct pt_regs regs;
	long err = load_program(path, args, &mm, &regs);

	if (err)
		return err;
	p = create_task(basename(path));
	if (!p) {
		mm_destroy(mm);
		return -ENOMEM;
	}
	p->mm = mm;
	init_process_ids(p, current);
	err = setup_process(p, current->files);
	if (err) {
		drop_new_process(p);
		return err;
	}
	*task_pt_regs(p) = regs;
	return start_process(p);
}

/**
 * kernel_execve() - Turn the current kernel thread into a user process running @path.
 * @path: the program's path in the initrd
 * @args: its argument strings
 *
 * How init starts: the thread gets an address space, files and signal
 * handlers, loses PF_KTHREAD, and drops to user mode.
 *
 * Context: a kernel thread, process context; may sleep. Does not return on
 * success.
 * Return: only on failure: -ENOENT, -ENOEXEC or -ENOMEM.
 */
int kernel_execve(const char *path, const struct program_args *args)
{
	struct task_struct *tsk = current;
	struct mm_struct *mm;
	struct pt_regs regs;
	int err = load_program(path, args, &mm, &regs);

	if (!err)
		err = setup_process(tsk, NULL);
	if (err)
		return err;
	init_process_ids(tsk, tsk);
	strscpy(tsk->comm, basename(path), sizeof(tsk->comm));
	tsk->flags &= ~PF_KTHREAD;
	if (tsk->pid == 1) /* the system's init: user space cannot kill it */
		tsk->sighand->flags |= SIGNAL_UNKILLABLE;
	preempt_disable();
	tsk->mm = mm;
	switch_mm(mm);
	preempt_enable();
	*task_pt_regs(tsk) = regs;
	enter_user_mode(task_pt_regs(tsk));
}

/* The argument strings, copied in from user space. */
static long copy_args(const char *path, const char __user *const __user *uargv,
		      struct program_args *args)
{
	char *next = args->strings, *end = args->strings + sizeof(args->strings);

	args->argc = 0;
	if (!uargv) {
		args->argv[args->argc++] = strcpy(next, path);
		return 0;
	}
	for (;;) {
		const char __user *uarg;
		long len;

		if (get_user(uarg, uargv + args->argc))
			return -EFAULT;
		if (!uarg)
			return 0;
		if (args->argc == MAX_ARGS)
			return -E2BIG;
		len = strncpy_from_user(next, uarg, end - next);
		if (len < 0)
			return len;
		if (len == end - next)
			return -E2BIG;
		args->argv[args->argc++] = next;
		next += len + 1;
	}
}

/**
 * sys_spawn() - The spawn system call: start @upath as a child process (fork and exec in one).
 * @upath: user pointer to the program's path
 * @uargv: user pointer to a NULL-ended argv array, or NULL for just the path
 *
 * Context: process context (a system call); may sleep.
 * Return: the child's pid, or -EFAULT, -ENAMETOOLONG, -E2BIG, or an error of
 * do_spawn().
 */
/* The path and arguments of spawn or execve, copied in from user space. */
static long copy_in(const char __user *upath, const char __user *const __user *uargv, char *path,
		    struct program_args *args)
{
	long ret = strncpy_from_user(path, upath, PATH_MAX);

	if (ret == PATH_MAX)
		ret = -ENAMETOOLONG;
	return ret < 0 ? ret : copy_args(path, uargv, args);
}

/**
 * sys_fork() - The fork(2) system call: a copy of the calling process.
 *
 * The child gets a copy of every user page (an eager copy, no
 * copy-on-write), the same open files, the same signal handlers, group,
 * session and terminal, and the caller's registers: it returns from the
 * same fork, with 0.
 *
 * Context: process context (a system call); may sleep.
 * Return: the child's pid in the parent; -ENOMEM.
 */
long sys_fork(void)
{
	struct task_struct *p;
	struct mm_struct *mm = mm_dup(current->mm);

	if (!mm)
		return -ENOMEM;
	p = create_task(current->comm);
	if (!p) {
		mm_destroy(mm);
		return -ENOMEM;
	}
	p->mm = mm;
	init_process_ids(p, current);
	p->files = files_dup(current->files);
	p->sighand = kmalloc(sizeof(*p->sighand), GFP_KERNEL);
	if (!p->files || !p->sighand) {
		drop_new_process(p);
		return -ENOMEM;
	}
	*p->sighand = *current->sighand;
	p->sighand->flags = 0; /* init's SIGNAL_UNKILLABLE is init's alone */
	*task_pt_regs(p) = *task_pt_regs(current);
	task_pt_regs(p)->ax = 0; /* the child's fork returns 0 */
	return start_process(p);
}

/**
 * sys_execve() - The execve(2) system call: run another program in this process.
 * @upath: the program (from the initrd, e.g. "/bin/ls")
 * @uargv: its arguments, NULL-ended
 * @uenvp: its environment: not passed on (Janus programs start without one)
 *
 * The process keeps its pid, open files, group and session; it gets a new
 * address space, and handled signals go back to their default action
 * (ignored ones stay ignored). On success it never returns to the old program.
 *
 * Context: process context (a system call); may sleep.
 * Return: 0 (to the new program, in eax); -ENOENT, -ENOEXEC, -E2BIG,
 * -EFAULT, -ENOMEM, with the old program still running.
 */
long sys_execve(const char __user *upath, const char __user *const __user *uargv,
		const char __user *const __user *uenvp)
{
	struct program_args *args = kmalloc(sizeof(*args), GFP_KERNEL);
	struct task_struct *tsk = current;
	struct mm_struct *mm, *old = tsk->mm;
	char path[PATH_MAX];
	struct pt_regs regs;
	long ret;

	(void)uenvp;
	if (!args)
		return -ENOMEM;
	ret = copy_in(upath, uargv, path, args);
	if (ret >= 0)
		ret = load_program(path, args, &mm, &regs);
	kfree(args);
	if (ret < 0)
		return ret;
	preempt_disable();
	tsk->mm = mm;
	switch_mm(mm);
	preempt_enable();
	mm_destroy(old);
	for (int sig = 1; sig < _NSIG; sig++)
		if (tsk->sighand->action[sig].sa_handler != SIG_IGN)
			tsk->sighand->action[sig] = (struct sigaction){ .sa_handler = SIG_DFL };
	strscpy(tsk->comm, basename(path), sizeof(tsk->comm));
	tsk->did_exec = true;
	*task_pt_regs(tsk) = regs;
	return 0;
}

long sys_spawn(const char __user *upath, const char __user *const __user *uargv)
{
	struct program_args *args = kmalloc(sizeof(*args), GFP_KERNEL);
	char path[PATH_MAX];
	long ret;

	if (!args)
		return -ENOMEM;
	ret = copy_in(upath, uargv, path, args);
	if (ret >= 0)
		ret = do_spawn(path, args);
	kfree(args);
	return ret;
}
