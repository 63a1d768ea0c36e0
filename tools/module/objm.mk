# Read by `make -C janus M=DIR` together with DIR's own Kbuild or Makefile,
# to learn which modules it asks for the way Linux's Kbuild files say it:
#   obj-m += hello.o          a module from hello.c
#   obj-m += mydrv.o
#   mydrv-objs := main.o io.o a module made of several objects (or mydrv-y)
# It prints a makefile fragment for janus's Makefile to include.
janus-print-modules:
	@echo 'EXT_MODULES := $(patsubst %.o,%,$(obj-m))'
	@$(foreach m,$(patsubst %.o,%,$(obj-m)),echo '$(m)-objs := $(or $(strip $($(m)-objs) $($(m)-y)),$(m).o)';)
