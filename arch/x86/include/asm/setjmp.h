/* setjmp/longjmp (arch/x86/setjmp.asm): how a failed KUNIT_ASSERT leaves its test case. */
#ifndef _ASM_SETJMP_H
#define _ASM_SETJMP_H
typedef unsigned long jmp_buf[6]; /* ebx, esi, edi, ebp, esp, eip */
int setjmp(jmp_buf env) __attribute__((returns_twice));
__attribute__((noreturn)) void longjmp(jmp_buf env, int val);
#endif
